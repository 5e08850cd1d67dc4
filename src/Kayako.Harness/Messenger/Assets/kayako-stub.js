// The Kayako.Harness messenger stub: served in place of the real messenger script. It behaves like the
// messenger's public API (developer.kayako.com/messenger/web/methods) and the members real sites use beyond
// it, in both embed forms: loaded into the page (the newEmbedCode snippet), or into the about:blank iframe
// #kayako-messenger-frame of the admin-panel snippet, where the API lives on the parent page's window.kayako.
// On load it extends the snippet's object in place, so a reference taken before load works after it. It adds
// no globals; under the harness it reports every call, event and request over the private channel that the
// harness's init script leaves on this script's element (__KAYAKO_HARNESS_CHANNEL__ is replaced per session),
// and without the harness it works on its own.
(() => {
  const channel = '__KAYAKO_HARNESS_CHANNEL__';

  // Under the harness, its init script put a private channel on this script's element; without the harness
  // there is none and the stub works on its own.
  const element = document.currentScript;
  let harness = null;
  if (element !== null && Object.prototype.hasOwnProperty.call(element, channel)) {
    harness = element[channel];
    delete element[channel];
  }

  const isApi = (value) => value !== null && (typeof value === 'object' || typeof value === 'function');
  const apiOf = (candidate) => {
    try {
      return isApi(candidate.kayako) ? candidate : null;
    } catch (error) {
      return null;
    }
  };
  // The admin-panel form: the script runs in the snippet's #kayako-messenger-frame and the API is the parent page's.
  const ownFrame = window.frameElement !== null && window.frameElement.id === 'kayako-messenger-frame';
  const inFrame = window.parent !== window && apiOf(window.parent) !== null && (ownFrame || apiOf(window) === null);
  const host = inFrame ? window.parent : window;
  if (!isApi(host.kayako)) {
    host.kayako = {};
  }
  const api = host.kayako;
  if (harness !== null && !harness.claim(api)) {
    return; // the script loaded twice; the first copy is the messenger
  }

  const pageUrl = () => host.location.href;
  // Each entry is a kind (a CallLogEntryKind name) and its fields; the harness's channel sends it, encoding `args`.
  const log = (kind, fields) => {
    if (harness !== null) harness.log(kind, fields, pageUrl());
  };
  const encode = (value) => (harness !== null ? harness.encode(value) : value);
  const call = (method, args) => log('Call', { method, args });
  // A method that returns a value to the page: the value is logged with the call.
  const answer = (method, args, result) => {
    log('Call', { method, args, returned: encode(result) });
    return result;
  };

  const scriptUrl = element !== null ? element.src : '';
  const settings = isApi(api._settings) ? api._settings : {};
  const apiUrl = typeof settings.apiUrl === 'string' ? settings.apiUrl.replace(/\/+$/, '') : '';
  const config = isApi(api.config) ? api.config : null;
  const hideLauncher = config !== null && config.hideLauncher === true;
  const sizes = { minimized: hideLauncher ? { width: 0, height: 0 } : { width: 60, height: 60 }, maximized: { width: 370, height: 600 } };
  const listeners = new Map();
  let displayed = true;
  let windowState = 'minimized';
  let chat = null;
  let chats = 0;
  let unread = 0;
  let sounds = true;
  let logLevel = 'info';

  const visibility = () => (displayed ? windowState : 'hidden');

  // An exception in a page's callback reaches the page like any uncaught error, in the page's own realm, at once
  // (reportError, so it is reported before the messenger's next step, not on a later timer), without stopping the
  // callbacks after it.
  const fail = (error) => {
    if (typeof host.reportError === 'function') {
      host.reportError(error);
    } else {
      host.setTimeout(() => {
        throw error;
      });
    }
  };

  const emit = (name, payload) => {
    log('Event', { name, args: payload === undefined ? [] : [payload], visibility: visibility() });
    for (const callback of listeners.get(name) ?? []) {
      try {
        if (payload === undefined) callback();
        else callback(payload);
      } catch (error) {
        fail(error);
      }
    }
  };

  // The container is the snippet's own #kayako-messenger in the admin-panel form, and one the stub adds in the
  // in-page form; either way it takes the messenger's size, so screenshots and Playwright's visibility agree.
  const frame = inFrame ? window.frameElement : null;
  const ownContainer = frame === null || frame.parentElement === null;
  const container = ownContainer ? document.createElement('div') : frame.parentElement;
  const ui = ownContainer ? container : document.createElement('div');
  const launcher = document.createElement('button');
  const badge = document.createElement('span');
  const panel = document.createElement('section');
  const status = document.createElement('p');

  const render = () => {
    const size = sizes[windowState];
    container.style.display = displayed ? 'block' : 'none';
    container.style.width = `${size.width}px`;
    container.style.height = `${size.height}px`;
    ui.setAttribute('data-kayako-state', visibility());
    launcher.style.display = windowState === 'minimized' && !hideLauncher ? 'block' : 'none';
    panel.style.display = windowState === 'maximized' ? 'block' : 'none';
    badge.textContent = unread > 0 ? String(unread) : '';
    status.textContent = chat === null ? 'No conversation yet.' : `Conversation ${chat.id} is ${chat.state}.`;
  };

  const setWindow = (state) => {
    if (windowState === state) return;
    windowState = state;
    render();
    emit(`chat_window_${state}`);
    if (state === 'maximized' && unread > 0) {
      unread = 0;
      render();
      emit('unread_messages_count_changed', 0);
    }
  };

  const setDisplayed = (value) => {
    if (displayed === value) return;
    displayed = value;
    render();
    emit(value ? 'chat_window_shown' : 'chat_window_hidden');
  };

  const currentChat = () => (chat === null || chat.state !== 'active' ? null : { id: chat.id, state: chat.state, unreadCount: unread });

  // What a visitor does in the messenger's own window; MessengerPage drives these in tests.
  const actions = {
    'start-chat': () => {
      if (chat !== null && chat.state === 'active') return;
      chats += 1;
      chat = { id: chats, state: 'active' };
      render();
      emit('chat_started', currentChat());
      emit('chat_state_changed', 'active');
    },
    'agent-reply': () => {
      if (chat === null || chat.state !== 'active') return;
      if (displayed && windowState === 'maximized') return;
      unread += 1;
      render();
      emit('unread_messages_count_changed', unread);
    },
    'end-chat': () => {
      if (chat === null || chat.state !== 'active') return;
      const ended = { id: chat.id, state: 'ended', unreadCount: unread };
      chat.state = 'ended';
      render();
      emit('chat_state_changed', 'ended');
      emit('chat_ended', ended);
    },
  };

  const send = (operation, body) => {
    if (!apiUrl) {
      log('PageError', { message: 'kayako._settings.apiUrl is missing from the embed snippet; the request could not be sent' });
      return Promise.reject(new Error('no apiUrl'));
    }
    // The messenger's own fetch: the page's in the in-page form, the iframe's in the admin-panel form.
    // text/plain keeps the request "simple", so no CORS preflight is needed.
    return fetch(`${apiUrl}/messenger/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ ...body, session: channel, page: pageUrl() }),
      credentials: 'omit',
    });
  };

  const methods = {
    ready(callback) {
      call('ready', arguments);
      log('ReadyCallback', {});
      if (typeof callback !== 'function') {
        throw new TypeError('kayako.ready expects a function');
      }
      callback();
    },
    minimize() {
      call('minimize', arguments);
      setWindow('minimized');
    },
    maximize() {
      call('maximize', arguments);
      setWindow('maximized');
    },
    hide() {
      call('hide', arguments);
      setDisplayed(false);
    },
    show() {
      call('show', arguments);
      setDisplayed(true);
    },
    visibility() {
      return answer('visibility', arguments, visibility());
    },
    on(name, callback) {
      call('on', arguments);
      if (typeof name === 'string' && typeof callback === 'function') {
        listeners.set(name, (listeners.get(name) ?? []).concat([callback]));
      }
    },
    identify(name, email, signature, timestamp) {
      call('identify', arguments);
      const body = { name: encode(name), email: encode(email), signature: encode(signature), timestamp: encode(timestamp) };
      send('identify', body).then(
        (response) => {
          if (response.ok) emit('identified');
        },
        () => undefined,
      );
    },
    forget(callback) {
      call('forget', arguments);
      send('forget', {}).then(
        () => {
          log('ForgetCallback', { callback: typeof callback === 'function' });
          if (typeof callback === 'function') callback();
        },
        () => undefined,
      );
    },
    setLogLevel(level) {
      call('setLogLevel', arguments);
      logLevel = String(level);
    },
    enableSounds() {
      call('enableSounds', arguments);
      sounds = true;
    },
    disableSounds() {
      call('disableSounds', arguments);
      sounds = false;
    },
    isInChat() {
      return answer('isInChat', arguments, chat !== null && chat.state === 'active');
    },
    getCurrentChat() {
      return answer('getCurrentChat', arguments, currentChat());
    },
    agentsAvailable(callback) {
      answer('agentsAvailable', arguments, true);
      if (typeof callback === 'function') callback(true);
      return true;
    },
  };

  const build = () => {
    if (ownContainer) {
      container.id = 'kayako-messenger';
      container.setAttribute('role', 'complementary');
      container.setAttribute('aria-label', 'Kayako Messenger (Kayako.Harness stub)');
      Object.assign(container.style, { position: 'fixed', right: '20px', bottom: '20px', zIndex: '2147483000' });
    } else {
      Object.assign(frame.style, { width: '100%', height: '100%', border: 'none' });
      document.body.style.margin = '0';
      document.body.appendChild(ui);
    }
    Object.assign(ui.style, {
      boxSizing: 'border-box', width: '100%', height: '100%', borderRadius: '12px', background: '#40364d',
      color: '#fff', font: '14px sans-serif', overflow: 'hidden',
    });
    launcher.type = 'button';
    launcher.textContent = 'Chat';
    launcher.setAttribute('aria-label', 'Open the messenger');
    Object.assign(launcher.style, { width: '100%', height: '100%', border: 'none', background: 'transparent', color: 'inherit' });
    launcher.appendChild(badge);
    launcher.addEventListener('click', () => setWindow('maximized'));
    const title = document.createElement('h2');
    // homeTitles holds plain strings or { locale, translation } objects.
    const home = Array.isArray(settings.homeTitles) && settings.homeTitles.length > 0 ? settings.homeTitles[0] : null;
    title.textContent = String(isApi(home) ? home.translation ?? '' : home ?? settings.teamName ?? 'Support');
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Minimize';
    close.addEventListener('click', () => setWindow('minimized'));
    panel.append(title, status, close);
    for (const [action, handler] of Object.entries(actions)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('data-kayako-action', action);
      button.textContent = action.replace('-', ' ');
      button.addEventListener('click', handler);
      panel.appendChild(button);
    }
    Object.assign(panel.style, { padding: '12px' });
    ui.append(launcher, panel);
    render();
    if (ownContainer) {
      (document.body || document.documentElement).appendChild(container);
    }
  };

  const stringOrNull = (value) => (typeof value === 'string' ? value : null);
  log('Loaded', { script: scriptUrl, apiUrl: stringOrNull(settings.apiUrl), messengerUrl: stringOrNull(settings.messengerUrl), form: inFrame ? 'iframe' : 'page' });
  if (config !== null) {
    log('Config', { config: encode(config) });
  }
  build();

  // Extends the snippet's object in place: readyQueue and _settings stay, ready now runs callbacks at once.
  Object.assign(api, methods);
  const queue = Array.isArray(api.readyQueue) ? api.readyQueue.splice(0) : [];
  if (!Array.isArray(api.readyQueue)) {
    api.readyQueue = [];
  }
  queue.forEach((callback, index) => {
    log('ReadyCallback', { position: index + 1, of: queue.length });
    try {
      callback();
    } catch (error) {
      fail(error);
    }
  });
})();
