// The raw Playwright peer of the per-spec benchmark: the same spec as PerSpecBenchmark (open the toggle
// fixture page with the messenger stub, click the page's toggle twice, check visibility() each time), in
// plain Node with playwright-core and the same Debian Chromium, a warm browser and a fresh context per
// spec. It serves the same pages and stub files, with no call log, no fake API and no fixture host: what a
// team would write by hand. TRACING "trace" records a Playwright trace per spec and drops it when the spec
// passes, as Playwright Test's trace: 'retain-on-failure' does (and as our harness does); "bare" does not.
// Prints one JSON line: {"specs": N, "millisecondsPerSpec": [...]}.
'use strict';

const { chromium } = require('playwright-core');

const [executablePath, repositoryRoot, countText, tracingMode] = process.argv.slice(2);
const count = Number.parseInt(countText, 10);
const tracing = tracingMode === 'trace';
if (!executablePath || !repositoryRoot || !(count > 0) || !['trace', 'bare'].includes(tracingMode)) {
  console.error('usage: node spec.js CHROMIUM REPOSITORY_ROOT SPECS trace|bare');
  process.exit(2);
}

// The stub works on its own (no init script): a team would serve it as it is.
const { stub, servePage } = require('./fixture-routes')(repositoryRoot);

async function expectVisibility(tab, expected) {
  await tab.waitForFunction((state) => window.kayako.visibility() === state, expected, { timeout: 5000 });
}

async function spec(browser) {
  const context = await browser.newContext();
  try {
    if (tracing) {
      await context.tracing.start({ snapshots: true });
    }
    await context.route('http://harness.local/**', servePage);
    await context.route('https://*.kayakocdn.com/messenger**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: stub }));
    await context.route(/^https:\/\/[^/]*\.kayako\.(com|net)\//, (route) => route.abort());
    const tab = await context.newPage();
    await tab.goto('http://harness.local/toggle.html');
    await tab.waitForFunction(() => typeof window.kayako.visibility === 'function', null, { timeout: 5000 });
    await tab.click('#toggle-chat');
    await expectVisibility(tab, 'maximized');
    await tab.click('#toggle-chat');
    await expectVisibility(tab, 'minimized');
    if (tracing) {
      await context.tracing.stop();
    }
  } finally {
    await context.close();
  }
}

(async () => {
  const browser = await chromium.launch({ executablePath, headless: true });
  try {
    await spec(browser); // warm-up, as the .NET side gets one
    const millisecondsPerSpec = [];
    for (let i = 0; i < count; i++) {
      const started = process.hrtime.bigint();
      await spec(browser);
      millisecondsPerSpec.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    process.stdout.write(JSON.stringify({ specs: count, millisecondsPerSpec }) + '\n');
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(`spec.js: ${error.message}`);
  process.exit(1);
});
