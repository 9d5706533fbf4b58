// The web console against real renstrad and renstra-web processes (servers.js).
const { test, expect } = require('./servers');

async function login(page, url, name, password) {
  await page.goto(url + '/masuk');
  await page.fill('#nama', name);
  await page.fill('#sandi', password);
  await page.click('button[type=submit]');
}

test('without a cookie every page leads to the login page', async ({ page, servers }) => {
  const response = await page.goto(servers.url + '/renstra');
  expect(new URL(page.url()).pathname).toBe('/masuk');
  await expect(page.locator('h1')).toHaveText('Konsol Renstra');
  await expect(page.locator('label[for=nama]')).toHaveText('Nama pengguna (NIP)');
  expect(response.headers()['content-security-policy']).toBe(
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
});

test('a wrong password says so and how many attempts are left', async ({ page, servers }) => {
  await login(page, servers.url, 'rehab', 'bukan-sandinya');
  await expect(page.locator('#pesan')).toHaveText(
    'Nama pengguna atau kata sandi salah. Sisa percobaan: 4 sebelum akun dikunci 15 menit.');
  expect(new URL(page.url()).pathname).toBe('/masuk');
});

test('five wrong passwords lock the account with the time it unlocks', async ({ page, servers }) => {
  for (let left = 4; left >= 1; left--) {
    await login(page, servers.url, 'dayamas', 'bukan-sandinya');
    await expect(page.locator('#pesan')).toHaveText(
      `Nama pengguna atau kata sandi salah. Sisa percobaan: ${left} sebelum akun dikunci 15 menit.`);
  }
  await login(page, servers.url, 'dayamas', 'bukan-sandinya');
  const locked = /^Akun dayamas dikunci setelah 5 kali gagal masuk\. Coba lagi pukul \d\d\.\d\d WIB tanggal \d\d-\d\d-\d{4}\.$/;
  await expect(page.locator('#pesan')).toHaveText(locked);
  // The right password is refused too while locked.
  await login(page, servers.url, 'dayamas', 'demo-dayamas-sandi');
  await expect(page.locator('#pesan')).toHaveText(locked);
});

test('a demo user sees the seed plan with exact names, targets and pagu', async ({ page, servers }) => {
  await login(page, servers.url, 'dayasos', 'demo-dayasos-sandi');
  await expect(page).toHaveURL(servers.url + '/renstra');
  await expect(page.locator('#status-muat')).toHaveText(/^\d+ program$/);
  await page.fill('#cari', '1.06.02');
  const program = page.locator('details[data-kode="1.06.02"]');
  await expect(program.locator(':scope > summary .nama')).toHaveText('PROGRAM PEMBERDAYAAN SOSIAL');
  await program.locator(':scope > summary').click();
  const table = program.locator(':scope > table');
  await expect(table.locator('tr.pagu td[data-tahun="2022"]')).toHaveText('242.556.708');
  await expect(table.locator('tr.pagu td[data-tahun="2026"]')).toHaveText('1.665.000.000');
  await expect(table.locator('tr[data-indikator] td').nth(2)).toHaveText('100%');
  // The search hides what does not match.
  await expect(page.locator('details[data-kode="1.06.04"]')).toBeHidden();
  // Beranda per role.
  await page.click('a[href="/beranda"]');
  await expect(page.locator('#peran')).toHaveText('Kepala Bidang');
});

test('a POST without the CSRF token is refused', async ({ page, servers }) => {
  await login(page, servers.url, 'kadis', 'demo-kadis-sandi');
  await expect(page).toHaveURL(servers.url + '/renstra');
  const refused = await page.request.post(servers.url + '/api/keluar', { data: {} });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toBe(
    'Permintaan ditolak: token CSRF tidak ada atau tidak cocok. Muat ulang halaman lalu coba lagi.');
  // Still logged in; the page's own logout (with the token) works.
  await page.goto(servers.url + '/beranda');
  await expect(page.locator('#peran')).toHaveText('Kepala Dinas');
  await page.click('#keluar');
  await expect(page).toHaveURL(servers.url + '/masuk');
  await page.goto(servers.url + '/renstra');
  await expect(page).toHaveURL(servers.url + '/masuk');
});
