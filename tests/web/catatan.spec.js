// Realisasi, Laporan and Audit in the browser, against real renstrad and renstra-web
// processes (servers.js): a Kepala Bidang records a triwulan and its spending (refused
// input shown beside its field), the reports show them cell for cell and download as
// xlsx, PDF and CSV, and the Inspektorat reads the history and verifies the log.
const { test, expect, login, shot } = require('./servers');
const { execFileSync } = require('child_process');
const path = require('path');

const KEGIATAN = '1.06.04.2.01';
const KEGIATAN_NAME = 'Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, ' +
  'Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial';
const INDICATOR = 'Persentase Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta ' +
  'Gelandangan Pengemis yang terpenuhi kebutuhan dasarnya diluar panti';

test('a Kepala Bidang records a triwulan and its spending and sees them in Laporan', async ({ page, servers }) => {
  const url = servers.url;
  await login(page, url, 'rehab');
  await expect(page.locator('#menu a')).toHaveText(['Beranda', 'Renstra', 'Usulan', 'Realisasi', 'Laporan']);
  await page.click('#menu a[href="/realisasi"]');
  await page.selectOption('#tahun', '2025');
  await page.selectOption('#periode', '1');
  await page.fill('#cari-simpul', KEGIATAN);
  await page.selectOption('#pilih-simpul', KEGIATAN);
  const ind = page.locator(`#isian tr[data-indikator="${KEGIATAN}#1"]`);
  await expect(ind.locator('td.sasaran')).toHaveText('100%');
  await expect(ind.locator('td.tercatat')).toHaveText('-');
  const spend = page.locator('#isian tr.belanja');
  await expect(spend.locator('td.sasaran')).toHaveText('1.700.000.000');

  // Refused input: the reason beside the field, nothing recorded.
  await ind.locator('input').fill('85,5');
  await ind.locator('button').click();
  await expect(ind.locator('td.pesan')).toHaveText(
    "Isian 'evidence_ref' tidak valid: wajib diisi (dokumen yang membuktikan angka).");
  await page.fill('#bukti', 'BA-REHAB/2025/TW1');
  await ind.locator('input').fill('85 Orang');
  await ind.locator('button').click();
  await expect(ind.locator('td.pesan')).toHaveText(
    "Isian 'value.q1' tidak valid: satuan \"Orang\" tidak sesuai dengan satuan indikator \"%\".");
  await spend.locator('input').fill('sejuta');
  await spend.locator('button').click();
  await expect(spend.locator('td.pesan')).toHaveText(
    "Isian 'spent.written' tidak dapat dibaca: money \"sejuta\": unexpected character 's'.");
  await expect(page.locator('#kosong-catatan')).toHaveText('Belum ada realisasi tercatat untuk tahun ini.');

  // Recorded: the quarter's value and Rupiah, typed the Indonesian way.
  await ind.locator('input').fill('85,5');
  await ind.locator('button').click();
  await expect(page.locator('#hasil')).toHaveText(/^Realisasi RLZ-\d{6} dicatat: .+, 2025 triwulan I = 85,5%\.$/);
  const achievement = (await page.locator('#hasil').textContent()).split(' ')[1];
  await expect(ind.locator('td.tercatat')).toHaveText(`85,5% (${achievement})`);
  await spend.locator('input').fill('1.234.567');
  await spend.locator('input').press('Enter');
  await expect(page.locator('#hasil')).toHaveText(/^Realisasi RLZ-\d{6} dicatat: Belanja \(Rp\), 2025 triwulan I = Rp 1\.234\.567\.$/);
  const spending = (await page.locator('#hasil').textContent()).split(' ')[1];
  await expect(spend.locator('td.tercatat')).toHaveText(`Rp 1.234.567 (${spending})`);
  await expect(page.locator(`#daftar-catatan tr[data-realisasi="${achievement}"] td`)).toHaveText([
    achievement, 'Triwulan I', INDICATOR, '85,5%', '', 'BA-REHAB/2025/TW1', '',
    /^rehab, \d\d-\d\d-\d{4} \d\d\.\d\d WIB$/, 'berlaku', 'Koreksi']);

  // A recorded quarter is refused again, and the list still holds the two records.
  await ind.locator('input').fill('90');
  await ind.locator('button').click();
  await expect(ind.locator('td.pesan')).toHaveText(
    `Sudah dicatat: indikator ${KEGIATAN}#1 tahun 2025 triwulan I sudah memiliki realisasi ` +
    `${achievement}; catat koreksinya bila perlu diubah.`);
  await expect(page.locator('#daftar-catatan tbody tr')).toHaveCount(2);
  await shot(page, 'realisasi');

  // Laporan: the triwulan form of 2025 shows both, cell for cell.
  await page.click('#menu a[href="/laporan"]');
  await page.selectOption('#jenis', 'triwulan');
  await page.selectOption('#tahun', '2025');
  await page.fill('#kode', KEGIATAN);
  await page.click('#tampilkan');
  await expect(page.locator('#judul-laporan')).toHaveText(
    'Formulir Triwulan (e-Monev) Tahun 2025: Realisasi Kinerja (K) dan Keuangan (Rp) per Triwulan');
  const rows = page.locator(`#laporan tbody tr[data-kode="${KEGIATAN}"]`);
  await expect(rows.nth(0).locator('td')).toHaveText([KEGIATAN, KEGIATAN_NAME, INDICATOR, 'K', '%',
    '100%', '85,5%', '-', '-', '-', '85,5%', '85,50']);
  await expect(rows.nth(1).locator('td')).toHaveText([KEGIATAN, KEGIATAN_NAME, 'Anggaran', 'Rp', 'Rp',
    '1.700.000.000', '1.234.567', '-', '-', '-', '1.234.567', '0,07']);
  await shot(page, 'laporan');

  // The downloads are the CLI's own files of the same report.
  const csv = await page.request.get(url + await page.locator('#unduh-csv').getAttribute('href'));
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toBe('attachment; filename="Triwulan-2025.csv"');
  expect((await csv.text()).split('\n')[1]).toBe(
    `${KEGIATAN},"${KEGIATAN_NAME}","${INDICATOR}",K,%,100%,"85,5%",-,-,-,"85,5%","85,50"`);
  const xlsx = await page.request.get(url + await page.locator('#unduh-xlsx').getAttribute('href'));
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(xlsx.headers()['content-disposition']).toBe('attachment; filename="Triwulan-2025.xlsx"');
  // Read back with openpyxl (Debian's python3-openpyxl): the figures are numbers.
  const book = path.join(require('os').tmpdir(), `renstra-web-test-${process.pid}.xlsx`);
  require('fs').writeFileSync(book, await xlsx.body());
  const python = require('fs').existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const cells = execFileSync(python, ['-c', [
    'import json, sys, openpyxl',
    'ws = openpyxl.load_workbook(sys.argv[1]).active',
    `row = next(r for r in ws.iter_rows(values_only=True) if r[0] == "${KEGIATAN}" and r[3] == "Rp")`,
    'print(ws.title + "|" + json.dumps(row[3:]))'].join('\n'), book]).toString();
  require('fs').rmSync(book);
  expect(cells).toBe('Triwulan 2025|["Rp", "Rp", 1700000000, 1234567, "-", "-", "-", 1234567, 0.07]\n');
  const pdf = await page.request.get(url + await page.locator('#unduh-pdf').getAttribute('href'));
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The yearly report (T-C.23) of 2025: the year's figure from the quarter.
  await page.selectOption('#jenis', 'capaian');
  await page.click('#tampilkan');
  await expect(page.locator('#judul-laporan')).toHaveText('Tabel T-C.23 Pencapaian Kinerja Pelayanan');
  await expect(page.locator(`#laporan tbody tr[data-kode="${KEGIATAN}"] td`)).toHaveText(
    [KEGIATAN, INDICATOR, '%', '100%', '85,5%', '85,50']);
  expect(await page.locator('#unduh-xlsx').getAttribute('href')).toBe(
    `/api/laporan/capaian.xlsx?year=2025&rootCode=${KEGIATAN}`);

  // An unknown code is renstrad's refusal, shown on the page; so is a year outside the plan.
  await page.fill('#kode', '9.99');
  await page.click('#tampilkan');
  await expect(page.locator('#pesan')).toHaveText(
    "Isian 'root_code' tidak ditemukan: tidak ada simpul \"9.99\" dalam Renstra.");
  await expect(page.locator('#unduh')).toBeHidden();
  const refused = await page.request.get(url + '/api/laporan/triwulan?year=2031');
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toBe(
    "Isian 'year' tidak valid: 2031 di luar tahun Renstra 2022–2026.");
});

test('the Inspektorat reads a history and verifies the log; what a role may not do is refused', async ({ page, servers }) => {
  const url = servers.url;
  await login(page, url, 'inspektorat');
  await expect(page.locator('#menu a')).toHaveText(['Beranda', 'Renstra', 'Laporan', 'Audit']);

  // Not offered Realisasi, and its direct POST is refused by renstrad.
  await page.goto(url + '/realisasi');
  await expect(page.locator('#bukan-peran')).toHaveText('Halaman ini untuk Kepala Bidang dan Sekretariat.');
  await expect(page.locator('#isi')).toBeHidden();
  const csrf = await page.locator('meta[name=csrf-token]').getAttribute('content');
  const refused = await page.request.post(url + '/api/realisasi/capaian', {
    headers: { 'X-CSRF-Token': csrf },
    data: { indicatorId: `${KEGIATAN}#1`, year: 2025, quarter: 2, value: { yearly: { written: '90' } }, evidenceRef: 'x' },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toBe(
    'Ditolak: hanya Kepala Bidang atau Sekretariat yang berwenang mencatat realisasi; inspektorat adalah Inspektorat.');

  // An unknown subject is renstrad's refusal in Indonesian.
  await page.click('#menu a[href="/audit"]');
  await page.selectOption('#subjek', 'proposalId');
  await page.fill('#nilai-subjek', 'USL-9999');
  await page.click('#tampilkan-riwayat');
  await expect(page.locator('#pesan')).toHaveText(
    "Isian 'proposal_id' tidak ditemukan: tidak ada usulan USL-9999.");

  // The node's history ends with the Kepala Bidang's spending record, in Indonesian.
  await page.selectOption('#subjek', 'nodeCode');
  await page.fill('#nilai-subjek', KEGIATAN);
  await page.click('#tampilkan-riwayat');
  await expect(page.locator('#riwayat tbody tr').last().locator('td').nth(2)).toHaveText('rehab');
  await expect(page.locator('#riwayat tbody tr').last().locator('td').nth(3)).toHaveText(
    /^realisasi anggaran dicatat: RLZ-\d{6} 1\.06\.04\.2\.01 2025 TW I = Rp 1\.234\.567 \(bukti BA-REHAB\/2025\/TW1\)$/);

  // Verification: the whole log checked in the gateway, against the head the CLI reads.
  const head = execFileSync(path.join(servers.bin, 'renstra'), ['log', 'head'], {
    env: Object.assign({}, process.env, { RENSTRA_SERVER: servers.grpc, RENSTRA_TOKEN: 'demo-inspektorat-token' }),
  }).toString();
  const [, count, hash] = /^urutan (\d+)\nhash ([0-9a-f]{64})\n$/.exec(head);
  const grouped = count.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  await page.click('#verifikasi');
  await expect(page.locator('#hasil-verifikasi')).toHaveText(new RegExp(
    `^Log utuh: ${grouped.replace('.', '\\.')} peristiwa diperiksa; rantai hash tersambung dan akar Merkle ` +
    'cocok dengan kepala pohon yang ditandatangani renstrad pukul \\d\\d\\.\\d\\d WIB tanggal \\d\\d-\\d\\d-\\d{4}\\.$'));
  await expect(page.locator('#v-rantai')).toHaveText(hash);
  await expect(page.locator('#v-kunci')).toHaveText(/^[0-9a-f]{16} \(diberikan renstrad, tidak disematkan\)$/);
  await shot(page, 'audit');

  // A Kepala Bidang is not offered Audit.
  await page.click('#keluar');
  await expect(page).toHaveURL(url + '/masuk');
  await login(page, url, 'dayasos');
  await expect(page.locator('#menu a')).toHaveText(['Beranda', 'Renstra', 'Usulan', 'Realisasi', 'Laporan']);
  await page.goto(url + '/audit');
  await expect(page.locator('#bukan-peran')).toHaveText('Halaman ini untuk Inspektorat dan Kepala Dinas.');
  await expect(page.locator('#isi')).toBeHidden();
});

// Bidang Perlindungan dan Jaminan Sosial's sub kegiatan, which no other journey records.
const LJS_SUB = '1.06.05.2.01.0001';
const LJS_INDICATOR = 'Jumlah Anak-Anak Terlantar yang Dijangkau Kewenangan Kabupaten/Kota';

test('a Kepala Bidang corrects a recorded value with a reason, by keyboard, and sees the previous value', async ({ page, servers }) => {
  const url = servers.url;
  await login(page, url, 'linjamsos');
  await page.click('#menu a[href="/realisasi"]');
  await page.selectOption('#tahun', '2024');
  await page.fill('#cari-simpul', LJS_SUB);
  await page.selectOption('#pilih-simpul', LJS_SUB);
  await expect(page.locator('#form-koreksi')).toBeHidden();
  const ind = page.locator(`#isian tr[data-indikator="${LJS_SUB}#1"]`);
  await expect(ind.locator('td.sasaran')).toHaveText('10 Orang');
  await page.fill('#bukti', 'BA-LJS/2024/01');
  await ind.locator('input').fill('8');
  await ind.locator('input').press('Enter');
  await expect(page.locator('#hasil')).toHaveText(
    /^Realisasi RLZ-\d{6} dicatat: Jumlah Anak-Anak Terlantar yang Dijangkau Kewenangan Kabupaten\/Kota, 2024 = 8 Orang\.$/);
  const original = (await page.locator('#hasil').textContent()).split(' ')[1];
  const row = page.locator(`#daftar-catatan tr[data-realisasi="${original}"]`);
  await expect(row.locator('td')).toHaveText([original, 'Setahun', LJS_INDICATOR, '8 Orang', '',
    'BA-LJS/2024/01', '', /^linjamsos, \d\d-\d\d-\d{4} \d\d\.\d\d WIB$/, 'berlaku', 'Koreksi']);

  // The form opens from the keyboard, its value field focused and labelled.
  await row.locator('button.koreksi').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#judul-koreksi')).toHaveText(`Koreksi ${original}: ${LJS_INDICATOR}, 2024`);
  await expect(page.locator('#kini-koreksi')).toHaveText('Nilai tercatat: 8 Orang. Tulis nilai yang benar, mis. 85,5.');
  await expect(page.getByLabel('Nilai yang benar')).toBeFocused();
  await page.keyboard.type('9 Kg');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Bukti koreksi')).toBeFocused();
  await page.keyboard.type('BA-LJS/2024/01-REV');

  // Refusals beside their fields, in Bahasa Indonesia, the field focused; nothing is recorded.
  await page.keyboard.press('Enter');
  await expect(page.locator('#galat-koreksi-nilai')).toHaveText(
    "Isian 'achievement.yearly' tidak valid: satuan \"Kg\" tidak sesuai dengan satuan indikator \"Orang\".");
  await expect(page.getByLabel('Nilai yang benar')).toBeFocused();
  await expect(page.getByLabel('Nilai yang benar')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Nilai yang benar').fill('9');
  await page.keyboard.press('Enter');
  await expect(page.locator('#galat-koreksi-alasan')).toHaveText(
    "Isian 'note' tidak valid: wajib diisi pada koreksi (apa yang salah).");
  await expect(page.locator('#galat-koreksi-nilai')).toHaveText('');
  await expect(page.getByLabel('Nilai yang benar')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Alasan koreksi (apa yang salah)')).toBeFocused();
  await expect(page.locator('#daftar-catatan tbody tr')).toHaveCount(1);

  // Corrected: the list keeps both, the correction with the value it replaced.
  await page.keyboard.type('Salah hitung: 9 anak dijangkau, bukan 8');
  await page.keyboard.press('Enter');
  await expect(page.locator('#hasil-koreksi')).toHaveText(
    new RegExp(`^Koreksi RLZ-\\d{6} atas ${original} dicatat: 8 Orang menjadi 9 Orang\\.$`));
  await expect(page.locator('#hasil-koreksi')).toBeFocused();
  await expect(page.locator('#form-koreksi')).toBeHidden();
  const correction = (await page.locator('#hasil-koreksi').textContent()).split(' ')[1];
  await expect(page.locator('#daftar-catatan tbody tr')).toHaveCount(2);
  await expect(row.locator('td')).toHaveText([original, 'Setahun', LJS_INDICATOR, '8 Orang', '',
    'BA-LJS/2024/01', '', /^linjamsos, .+ WIB$/, `dikoreksi oleh ${correction}`, '']);
  await expect(page.locator(`#daftar-catatan tr[data-realisasi="${correction}"] td`)).toHaveText([
    correction, 'Setahun', LJS_INDICATOR, '9 Orang', '8 Orang', 'BA-LJS/2024/01-REV',
    'Salah hitung: 9 anak dijangkau, bukan 8', /^linjamsos, .+ WIB$/, `berlaku (koreksi ${original})`, 'Koreksi']);
  await expect(ind.locator('td.tercatat')).toHaveText(`9 Orang (${correction})`);
  await shot(page, 'realisasi-koreksi');

  // Correcting the replaced record again is renstrad's refusal, in Bahasa Indonesia.
  const csrf = await page.locator('meta[name=csrf-token]').getAttribute('content');
  const stale = await page.request.post(url + '/api/realisasi/koreksi', {
    headers: { 'X-CSRF-Token': csrf },
    data: { correctsId: original, achievement: { yearly: { written: '10' } }, evidenceRef: 'x', note: 'lagi' },
  });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.message).toBe(
    `Isian 'corrects_id' tidak valid: ${original} sudah dikoreksi oleh ${correction}; koreksi catatan yang berlaku.`);

  // The CLI reads the corrected value.
  const list = execFileSync(path.join(servers.bin, 'renstra'),
    ['realize', 'list', '--code', LJS_SUB, '--year', '2024', '--json'], {
      env: Object.assign({}, process.env, { RENSTRA_SERVER: servers.grpc, RENSTRA_TOKEN: 'demo-linjamsos-token' }),
    }).toString();
  const records = JSON.parse(list).realizations;
  expect(records.map((r) => [r.realizationId, r.achievedText, r.correctsId || '', r.correctedBy || ''])).toEqual([
    [original, '8 Orang', '', correction], [correction, '9 Orang', original, '']]);
});

const LJS_FOOD = '1.06.06.2.01.0001';
const LJS_FOOD_WRITTEN = '1.06.06.2.01.001';
const LJS_FOOD_INDICATOR = 'Jumlah Orang yang Mendapatkan Permakanan 3x1 Hari dalam Masa Tanggap Darurat ' +
  '(Pengungsian) Kewenangan Kabupaten/Kota';

test('Laporan shows E.80 with its chart and the early warnings for a recorded year, figure for figure', async ({ page, servers }) => {
  const url = servers.url;
  await login(page, url, 'linjamsos');
  // 2023: 105 of 150 Orang, Rp 51.000.000 of 68.000.000.
  await page.click('#menu a[href="/realisasi"]');
  await page.selectOption('#tahun', '2023');
  await page.fill('#cari-simpul', LJS_FOOD);
  await page.selectOption('#pilih-simpul', LJS_FOOD);
  await page.fill('#bukti', 'BA-LJS/2023/PANGAN');
  const ind = page.locator(`#isian tr[data-indikator="${LJS_FOOD}#1"]`);
  await ind.locator('input').fill('105');
  await ind.locator('input').press('Enter');
  await expect(ind.locator('td.tercatat')).toHaveText(/^105 Orang \(RLZ-\d{6}\)$/);
  const spend = page.locator('#isian tr.belanja');
  await spend.locator('input').fill('51.000.000');
  await spend.locator('input').press('Enter');
  await expect(spend.locator('td.tercatat')).toHaveText(/^Rp 51\.000\.000 \(RLZ-\d{6}\)$/);

  // E.80 of the program: every year, the year picker off; the sub kegiatan's lines exact.
  await page.click('#menu a[href="/laporan"]');
  await page.selectOption('#jenis', 'evaluasi');
  await expect(page.locator('#tahun')).toBeDisabled();
  await expect(page.locator('#ambang')).toBeHidden();
  await page.fill('#kode', '1.06.06');
  await page.locator('#kode').press('Enter');
  await expect(page.locator('#judul-laporan')).toHaveText(
    'Evaluasi Hasil Renstra (E.80): Kinerja (K) dan Keuangan (Rp)');
  const rows = page.locator(`#laporan tbody tr[data-kode="${LJS_FOOD_WRITTEN}"]`);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('td')).toHaveText([LJS_FOOD_WRITTEN, 'Penyediaan Makanan', LJS_FOOD_INDICATOR,
    'K', 'Orang', '150 Orang', '-', '-', '150 Orang', '105 Orang', '70,00', '150 Orang', '-', '-',
    '150 Orang', '-', '-', '150 Orang', '-', '-', '70,00', 'Cukup']);
  await expect(rows.nth(1).locator('td')).toHaveText([LJS_FOOD_WRITTEN, 'Penyediaan Makanan', 'Anggaran',
    'Rp', 'Rp', '94.306.500', '-', '-', '68.000.000', '51.000.000', '75,00', '150.000.000', '-', '-',
    '275.000.000', '-', '-', '275.000.000', '-', '-', '75,00', 'Cukup']);
  // The program's Rupiah line rolls its sub kegiatan up: 51.000.000 of 238.280.000.
  await expect(page.locator('#laporan tbody tr[data-kode="1.06.06"]').last().locator('td').nth(9)).toHaveText('51.000.000');
  await expect(page.locator('#laporan tbody tr[data-kode="1.06.06"]').last().locator('td').nth(10)).toHaveText('21,40');
  // The chart: the program's average serapan; its own indicator has no ratio, so no bar.
  await expect(page.locator('#grafik')).toBeVisible();
  await expect(page.locator('#grafik-rasio g.batang')).toHaveCount(1);
  await expect(page.locator('#grafik-rasio g.batang[data-kode="1.06.06"][data-jenis="Keuangan"] text')).toHaveText(
    ['1.06.06 Keuangan', '21,40 %']);
  expect(await page.locator('#unduh-csv').getAttribute('href')).toBe('/api/laporan/evaluasi.csv?rootCode=1.06.06');
  await shot(page, 'laporan-e80');

  // Early warnings of 2023 under the program: below 75 by default.
  await page.selectOption('#jenis', 'peringatan');
  await expect(page.locator('#tahun')).toBeEnabled();
  await page.selectOption('#tahun', '2023');
  await page.click('#tampilkan');
  await expect(page.locator('#judul-laporan')).toHaveText(
    'Peringatan dini 2023: rasio capaian di bawah 75, serapan anggaran di bawah 75');
  await expect(page.locator('#grafik')).toBeHidden();
  await expect(page.locator('#laporan thead th')).toHaveText(
    ['Jenis', 'Kode', 'Uraian', 'Indikator', 'Tahun', 'Rasio (%)', 'Keterangan']);
  await expect(page.locator('#laporan tbody tr')).toHaveCount(3);
  await expect(page.locator('#laporan tbody tr').nth(0).locator('td')).toHaveText(['Keuangan', '1.06.06',
    'PROGRAM PENANGANAN BENCANA', '-', '2023', '21,40', 'serapan anggaran 21,40 di bawah 75']);
  await expect(page.locator('#laporan tbody tr').nth(1).locator('td')).toHaveText(['Keuangan', '1.06.06.2.01',
    'Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota', '-', '2023', '66,79',
    'serapan anggaran 66,79 di bawah 75']);
  await expect(page.locator('#laporan tbody tr').nth(2).locator('td')).toHaveText(['Kinerja', LJS_FOOD_WRITTEN,
    'Penyediaan Makanan', LJS_FOOD_INDICATOR, '2023', '70,00', 'rasio capaian 70,00 di bawah 75']);

  // Thresholds typed the Indonesian way: at 70 the indicator is no longer below; at 70 and
  // 20,5 nothing is, which the page says.
  await page.fill('#ambang-rasio', '70');
  await page.locator('#ambang-rasio').press('Enter');
  await expect(page.locator('#judul-laporan')).toHaveText(
    'Peringatan dini 2023: rasio capaian di bawah 70, serapan anggaran di bawah 75');
  await expect(page.locator('#laporan tbody tr')).toHaveCount(2);
  await expect(page.locator('#kosong-peringatan')).toBeHidden();
  await page.fill('#ambang-serapan', '20,5');
  await page.locator('#ambang-serapan').press('Enter');
  await expect(page.locator('#judul-laporan')).toHaveText(
    'Peringatan dini 2023: rasio capaian di bawah 70, serapan anggaran di bawah 20,5');
  await expect(page.locator('#laporan tbody tr')).toHaveCount(0);
  await expect(page.locator('#kosong-peringatan')).toHaveText(
    'Tidak ada peringatan: semua rasio capaian dan serapan anggaran di atas ambang.');
  expect(await page.locator('#unduh-csv').getAttribute('href')).toBe(
    '/api/laporan/peringatan.csv?year=2023&rootCode=1.06.06&ratioThreshold=70&absorptionThreshold=20%2C5');
  await shot(page, 'laporan-peringatan');
});
