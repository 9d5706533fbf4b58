// The "Perangkat daerah" picker of the console's frame: a second agency set up with the
// CLI (agency create, then its Renstra imported from the seed table), picked in the
// console, shows that agency's plan; switching back shows the default agency's; the
// choice is kept per browser tab; a Kepala Dinas of the default agency reads the other
// agency's Renstra but its write is refused by renstrad, in Indonesian; an official the
// admin bound to the other agency (`admin user add --agency`) starts on their own agency.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test, expect, login, shot, cli } = require('./servers');

const root = path.resolve(__dirname, '..', '..');
const seed = path.join(root, 'data', 'seed', 'renstra_dumai_2024.txt');


// Sets up DINSOS-BENGKALIS once per server (the servers are shared by the worker's tests).
function agensiKedua(servers) {
  const shown = spawnSync(path.join(servers.bin, 'renstra'), ['agency', 'show', 'DINSOS-BENGKALIS'], {
    env: Object.assign({}, process.env, { RENSTRA_SERVER: servers.grpc, RENSTRA_TOKEN: 'demo-admin-token' }),
  });
  if (shown.status === 0) return;
  cli(servers, 'demo-admin-token', ['agency', 'create', 'DINSOS-BENGKALIS', '--name',
    'Dinas Sosial Kabupaten Bengkalis', '--pemda', 'Kabupaten Bengkalis']);
  cli(servers, 'demo-admin-token', ['--agency', 'DINSOS-BENGKALIS', 'import', '--file', seed]);
}

// "(plan/dinsos-dumai, versi 1324)" of `renstra plan show` → "1324".
function versiCli(servers, args) {
  const out = cli(servers, 'demo-inspektorat-token', args.concat(['plan', 'show']));
  return /\((plan\/[a-z-]+), versi (\d+)\)/.exec(out);
}

test('picking another agency shows its Renstra and switching back the default', async ({ page, servers }) => {
  agensiKedua(servers);
  const [, idBawaan, versiBawaan] = versiCli(servers, []);
  expect(idBawaan).toBe('plan/dinsos-dumai');
  expect(versiCli(servers, ['--agency', 'DINSOS-BENGKALIS']).slice(1)).toEqual(
    ['plan/dinsos-bengkalis', '1324']);

  await login(page, servers.url, 'inspektorat');
  const pilih = page.locator('#perangkat-daerah');
  await expect(pilih).toBeEnabled();
  await expect(pilih.locator('option')).toHaveText([
    'Dinas Sosial Kabupaten Bengkalis (DINSOS-BENGKALIS)',
    'Dinas Sosial dan Pemberdayaan Masyarakat Kota Dumai (DINSOS-DUMAI)',
  ]);
  await expect(page.locator('#status-muat')).toHaveText(/^\d+ program$/);
  // The Inspektorat serves every agency: the default one first.
  await expect(pilih).toHaveValue('DINSOS-DUMAI');
  await expect(page.locator('#versi-rencana')).toHaveText(`Rencana plan/dinsos-dumai, versi ${versiBawaan}`);

  await pilih.selectOption('DINSOS-BENGKALIS');
  await expect(page.locator('#versi-rencana')).toHaveText('Rencana plan/dinsos-bengkalis, versi 1324');
  await expect(pilih).toHaveValue('DINSOS-BENGKALIS');
  await expect(page.locator('#status-muat')).toHaveText(/^\d+ program$/);
  await shot(page, 'perangkat-daerah');
  // Kept for this tab: another page and back still show the other agency.
  await page.click('a[href="/laporan"]');
  await expect(page.locator('#perangkat-daerah')).toHaveValue('DINSOS-BENGKALIS');
  await page.click('a[href="/renstra"]');
  await expect(page.locator('#versi-rencana')).toHaveText('Rencana plan/dinsos-bengkalis, versi 1324');

  // A new tab starts from the user's own (here: the server's default).
  const tab = await page.context().newPage();
  await tab.goto(servers.url + '/renstra');
  await expect(tab.locator('#versi-rencana')).toHaveText(`Rencana plan/dinsos-dumai, versi ${versiBawaan}`);
  await expect(tab.locator('#perangkat-daerah')).toHaveValue('DINSOS-DUMAI');
  await tab.close();

  await page.locator('#perangkat-daerah').selectOption('DINSOS-DUMAI');
  await expect(page.locator('#versi-rencana')).toHaveText(`Rencana plan/dinsos-dumai, versi ${versiBawaan}`);
  await expect(page.locator('#perangkat-daerah')).toHaveValue('DINSOS-DUMAI');
});

test('a Kepala Dinas reads another agency but its write there is refused in Indonesian', async ({ page, servers }) => {
  agensiKedua(servers);
  await login(page, servers.url, 'kadis');
  await expect(page.locator('#perangkat-daerah')).toHaveValue('DINSOS-DUMAI');
  await page.locator('#perangkat-daerah').selectOption('DINSOS-BENGKALIS');
  await expect(page.locator('#versi-rencana')).toHaveText('Rencana plan/dinsos-bengkalis, versi 1324');

  await page.click('a[href="/perubahan"]');
  await expect(page.locator('#perangkat-daerah')).toHaveValue('DINSOS-BENGKALIS');
  await page.fill('#nama-revisi', 'Perubahan Renstra Bengkalis');
  await page.click('#buka');
  await expect(page.locator('#pesan')).toHaveText(
    'Ditolak: kadis bekerja untuk perangkat daerah DINSOS-DUMAI; Renstra DINSOS-BENGKALIS ' +
    'milik perangkat daerah lain dan hanya dapat dibaca.');
  await expect(page.locator('#hasil')).toHaveText('');

  // An agency this server does not know is named, in Indonesian.
  const unknown = await page.request.get(servers.url + '/api/renstra?agency=DISDIK-DUMAI');
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.message).toBe(
    'Perangkat daerah DISDIK-DUMAI tidak ada di server ini. Pilih perangkat daerah lain.');
});

test('an official of another agency starts on their own agency', async ({ page, servers }) => {
  agensiKedua(servers);
  // The admin adds a Sekretariat of DINSOS-BENGKALIS and gives it a console password.
  const users = cli(servers, 'demo-admin-token', ['admin', 'user', 'list']);
  if (!/^sekbengkalis /m.test(users)) {
    cli(servers, 'demo-admin-token', ['admin', 'user', 'add', 'sekbengkalis', '--role',
      'SEKRETARIAT', '--agency', 'DINSOS-BENGKALIS', '--display-name', 'Sekretariat Dinsos Bengkalis']);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sandi-')), 'sandi.txt');
    fs.writeFileSync(file, 'demo-sekbengkalis-sandi\n');
    cli(servers, 'demo-admin-token', ['admin', 'user', 'password', 'sekbengkalis', '--password-file', file]);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  const [, id, versi] = versiCli(servers, ['--agency', 'DINSOS-BENGKALIS']);

  await login(page, servers.url, 'sekbengkalis');
  await expect(page.locator('#perangkat-daerah')).toHaveValue('DINSOS-BENGKALIS');
  await expect(page.locator('#versi-rencana')).toHaveText(`Rencana ${id}, versi ${versi}`);
  // The default agency is still one pick away, and the choice is undone by a new tab.
  await page.locator('#perangkat-daerah').selectOption('DINSOS-DUMAI');
  await expect(page.locator('#versi-rencana')).toHaveText(/^Rencana plan\/dinsos-dumai, versi \d+$/);
  const tab = await page.context().newPage();
  await tab.goto(servers.url + '/renstra');
  await expect(tab.locator('#perangkat-daerah')).toHaveValue('DINSOS-BENGKALIS');
  await expect(tab.locator('#versi-rencana')).toHaveText(`Rencana ${id}, versi ${versi}`);
});
