// Runs in every frame before the page's own scripts (a Playwright init script). It watches the object
// the page's embed snippet puts on window.kayako so that calls made before the messenger loaded can be
// recorded: they still throw, exactly as they do against the real snippet object.
(() => {
  if (window.__kayakoHarness) {
    return;
  }

  const methodsBeforeReady = ['minimize', 'maximize', 'hide', 'show', 'visibility', 'identify', 'forget', 'on'];
  const proxies = new WeakSet();
  let raw;
  let current;

  const encode = (value, depth, seen) => {
    if (value === undefined) return { $type: 'undefined' };
    if (typeof value === 'function') return { $type: 'function' };
    if (typeof value === 'bigint') return { $type: 'bigint', value: String(value) };
    if (typeof value === 'symbol') return { $type: 'symbol', value: String(value.description ?? '') };
    if (typeof value === 'number' && !Number.isFinite(value)) return { $type: 'number', value: String(value) };
    if (value === null || typeof value !== 'object') return value;
    if (seen.includes(value)) return { $type: 'circular' };
    if (depth > 8) return { $type: 'object', value: Object.prototype.toString.call(value) };
    if (typeof Node !== 'undefined' && value instanceof Node) return { $type: 'node', value: value.nodeName };
    const next = seen.concat([value]);
    if (Array.isArray(value)) return value.map((item) => encode(item, depth + 1, next));
    const result = {};
    for (const key of Object.keys(value)) {
      result[key] = encode(value[key], depth + 1, next);
    }
    return result;
  };

  const log = (kind, name, args, detail) => {
    const send = window.__kayakoHarnessLog;
    if (typeof send !== 'function') {
      return Promise.resolve();
    }
    const entry = {
      kind,
      name: name ?? '',
      args: Array.from(args ?? [], (value) => encode(value, 0, [])),
      detail: detail ?? null,
      url: location.href,
    };
    return send(JSON.stringify(entry)).catch(() => undefined);
  };

  const wrap = (value) => {
    if (value === null || typeof value !== 'object' || proxies.has(value) || value.__kayakoHarnessStub) {
      return value;
    }
    raw = value;
    const proxy = new Proxy(value, {
      get(target, property, receiver) {
        const found = Reflect.get(target, property, receiver);
        if (property === 'ready' && typeof found === 'function') {
          return function ready(...args) {
            log('Call', 'ready', args, 'queued: the messenger has not loaded yet');
            return found.apply(target, args);
          };
        }
        if (found === undefined && methodsBeforeReady.includes(property)) {
          // Production's snippet object has no such method: calling it throws this TypeError.
          return function notReady(...args) {
            const message = `kayako.${property} is not a function`;
            log('CallBeforeReady', property, args, `TypeError: ${message} (the messenger had not loaded yet; call it inside kayako.ready)`);
            throw new TypeError(message);
          };
        }
        return found;
      },
    });
    proxies.add(proxy);
    return proxy;
  };

  Object.defineProperty(window, 'kayako', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value) => {
      current = wrap(value);
    },
  });

  if (window === window.top) {
    // Fires when a navigation to another document starts (a link, a form, location.href), long before the
    // new page commits; a history.pushState route does not fire it.
    window.addEventListener('beforeunload', () => {
      log('Leaving', '', [], 'the page started to leave (beforeunload)');
    });
  }

  Object.defineProperty(window, '__kayakoHarness', {
    value: Object.freeze({ log, encode: (value) => encode(value, 0, []), snippet: () => raw ?? current }),
  });
})();
