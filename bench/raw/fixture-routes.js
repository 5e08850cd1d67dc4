// What both Node peers of the bench (spec.js, suite/) serve, as a team would route it by hand: the repository's
// fixture pages (fixtures/pages) and the messenger stub Kayako.Harness embeds, read once.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

module.exports = function fixtureRoutes(repositoryRoot) {
  const stub = fs.readFileSync(path.join(repositoryRoot, 'src/Kayako.Harness/Messenger/Assets/kayako-stub.js'), 'utf8');
  const pages = new Map();
  const servePage = (route) => {
    const name = path.basename(new URL(route.request().url()).pathname) || 'index.html';
    if (!pages.has(name)) {
      const file = path.join(repositoryRoot, 'fixtures/pages', name);
      pages.set(name, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
    }
    const body = pages.get(name);
    return body === null
      ? route.fulfill({ status: 404, body: 'not found' })
      : route.fulfill({ status: 200, contentType: types[path.extname(name)] ?? 'application/octet-stream', body });
  };
  return { stub, servePage };
};
