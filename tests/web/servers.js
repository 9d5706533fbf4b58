// A worker-scoped fixture: a real renstrad (seeded, demo users, a temp data dir, port 0)
// and a real renstra-web (port 0) in front of it, stopped after the worker's tests.
// Binaries from $RENSTRA_BIN (default: ../../build/bin). The fixture gives the console's URL,
// renstrad's address (for the CLI) and the binaries' directory; login(), shot() and cli()
// are the journeys' shared steps.
const base = require('@playwright/test');
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const bin = process.env.RENSTRA_BIN || path.join(root, 'build', 'bin');

// Starts `cmd` and resolves with the first stdout/stderr match of `pattern`.
function start(cmd, args, pattern, label) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${label} did not start:\n${seen}`)), 60000);
    const onData = (chunk) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) { clearTimeout(timer); resolve({ child, match: m }); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${label} exited ${code}:\n${seen}`)); });
  });
}

exports.test = base.test.extend({
  servers: [async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renstra-web-test-'));
    const renstrad = await start(path.join(bin, 'renstrad'),
      ['--listen=127.0.0.1:0', `--data_dir=${dir}/data`,
       `--users=${path.join(root, 'deploy', 'users.demo.textproto')}`, '--log_level=warn'],
      /renstrad listening on (127\.0\.0\.1:\d+)/, 'renstrad');
    const web = await start(path.join(bin, 'renstra-web'),
      ['--listen=127.0.0.1:0', `--server=${renstrad.match[1]}`],
      /renstra-web listening on (http:\/\/127\.0\.0\.1:\d+)/, 'renstra-web');
    await use({ url: web.match[1], grpc: renstrad.match[1], bin });
    for (const p of [web.child, renstrad.child]) {
      p.removeAllListeners('exit');
      p.kill('SIGTERM');
      await new Promise((r) => p.once('exit', r));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, { scope: 'worker' }],
});
exports.expect = base.expect;

// Runs the CLI (`renstra args...`) as the user of `token` against the fixture's renstrad;
// returns its stdout. A non-zero exit throws, with the CLI's stderr in the error.
exports.cli = function cli(servers, token, args) {
  return execFileSync(path.join(servers.bin, 'renstra'), args, {
    env: Object.assign({}, process.env, { RENSTRA_SERVER: servers.grpc, RENSTRA_TOKEN: token }),
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
};

// Logs `name` in with its demo password (deploy/users.demo.textproto) and waits for the
// Renstra page the login leads to.
exports.login = async function login(page, url, name) {
  await page.goto(url + '/masuk');
  await page.fill('#nama', name);
  await page.fill('#sandi', `demo-${name}-sandi`);
  await page.click('button[type=submit]');
  await base.expect(page).toHaveURL(url + '/renstra');
};

// With RENSTRA_SCREENSHOTS=<dir> the journeys save a screenshot of each page there
// (docs/console/ holds the ones committed); otherwise nothing.
exports.shot = async function shot(page, name) {
  if (process.env.RENSTRA_SCREENSHOTS) {
    await page.screenshot({ path: path.join(process.env.RENSTRA_SCREENSHOTS, name + '.png') });
  }
};
