// What each of the six spec files holds: 10 specs that open the toggle fixture page with the messenger stub,
// click the page's toggle twice and check visibility() each time, as the .NET suite's MessengerPageTest specs do.
// The pages and the stub are the repository's own (fixtures/pages, the stub Kayako.Harness embeds), routed by
// hand as a team would: the page host, the messenger script, and Kayako's API aborted (the stub needs none).
'use strict';

const path = require('node:path');
const { test } = require('@playwright/test');

const repositoryRoot = path.resolve(__dirname, '../../..');
const { stub, servePage } = require('../fixture-routes')(repositoryRoot);

async function expectVisibility(page, expected) {
  await page.waitForFunction((state) => window.kayako.visibility() === state, expected, { timeout: 5000 });
}

module.exports = function toggleSpecs(count) {
  test.beforeEach(async ({ context }) => {
    await context.route('http://harness.local/**', servePage);
    await context.route('https://*.kayakocdn.com/messenger**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: stub }));
    await context.route(/^https:\/\/[^/]*\.kayako\.(com|net)\//, (route) => route.abort());
  });

  for (let spec = 1; spec <= count; spec++) {
    test(`the toggle opens and closes the messenger (${spec})`, async ({ page }) => {
      await page.goto('/toggle.html');
      await page.waitForFunction(() => typeof window.kayako.visibility === 'function', null, { timeout: 5000 });
      await page.click('#toggle-chat');
      await expectVisibility(page, 'maximized');
      await page.click('#toggle-chat');
      await expectVisibility(page, 'minimized');
    });
  }
};
