// Runs in every frame before the page's own scripts (a Playwright init script) and adds nothing the page can
// see: no globals, no wrapped objects, no changed built-ins, no events. It keeps a private channel to the
// harness — the browser's own console.debug, taken before the page could replace it, behind this session's
// prefix — and hands it to the messenger stub by its <script> element: a MutationObserver (which the page cannot
// see) puts it on the element of a script whose URL is the messenger's, and the stub takes it off when it runs.
// It also reports an uncaught error that shows a messenger method was called before the messenger loaded, and
// the top page starting to leave. __KAYAKO_HARNESS_CHANNEL__ is replaced with a random name per session, and
// __KAYAKO_HARNESS_SCRIPT_PATTERNS__ with the messenger script URL patterns as regular expressions.
(() => {
  const channel = '__KAYAKO_HARNESS_CHANNEL__';
  // A second secret that only this script holds (the stub's source names the channel, and anyone may fetch it),
  // so no page can forge an entry.
  const prefix = '__KAYAKO_HARNESS_PREFIX__';
  // A page that calls the messenger in a loop must not flood the harness: past this many entries per document,
  // one last entry says so and the rest are dropped.
  const limit = 20000;
  let budget = limit;

  // Built-ins as they were before the page ran: a page may replace any of them later.
  const consoleObject = console;
  const debug = console.debug;
  const reflectApply = Reflect.apply;
  const stringify = JSON.stringify;
  const objectKeys = Object.keys;
  const isArray = Array.isArray;
  const arrayFrom = Array.from;
  const toTag = Object.prototype.toString;
  const hasOwn = Object.prototype.hasOwnProperty;
  const addListener = EventTarget.prototype.addEventListener;
  const ErrorEventType = ErrorEvent;
  const MutationObserverType = MutationObserver;
  const defineProperty = Object.defineProperty;
  const messengerScripts = __KAYAKO_HARNESS_SCRIPT_PATTERNS__.map((source) => new RegExp(source));
  const NodeType = typeof Node === 'undefined' ? null : Node;
  const claimed = new WeakSet();

  const encode = (value, depth = 0, seen = []) => {
    if (value === undefined) return { $type: 'undefined' };
    if (typeof value === 'function') return { $type: 'function' };
    if (typeof value === 'bigint') return { $type: 'bigint', value: String(value) };
    if (typeof value === 'symbol') return { $type: 'symbol', value: String(value.description ?? '') };
    if (typeof value === 'number' && !Number.isFinite(value)) return { $type: 'number', value: String(value) };
    if (value === null || typeof value !== 'object') return value;
    if (seen.includes(value)) return { $type: 'circular' };
    if (depth > 8) return { $type: 'object', value: reflectApply(toTag, value, []) };
    if (NodeType !== null && value instanceof NodeType) return { $type: 'node', value: value.nodeName };
    const next = seen.concat([value]);
    if (isArray(value)) return value.map((item) => encode(item, depth + 1, next));
    const result = {};
    for (const key of objectKeys(value)) {
      try {
        result[key] = encode(value[key], depth + 1, next);
      } catch (error) {
        result[key] = { $type: 'unreadable' };
      }
    }
    return result;
  };

  // Sends one entry: its kind, a CallLogEntryKind name (a unit test holds the kinds sent here and in the stub to
  // the C# reader, StubMessage), and that kind's fields as structured values, never text for C# to parse. `args`,
  // when given, are values the page passed and are encoded here; the stub encodes other page values itself.
  const log = (kind, fields, url) => {
    if (budget <= 0) return;
    budget -= 1;
    const entry = budget === 0 ? { kind: 'LogLimit', limit } : { kind, ...fields };
    if (budget > 0 && fields.args !== undefined) {
      entry.args = reflectApply(arrayFrom, Array, [fields.args, (value) => encode(value)]);
    }
    entry.url = url ?? location.href;
    try {
      reflectApply(debug, consoleObject, [prefix + stringify(entry)]);
    } catch (error) {
      // A value the page made unserializable must not break the page: the entry is lost, the page is not.
    }
  };

  const harness = Object.freeze({
    log,
    encode: (value) => encode(value),
    // The stub extends each snippet object once, however often its script loads.
    claim: (api) => {
      if (claimed.has(api)) return false;
      claimed.add(api);
      return true;
    },
  });

  const offer = (node) => {
    if (node.nodeName !== 'SCRIPT' || reflectApply(hasOwn, node, [channel])) return;
    const src = node.src;
    if (typeof src === 'string' && messengerScripts.some((pattern) => pattern.test(src))) {
      defineProperty(node, channel, { value: harness, configurable: true });
    }
  };
  new MutationObserverType((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        offer(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        offer(node);
        if (node.firstElementChild !== null) {
          for (const script of node.getElementsByTagName('script')) offer(script);
        }
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });

  // Messenger members a page may call; "X.member is not a function" on a snippet object that lacks the member
  // and has not been extended yet is a call made before the messenger loaded.
  const members = __KAYAKO_HARNESS_MEMBERS__;
  const notAFunction = /([\w$.\]\[)'"]+)\.([\w$]+) is not a function/;

  const inspect = (error, message, filename, line, column) => {
    const text = typeof message === 'string' && message.length > 0 ? message : String(error && error.message);
    const match = notAFunction.exec(text);
    if (match === null || !members.includes(match[2])) return;
    let snippet;
    try {
      snippet = window.kayako;
    } catch (readError) {
      return;
    }
    if (snippet === null || typeof snippet !== 'object' || claimed.has(snippet) || reflectApply(hasOwn, snippet, [match[2]])) return;
    const name = error && typeof error.name === 'string' ? error.name : 'TypeError';
    const at = typeof filename === 'string' && filename.length > 0 ? { url: filename, line, column } : null;
    log('CallBeforeReady', { method: match[2], error: `${name}: ${text.replace(/^Uncaught (\w*Error: )?/, '')}`, at }, location.href);
  };

  // A SyntaxError carries no stack: say where it came from, and whether from an inline script of the page's
  // markup (often a server-printed value that was not escaped).
  const locate = (event) => {
    const error = event.error;
    if (error === null || typeof error !== 'object' || error.name !== 'SyntaxError') return;
    const page = location.href.split('#')[0];
    log('ErrorLocation', {
      message: `SyntaxError: ${error.message}`,
      at: { url: event.filename, line: event.lineno, column: event.colno },
      inline: event.filename === page,
    }, location.href);
  };

  reflectApply(addListener, window, ['error', (event) => {
    if (event instanceof ErrorEventType) {
      locate(event);
      inspect(event.error, event.error && event.error.message, event.filename, event.lineno, event.colno);
    }
  }]);
  reflectApply(addListener, window, ['unhandledrejection', (event) => {
    const reason = event.reason;
    if (reason !== null && typeof reason === 'object') {
      inspect(reason, reason.message, '', 0, 0);
    }
  }]);

  if (window === window.top) {
    // Unlike a navigation event, which a history.pushState route fires too, this marks a new document.
    log('DocumentStarted', {}, location.href);

    // Registered before any page script, so it runs before the snippet's own load handler adds the script.
    reflectApply(addListener, window, ['load', () => {
      let snippet;
      try {
        snippet = window.kayako;
      } catch (error) {
        return;
      }
      if (snippet !== null && typeof snippet === 'object') {
        log('SnippetFound', {}, location.href);
      }
    }]);

    // Fires when a navigation to another document starts (a link, a form, location.href), long before the
    // new page commits; a history.pushState route does not fire it.
    reflectApply(addListener, window, ['beforeunload', () => {
      log('Leaving', {}, location.href);
    }]);
  }
})();
