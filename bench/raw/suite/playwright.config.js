// The Playwright Test peer of the suite benchmark (bench/SuiteBenchmark.cs): 60 specs in 6 files, 2 workers,
// Playwright Test's own defaults otherwise (files side by side, a file's tests one after another, as the .NET
// suite's fixtures), trace 'on-first-retry' (the generated config's: no trace on a first run) and Debian's
// Chromium, which the bench names in KAYAKO_BENCH_CHROMIUM.
'use strict';

const { defineConfig } = require('@playwright/test');

if (!process.env.KAYAKO_BENCH_CHROMIUM) {
  throw new Error('KAYAKO_BENCH_CHROMIUM is not set: name the Chromium to run (the bench sets it to Debian\'s headless shell).');
}

module.exports = defineConfig({
  testDir: __dirname,
  testMatch: '*.spec.js',
  workers: 2,
  retries: 0,
  reporter: 'dot',
  outputDir: require('node:path').join(require('node:os').tmpdir(), 'kayako-harness-bench-playwright-test'),
  use: {
    baseURL: 'http://harness.local/',
    headless: true,
    trace: 'on-first-retry',
    launchOptions: { executablePath: process.env.KAYAKO_BENCH_CHROMIUM },
  },
});
