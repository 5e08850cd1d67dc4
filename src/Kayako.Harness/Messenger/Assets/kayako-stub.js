// The Kayako.Harness messenger stub: served in place of the real messenger script. It behaves like the
// documented messenger API (docs: developer.kayako.com/messenger/web/methods) and reports every call,
// event and request to the harness through window.__kayakoHarness (installed by kayako-observer.js).
(async () => {
  const harness = window.__kayakoHarness;
  if (!harness || window.__kayakoHarnessStub) {
    return;
  }

  const scriptUrl = document.currentScript ? document.currentScript.src : '';
  const snippet = harness.snippet() || {};
  const settings = snippet._settings && typeof snippet._settings === 'object' ? snippet._settings : {};
  const apiUrl = typeof settings.apiUrl === 'string' ? settings.apiUrl.replace(/\/+$/, '') : '';
  const sizes = { minimized: { width: 60, height: 60 }, maximized: { width: 370, height: 600 } };
  const listeners = new Map();
  let displayed = true;
  let windowState = 'minimized';
  let container;

  const visibility = () => (displayed ? windowState : 'hidden');
  const call = (name, args, detail) => harness.log('Call', name, args, detail);

  const fail = (error) => {
    // An exception in a page's callback must reach the page like any uncaught error, without stopping
    // the callbacks after it.
    setTimeout(() => {
      throw error;
    });
  };

  const emit = (name) => {
    harness.log('Event', name, [], `visibility is now '${visibility()}'`);
    for (const callback of listeners.get(name) ?? []) {
      try {
        callback();
      } catch (error) {
        fail(error);
      }
    }
  };

  const render = () => {
    if (!container) {
      return;
    }
    const size = sizes[windowState];
    container.style.display = displayed ? 'block' : 'none';
    container.style.width = `${size.width}px`;
    container.style.height = `${size.height}px`;
    container.dataset.window = windowState;
    container.dataset.visibility = visibility();
  };

  const setWindow = (state) => {
    if (windowState === state) {
      return;
    }
    windowState = state;
    render();
    emit(`chat_window_${state}`);
  };

  const send = (operation, body) => {
    if (!apiUrl) {
      harness.log('PageError', operation, [], 'kayako._settings.apiUrl is missing from the embed snippet; the request could not be sent');
      return Promise.reject(new Error('no apiUrl'));
    }
    return fetch(`${apiUrl}/messenger/${operation}`, {
      method: 'POST',
      // text/plain keeps the request "simple" so no CORS preflight is needed, as with the real messenger.
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
  };

  const api = {
    readyQueue: [],
    _settings: settings,
    ready(callback) {
      call('ready', arguments, 'the messenger is loaded: the callback runs at once');
      harness.log('ReadyCallback', 'ready', [], 'called after load');
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
      if (displayed) {
        displayed = false;
        render();
        emit('chat_window_hidden');
      }
    },
    show() {
      call('show', arguments);
      if (!displayed) {
        displayed = true;
        render();
        emit('chat_window_shown');
      }
    },
    visibility() {
      const result = visibility();
      call('visibility', arguments, `returned '${result}'`);
      return result;
    },
    on(name, callback) {
      call('on', arguments);
      if (typeof name === 'string' && typeof callback === 'function') {
        listeners.set(name, (listeners.get(name) ?? []).concat([callback]));
      }
    },
    identify(name, email, signature, timestamp) {
      call('identify', arguments);
      const body = {
        name: harness.encode(name),
        email: harness.encode(email),
        signature: harness.encode(signature),
        timestamp: harness.encode(timestamp),
      };
      send('identify', body).then(
        (response) => {
          if (response.ok) {
            emit('identified');
          }
        },
        () => undefined,
      );
    },
    forget(callback) {
      call('forget', arguments);
      send('forget', {}).then(
        () => {
          harness.log('ForgetCallback', 'forget', [], typeof callback === 'function' ? 'the forget request completed; running the callback' : 'the forget request completed; no callback was given');
          if (typeof callback === 'function') {
            callback();
          }
        },
        () => undefined,
      );
    },
  };
  Object.defineProperty(api, '__kayakoHarnessStub', { value: true });

  // The harness routes the API before anything can call it, so wait for it to acknowledge the load.
  await harness.log('Loaded', '', [], JSON.stringify({ script: scriptUrl, apiUrl: settings.apiUrl ?? null, messengerUrl: settings.messengerUrl ?? null }));

  container = document.createElement('div');
  container.id = 'kayako-messenger';
  container.setAttribute('role', 'complementary');
  container.setAttribute('aria-label', 'Kayako Messenger (Kayako.Harness stub)');
  Object.assign(container.style, {
    position: 'fixed',
    right: '20px',
    bottom: '20px',
    zIndex: '2147483000',
    boxSizing: 'border-box',
    borderRadius: '12px',
    background: '#40364d',
    boxShadow: '0 4px 16px rgba(0, 0, 0, 0.3)',
  });
  render();
  (document.body || document.documentElement).appendChild(container);

  Object.defineProperty(window, 'kayako', { value: api, writable: true, configurable: true, enumerable: true });
  Object.defineProperty(window, '__kayakoHarnessStub', {
    value: Object.freeze({ loaded: true, visibility }),
  });

  const queue = Array.isArray(snippet.readyQueue) ? snippet.readyQueue.splice(0) : [];
  queue.forEach((callback, index) => {
    harness.log('ReadyCallback', 'ready', [], `queued callback ${index + 1} of ${queue.length}`);
    try {
      callback();
    } catch (error) {
      fail(error);
    }
  });
})();
