// The revision workflow in the browser, against real renstrad and renstra-web processes
// (servers.js): a Kepala Bidang proposes, the Kepala Dinas returns, approves and ratifies.
const { test, expect, login, shot, cli } = require('./servers');

// A Kepala Bidang's proposal of one pagu, submitted with the CLI; returns its id.
function submitFunding(servers, title, funding) {
  const out = cli(servers, 'demo-dayasos-token', ['propose', '--submit', '--title', title,
    '--justification', 'Diajukan dari baris perintah.', '--set-funding', funding]);
  return /USL-\d{4}/.exec(out)[0];
}

// Picks a node in the Usulan form and returns its block.
async function pickNode(page, code) {
  await page.fill('#cari-simpul', code);
  await page.selectOption('#pilih-simpul', code);
  await page.click('#tambah-simpul');
  return page.locator(`fieldset[data-kode="${code}"]`);
}

const SUB_PSM = '1.06.02.2.03.0001';
const SUB_PSM_NAME =
  'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat Kewenangan Kabupaten/Kota';
const SUB_PSM_INDICATOR =
  'Jumlah Orang Mendapat Peningkatan Kapasitas Pekerja Sosial Masyarakat Kewenangan Kabupaten/Kota';
const SUB_PUB = '1.06.02.2.02.0001';
const KEGIATAN_PUB = '1.06.02.2.02';
const FINDINGS_REFUSAL = 'Pengesahan ini akan menambah 1 temuan pada Renstra, dan belum ada yang ' +
  'diterapkan: PARENT_CHILDREN_FUNDING 1.06.02.2.02 2025. Perbaiki usulannya, atau centang ' +
  '"Terima temuan baru" dan tulis alasannya.';
const RETURN_NOTE = 'Pagu 2025 terlalu besar; turunkan menjadi 11.000.000.';

test('a proposal is returned, revised, approved and ratified, seen by each role', async ({ browser, servers }) => {
  const url = servers.url;
  const kabid = await (await browser.newContext()).newPage();
  const kadis = await (await browser.newContext()).newPage();

  // The Kepala Bidang proposes two changes, each with the current value beside its cell.
  await login(kabid, url, 'dayasos');
  await kabid.click('#menu a[href="/usulan"]');
  const psm = await pickNode(kabid, SUB_PSM);
  await expect(psm.locator('legend')).toHaveText(`${SUB_PSM} ${SUB_PSM_NAME}`);
  const target2025 = psm.locator('input[data-jenis=target][data-tahun="2025"]');
  await expect(psm.locator('td:has(input[data-jenis=target][data-tahun="2025"]) .kini')).toHaveText('74 Orang');
  await target2025.fill('80 Orang');
  await kabid.fill('#judul-usulan', 'Target PSM 2025');
  await kabid.fill('#justifikasi', 'Rekrutmen PSM 2024 menambah peserta pelatihan.');
  await shot(kabid, 'usulan');
  await kabid.click('#ajukan');
  await expect(kabid.locator('#hasil')).toHaveText(/^Usulan USL-\d{4} diajukan untuk ditinjau\.$/);
  const first = (await kabid.locator('#hasil').textContent()).split(' ')[1];

  const pub = await pickNode(kabid, SUB_PUB);
  const pagu2025 = pub.locator('input[data-jenis=pagu][data-tahun="2025"]');
  await expect(pub.locator('td:has(input[data-jenis=pagu][data-tahun="2025"]) .kini')).toHaveText('10.000.000');
  await pagu2025.fill('12.500.000');
  await kabid.fill('#judul-usulan', 'Pagu izin sumbangan 2025');
  await kabid.fill('#justifikasi', 'Izin pengumpulan sumbangan bertambah.');
  await kabid.click('#ajukan');
  await expect(kabid.locator('#hasil')).toHaveText(/^Usulan USL-\d{4} diajukan untuk ditinjau\.$/);
  const second = (await kabid.locator('#hasil').textContent()).split(' ')[1];
  expect(second).not.toBe(first);
  await expect(kabid.locator(`#daftar-saya tr[data-usulan="${first}"] .status`)).toHaveText('Diajukan');
  await expect(kabid.locator(`#daftar-saya tr[data-usulan="${second}"] .status`)).toHaveText('Diajukan');

  // The Kepala Bidang waits on the Beranda, following live updates.
  await kabid.click('#menu a[href="/beranda"]');
  await expect(kabid.locator('#langsung')).toHaveText('Pembaruan langsung aktif.');
  await expect(kabid.locator(`#terbuka li[data-usulan="${second}"]`)).toHaveText(
    `${second} — Pagu izin sumbangan 2025: Diajukan`);
  await expect(kabid.locator('#bagian-kembali')).toBeHidden();

  // The Kepala Dinas sees before → after with the nodes' names.
  await login(kadis, url, 'kadis');
  await kadis.click('#menu a[href="/persetujuan"]');
  const a1 = kadis.locator(`article[data-usulan="${first}"]`);
  await expect(a1.locator('h2')).toHaveText(`${first} — Target PSM 2025`);
  await expect(a1.locator('.pengusul')).toHaveText(
    /^Diusulkan oleh dayasos \(Bidang Pemberdayaan Sosial\), diajukan \d\d-\d\d-\d{4} \d\d\.\d\d WIB$/);
  await expect(a1.locator('tr.baris-perubahan td')).toHaveText(
    [SUB_PSM, SUB_PSM_NAME, `Target 2025 — ${SUB_PSM_INDICATOR}`, '74 Orang', '80 Orang']);
  const a2 = kadis.locator(`article[data-usulan="${second}"]`);
  await expect(a2.locator('tr.baris-perubahan td')).toHaveText([SUB_PUB,
    'Koordinasi dan Sinkronisasi Penerbitan Izin Undian Gratis Berhadiah dan Pengumpulan Uang atau Barang',
    'Pagu 2025', 'Rp 10.000.000', 'Rp 12.500.000']);

  // Returning needs a note: renstrad refuses, the page names the field.
  await a2.locator('button[data-keputusan=RETURN]').click();
  await expect(a2.locator('.pesan')).toHaveText(
    "Isian 'note' tidak valid: wajib diisi saat menolak atau mengembalikan usulan.");
  await a2.locator('textarea').fill(RETURN_NOTE);
  await a2.locator('button[data-keputusan=RETURN]').click();
  await expect(kadis.locator('#hasil')).toHaveText(`Usulan ${second} dikembalikan kepada pengusul.`);
  await expect(a2).toHaveCount(0);
  await shot(kadis, 'persetujuan');

  // It arrives on the Kepala Bidang's Beranda without a reload.
  await expect(kabid.locator(`#dikembalikan li[data-usulan="${second}"]`)).toHaveText(
    `${second} — Pagu izin sumbangan 2025. Catatan: ${RETURN_NOTE}`);
  await expect(kabid.locator(`#terbuka li[data-usulan="${second}"]`)).toHaveCount(0);
  await shot(kabid, 'beranda');

  // The Kepala Bidang revises it (the note shown, the proposed value in its cell) and resubmits.
  await kabid.click('#menu a[href="/usulan"]');
  const row = kabid.locator(`#daftar-saya tr[data-usulan="${second}"]`);
  await expect(row.locator('.status')).toHaveText('Dikembalikan');
  await expect(row.locator('td.catatan')).toHaveText(RETURN_NOTE);
  await row.locator('button', { hasText: 'Perbaiki' }).click();
  await expect(kabid.locator('#judul-form')).toHaveText(`Perbaiki usulan ${second}`);
  await expect(kabid.locator('#catatan-kembali')).toHaveText(`Catatan Kepala Dinas: ${RETURN_NOTE}`);
  const revised = kabid.locator(`fieldset[data-kode="${SUB_PUB}"] input[data-jenis=pagu][data-tahun="2025"]`);
  await expect(revised).toHaveValue('12.500.000');
  await shot(kabid, 'usulan-perbaiki');
  await revised.fill('11.000.000');
  // The kegiatan's 2025 stated by the proposer (10.500.000), not the 11.000.000 its
  // child's change would carry to it: the one change here whose finding needs accepting.
  const kegiatan = await pickNode(kabid, KEGIATAN_PUB);
  await kegiatan.locator('input[data-jenis=pagu][data-tahun="2025"]').fill('10.500.000');
  await kabid.click('#ajukan');
  await expect(kabid.locator('#hasil')).toHaveText(`Usulan ${second} diajukan untuk ditinjau.`);
  await expect(row.locator('.status')).toHaveText('Diajukan');

  // The Kepala Dinas's inbox shows the revised value (live) and both are approved.
  await expect(a2.locator('tr.baris-perubahan td.sesudah')).toHaveText(['Rp 11.000.000', 'Rp 10.500.000']);
  await a1.locator('button[data-keputusan=APPROVE]').click();
  await expect(kadis.locator('#hasil')).toHaveText(`Usulan ${first} disetujui.`);
  await a2.locator('button[data-keputusan=APPROVE]').click();
  await expect(kadis.locator('#hasil')).toHaveText(`Usulan ${second} disetujui.`);
  await expect(kadis.locator('#kosong')).toHaveText('Tidak ada usulan yang menunggu keputusan.');

  // The Kepala Dinas opens a revision and ratifies both.
  await kadis.click('#menu a[href="/perubahan"]');
  await expect(kadis.locator('#status-revisi')).toHaveText('Tidak ada revisi terbuka.');
  await kadis.fill('#nama-revisi', 'Perubahan Renstra 2025');
  await kadis.click('#buka');
  await expect(kadis.locator('#hasil')).toHaveText(/^Revisi REV-\d+ — Perubahan Renstra 2025 dibuka\.$/);
  const rev = (await kadis.locator('#hasil').textContent()).split(' ')[1];
  await expect(kadis.locator('#status-revisi')).toHaveText(`Revisi terbuka: ${rev} — Perubahan Renstra 2025.`);
  await kadis.check(`#pilih-${first}`);
  await kadis.check(`#pilih-${second}`);
  await kadis.fill('#dasar-hukum', 'Peraturan Wali Kota Dumai Nomor 12 Tahun 2025');
  await kadis.fill('#alasan', 'Penyesuaian target dan pagu 2025');
  await kadis.fill('#penandatangan', 'Kepala Dinas Sosial Kota Dumai');
  await kadis.fill('#tanggal-berlaku', '2025-07-01');
  await shot(kadis, 'perubahan');
  // The changes carry their consequences (the PSM end-of-period target, the parents'
  // pagu), except where the proposer stated the kegiatan's pagu itself: the first attempt
  // is refused naming that new finding, and nothing is applied.
  await kadis.click('#sahkan');
  await expect(kadis.locator('#pesan')).toHaveText(FINDINGS_REFUSAL);
  await expect(kadis.locator('#status-revisi')).toHaveText(`Revisi terbuka: ${rev} — Perubahan Renstra 2025.`);
  await kadis.check('#terima-temuan');
  await kadis.fill('#alasan-temuan', 'Pagu kegiatan induk disesuaikan pada APBD-P 2025');
  await kadis.click('#sahkan');
  await expect(kadis.locator('#hasil')).toHaveText(
    `Revisi ${rev} disahkan sebagai perubahan ke-1 (${first}, ${second}), berlaku 01-07-2025.`);
  await expect(kadis.locator(`#daftar-revisi tr[data-revisi="${rev}"] td`)).toHaveText(['1',
    'Perubahan Renstra 2025', 'Peraturan Wali Kota Dumai Nomor 12 Tahun 2025',
    'Kepala Dinas Sosial Kota Dumai', '01-07-2025', `${first}, ${second}`,
    /^kadis, \d\d-\d\d-\d{4} \d\d\.\d\d WIB$/]);
  await kadis.click('#kunci');
  await expect(kadis.locator('#hasil')).toHaveText('Renstra revisi ke-1 dikunci.');
  await expect(kadis.locator('#status-revisi')).toHaveText('Tidak ada revisi terbuka. Renstra terkunci.');

  // The plan now holds the new values.
  await kadis.click('#menu a[href="/renstra"]');
  await expect(kadis.locator('#judul-rencana')).toHaveText(/ — revisi 1 \(terkunci\)$/);
  await kadis.fill('#cari', SUB_PSM);
  const node = kadis.locator(`details[data-kode="${SUB_PSM}"]`);
  await node.locator(':scope > summary').click();
  await expect(node.locator(':scope > table tr[data-indikator] td').nth(5)).toHaveText('80 Orang');
  await kadis.fill('#cari', SUB_PUB);
  const node2 = kadis.locator(`details[data-kode="${SUB_PUB}"]`);
  await node2.locator(':scope > summary').click();
  await expect(node2.locator(':scope > table tr.pagu td[data-tahun="2025"]')).toHaveText('11.000.000');
});

test('a Kepala Bidang drafts and withdraws, is not offered Persetujuan, and its direct POST is refused', async ({ page, servers }) => {
  await login(page, servers.url, 'rehab');
  await expect(page.locator('#menu a')).toHaveText(['Beranda', 'Renstra', 'Usulan', 'Realisasi', 'Laporan']);
  await page.goto(servers.url + '/persetujuan');
  await expect(page.locator('#bukan-peran')).toHaveText('Halaman ini untuk Kepala Dinas.');
  await expect(page.locator('#isi')).toBeHidden();
  const csrf = await page.locator('meta[name=csrf-token]').getAttribute('content');
  const refused = await page.request.post(servers.url + '/api/usulan/tinjau', {
    headers: { 'X-CSRF-Token': csrf },
    data: { proposalId: 'USL-0001', decision: 'APPROVE' },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toEqual({
    code: 'PERMISSION_DENIED',
    field: '',
    message: 'Ditolak: hanya Kepala Dinas yang berwenang meninjau usulan; rehab adalah Kepala Bidang.',
    detail: 'rule: only KEPALA_DINAS may review proposals; rehab is KEPALA_BIDANG',
  });
  // What a Kepala Bidang may do: a draft of its own bidang's node, then withdrawn.
  await page.goto(servers.url + '/usulan');
  const node = await pickNode(page, '1.06.04.2.01.0001');
  await node.locator('input[data-jenis=target][data-tahun="2025"]').fill('220 Orang');
  await page.click('#simpan-draf');
  await expect(page.locator('#pesan')).toHaveText("Isian 'justification' tidak valid: wajib diisi.");
  await page.fill('#justifikasi', 'Sasaran PPKS 2025 bertambah.');
  await page.click('#simpan-draf');
  await expect(page.locator('#hasil')).toHaveText(/^Usulan USL-\d{4} disimpan sebagai draf\.$/);
  const draft = (await page.locator('#hasil').textContent()).split(' ')[1];
  const row = page.locator(`#daftar-saya tr[data-usulan="${draft}"]`);
  await expect(row.locator('.status')).toHaveText('Draf');
  await expect(row.locator('td.sesudah')).toHaveText('220 Orang');
  await row.locator('button', { hasText: 'Tarik' }).click();
  await expect(page.locator('#hasil')).toHaveText(`Usulan ${draft} ditarik.`);
  await expect(row).toHaveCount(0);
  const closed = page.locator(`#daftar-selesai tr[data-usulan="${draft}"]`);
  await expect(closed.locator('.status')).toHaveText('Ditarik');
  await expect(closed.locator('td.sebelum')).toHaveText('210 Orang');
  await expect(closed.locator('td.sesudah')).toHaveText('220 Orang');

  // A value the CLI's reader refuses is refused before renstrad, naming the field.
  const unreadable = await page.request.post(servers.url + '/api/usulan', {
    headers: { 'X-CSRF-Token': csrf },
    data: { justification: 'x', changes: [{ setFunding: { nodeCode: '1.06.04.2.01.0001', year: 2025, amount: { written: 'sejuta' } } }] },
  });
  expect(unreadable.status()).toBe(400);
  expect((await unreadable.json()).error.field).toBe('changes[0].set_funding.amount.written');
});

test('a note being typed keeps its text and focus while another proposal arrives live', async ({ page, servers }) => {
  const first = submitFunding(servers, 'Pagu koordinasi 2025', `${SUB_PUB}:2025=10.500.000`);
  await login(page, servers.url, 'kadis');
  await page.click('#menu a[href="/persetujuan"]');
  await expect(page.locator('body')).toHaveAttribute('data-langsung', 'ya');
  const card = page.locator(`article[data-usulan="${first}"]`);
  const note = card.locator('textarea');
  await note.click();
  await page.keyboard.type('Pagu 2025 ');

  // The live feed refreshes the list: the new card appears beside the one being written in.
  const second = submitFunding(servers, 'Pagu koordinasi 2026', `${SUB_PUB}:2026=10.500.000`);
  await expect(page.locator(`article[data-usulan="${second}"] h2`)).toHaveText(
    `${second} — Pagu koordinasi 2026`);
  await page.keyboard.type('belum sesuai DPA.');
  await expect(note).toBeFocused();
  await expect(note).toHaveValue('Pagu 2025 belum sesuai DPA.');

  await card.locator('button[data-keputusan=RETURN]').click();
  await expect(page.locator('#hasil')).toHaveText(`Usulan ${first} dikembalikan kepada pengusul.`);
  expect(cli(servers, 'demo-kadis-token', ['proposal', 'show', first])).toContain(
    'Pagu 2025 belum sesuai DPA.');
  const other = page.locator(`article[data-usulan="${second}"]`);
  await other.locator('textarea').fill('Sudah cukup tahun 2026.');
  await other.locator('button[data-keputusan=REJECT]').click();
  await expect(page.locator('#hasil')).toHaveText(`Usulan ${second} ditolak.`);
  await expect(page.locator('article.usulan')).toHaveCount(0);
});
