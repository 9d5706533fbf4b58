// Playwright drives Debian's chromium (/usr/bin/chromium, or $CHROMIUM): nothing is
// downloaded at test time. The servers are started by the tests' fixture (servers.js).
const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.js/,
  workers: 1,
  timeout: 30000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox'],
    },
  },
});
