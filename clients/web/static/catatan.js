// Konsol Renstra: the record pages — Realisasi (Kepala Bidang, Sekretariat), Laporan
// (everyone) and Audit (Inspektorat, Kepala Dinas). Uses app.js's helpers (loaded
// first). Values are sent as typed ("85,5", "1.234.567"): the gateway reads them with
// the CLI's readers and renstrad checks them; a refusal is shown beside its field as it
// comes. Report cells are renstrad's texts, shown as they are.
'use strict';

const TRIWULAN = ['', 'I', 'II', 'III', 'IV'];

function periodeTeks(q) {
  return Number(q || 0) === 0 ? 'Setahun' : 'Triwulan ' + TRIWULAN[Number(q)];
}

function tampilkanUntuk(peranBoleh) {
  const boleh = peranBoleh.includes(document.body.dataset.peran);
  document.getElementById('isi').classList.toggle('tersembunyi', !boleh);
  document.getElementById('bukan-peran').classList.toggle('tersembunyi', boleh);
  return boleh;
}

async function rencanaSaja() {
  const data = await ambil('/api/renstra');
  const plan = (data && data.plan) || {};
  const urut = [];
  const jalan = (n) => { urut.push(n); for (const c of n.children || []) jalan(c); };
  for (const p of plan.programs || []) jalan(p);
  const tahun = [];
  for (let y = (plan.baselineYear || 2021) + 1; y <= (plan.finalYear || 2026); y++) tahun.push(y);
  return { plan, urut, tahun };
}

function isiTahun(select, tahun) {
  const kini = new Date().getFullYear();
  select.replaceChildren(...tahun.map((y) => el('option', { value: String(y) }, String(y))));
  select.value = String(tahun.includes(kini) ? kini : tahun[tahun.length - 1]);
}

// --- Realisasi ------------------------------------------------------------------------

// The value a record states, as text: a triwulan record its quarter's, a year record
// the year's, a spending record its Rupiah.
function nilaiCatatan(r) {
  if (r.kind === 'SPENDING') return r.spent && r.spent.present ? 'Rp ' + rupiah(r.spent) : '-';
  if (r.retracted) return '-';
  const a = r.achievement || {};
  const q = Number(r.quarter || 0);
  if (q > 0) return nilai(a['q' + q]) || nilai(a.yearly) || r.achievedText || '';
  return r.achievedText || nilai(a.yearly) || '';
}

function kini(records, pilih) {
  return records.find((r) => !r.correctedBy && !r.retracted && pilih(r));
}

async function muatRealisasi(keadaan) {
  const { simpul, tahun, periode } = keadaan;
  // Every change of node, year or period starts a new load; only the latest may draw, or
  // two loads racing (the first list and a quick pick) would both append their rows.
  const giliran = keadaan.giliran = (keadaan.giliran || 0) + 1;
  const tbody = document.querySelector('#isian tbody');
  tbody.replaceChildren();
  if (!simpul) return;
  const data = await ambil('/api/realisasi?' + new URLSearchParams({ nodeCode: simpul.code, year: String(tahun) }));
  if (giliran !== keadaan.giliran) return;
  tbody.replaceChildren();
  if (!data) return;
  const semua = (data.realizations || []).filter((r) => r.nodeCode === simpul.code);
  const baris = (uraian, sasaran, tercatat, label, kirimkan) => {
    const input = el('input', { class: 'realisasi', 'aria-label': label, size: '14' });
    const pesan = el('td', { class: 'pesan', role: 'alert' });
    const tombol = el('button', { type: 'button' }, 'Catat');
    const tr = el('tr', {}, el('td', {}, uraian), el('td', { class: 'angka sasaran' }, sasaran || '-'),
      el('td', { class: 'angka tercatat' }, tercatat), el('td', {}, input), el('td', {}, tombol), pesan);
    const jalankan = async () => {
      pesan.textContent = '';
      document.getElementById('hasil').textContent = '';
      const r = await kirimkan(input.value.trim());
      if (!r.ok) { pesan.textContent = pesanGalat(r); return; }
      const v = r.data;
      document.getElementById('hasil').textContent = 'Realisasi ' + v.realizationId + ' dicatat: ' +
        uraian + ', ' + tahun + (Number(v.quarter || 0) ? ' triwulan ' + TRIWULAN[v.quarter] : '') +
        ' = ' + nilaiCatatan(v) + '.';
      await muatRealisasi(keadaan);
    };
    tombol.addEventListener('click', jalankan);
    input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); jalankan(); } });
    return tr;
  };
  const umum = () => ({
    requestId: idPermintaan(), year: tahun, quarter: periode,
    evidenceRef: document.getElementById('bukti').value.trim(),
    note: document.getElementById('keterangan').value.trim(),
  });
  for (const ind of simpul.indicators || []) {
    const t = (ind.targets || []).find((x) => x.year === tahun);
    const ada = kini(semua, (r) => r.indicatorId === ind.id && Number(r.quarter || 0) === periode);
    const tr = baris(ind.statement, t ? nilai(t.value) : '', ada ? nilaiCatatan(ada) + ' (' + ada.realizationId + ')' : '-',
      'Realisasi ' + periodeTeks(periode) + ' ' + tahun + ' ' + ind.statement,
      (teks) => kirim('/api/realisasi/capaian', Object.assign(umum(), {
        indicatorId: ind.id, value: { yearly: { written: teks } },
      })));
    tr.dataset.indikator = ind.id;
    tbody.append(tr);
  }
  const f = (simpul.funding || []).find((x) => x.year === tahun);
  const ada = kini(semua, (r) => r.kind === 'SPENDING' && Number(r.quarter || 0) === periode);
  const tr = baris('Belanja (Rp)', f ? rupiah(f.amount) : '', ada ? nilaiCatatan(ada) + ' (' + ada.realizationId + ')' : '-',
    'Belanja ' + periodeTeks(periode) + ' ' + tahun + ' ' + simpul.code + ' (Rp)',
    (teks) => kirim('/api/realisasi/belanja', Object.assign(umum(), {
      nodeCode: simpul.code, spent: { written: teks },
    })));
  tr.classList.add('belanja');
  tbody.append(tr);

  const daftar = document.querySelector('#daftar-catatan tbody');
  const uraianOf = (r) => {
    if (r.kind === 'SPENDING') return 'Belanja (Rp)';
    const ind = (simpul.indicators || []).find((i) => i.id === r.indicatorId);
    return ind ? ind.statement : r.indicatorId;
  };
  const status = (r) => (r.correctedBy ? 'dikoreksi oleh ' + r.correctedBy
    : (r.retracted ? 'ditarik' : 'berlaku') + (r.correctsId ? ' (koreksi ' + r.correctsId + ')' : ''));
  const menurutId = new Map(semua.map((r) => [r.realizationId, r]));
  // A correction shows the value it replaced: the corrected record's.
  const sebelumnya = (r) => {
    const lama = r.correctsId ? menurutId.get(r.correctsId) : null;
    return lama ? nilaiCatatan(lama) : '';
  };
  daftar.replaceChildren(...semua.map((r) => {
    // Only a subject's current record that states a value may be corrected (renstrad
    // refuses the others: a retraction is recorded afresh).
    const tindakan = el('td', {});
    if (!r.correctedBy && !r.retracted) {
      const tombol = el('button', { type: 'button', class: 'koreksi',
        'aria-label': 'Koreksi ' + r.realizationId }, 'Koreksi');
      tombol.addEventListener('click', () => bukaKoreksi(keadaan, r, uraianOf(r), tombol));
      tindakan.append(tombol);
    }
    return el('tr', { 'data-realisasi': r.realizationId },
      el('td', { class: 'kode' }, r.realizationId), el('td', {}, periodeTeks(r.quarter)),
      el('td', {}, uraianOf(r)), el('td', { class: 'angka' }, nilaiCatatan(r)),
      el('td', { class: 'angka' }, sebelumnya(r)),
      el('td', {}, r.evidenceRef || ''), el('td', {}, r.note || ''),
      el('td', {}, r.principal + ', ' + waktuWib(r.atMicros)),
      el('td', {}, status(r)), tindakan);
  }));
  document.getElementById('daftar-catatan').classList.toggle('tersembunyi', semua.length === 0);
  document.getElementById('kosong-catatan').classList.toggle('tersembunyi', semua.length !== 0);
}

// --- Koreksi ----------------------------------------------------------------------------

const GALAT_KOREKSI = ['galat-koreksi-nilai', 'galat-koreksi-bukti', 'galat-koreksi-alasan', 'galat-koreksi'];

// The form's field a refusal names: the value ("achievement.yearly", "spent.written",
// "retract"), the evidence or the reason; anything else goes under the whole form.
function kolomGalatKoreksi(field) {
  if (/^(achievement|spent|retract)/.test(field || '')) return 'koreksi-nilai';
  if (field === 'evidence_ref') return 'koreksi-bukti';
  if (field === 'note') return 'koreksi-alasan';
  return '';
}

function bersihkanGalatKoreksi() {
  for (const id of GALAT_KOREKSI) document.getElementById(id).textContent = '';
  for (const id of ['koreksi-nilai', 'koreksi-bukti', 'koreksi-alasan']) {
    document.getElementById(id).removeAttribute('aria-invalid');
  }
}

function bukaKoreksi(keadaan, r, uraian, tombol) {
  keadaan.koreksi = { record: r, tombol };
  bersihkanGalatKoreksi();
  document.getElementById('hasil-koreksi').textContent = '';
  document.getElementById('judul-koreksi').textContent = 'Koreksi ' + r.realizationId + ': ' + uraian +
    ', ' + r.year + (Number(r.quarter || 0) ? ' triwulan ' + TRIWULAN[r.quarter] : '');
  document.getElementById('kini-koreksi').textContent = 'Nilai tercatat: ' + nilaiCatatan(r) +
    (r.kind === 'SPENDING' ? '. Tulis Rupiah yang benar, mis. 1.234.567.' : '. Tulis nilai yang benar, mis. 85,5.');
  for (const id of ['koreksi-nilai', 'koreksi-bukti', 'koreksi-alasan']) document.getElementById(id).value = '';
  document.getElementById('koreksi-tarik').checked = false;
  document.getElementById('koreksi-nilai').disabled = false;
  document.getElementById('form-koreksi').classList.remove('tersembunyi');
  document.getElementById('koreksi-nilai').focus();
}

function tutupKoreksi(keadaan) {
  const tombol = keadaan.koreksi && keadaan.koreksi.tombol;
  keadaan.koreksi = null;
  document.getElementById('form-koreksi').classList.add('tersembunyi');
  if (tombol && tombol.isConnected) tombol.focus();
}

// Wires the correction form once: Enter in any field submits it (a <form>), Batal or
// Escape closes it, and one correction is in flight at a time.
function pasangKoreksi(keadaan) {
  const form = document.getElementById('form-koreksi');
  const nilaiInput = document.getElementById('koreksi-nilai');
  const tarik = document.getElementById('koreksi-tarik');
  const simpan = document.getElementById('simpan-koreksi');
  tarik.addEventListener('change', () => { nilaiInput.disabled = tarik.checked; });
  document.getElementById('batal-koreksi').addEventListener('click', () => tutupKoreksi(keadaan));
  form.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') tutupKoreksi(keadaan); });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!keadaan.koreksi || simpan.disabled) return;
    const r = keadaan.koreksi.record;
    bersihkanGalatKoreksi();
    const body = {
      requestId: idPermintaan(), correctsId: r.realizationId,
      evidenceRef: document.getElementById('koreksi-bukti').value.trim(),
      note: document.getElementById('koreksi-alasan').value.trim(),
    };
    const teks = nilaiInput.value.trim();
    if (tarik.checked) body.retract = true;
    else if (r.kind === 'SPENDING') body.spent = { written: teks };
    else body.achievement = { yearly: { written: teks } };
    simpan.disabled = true;
    let jawab;
    try {
      jawab = await kirim('/api/realisasi/koreksi', body);
    } finally {
      simpan.disabled = false;
    }
    if (!jawab.ok) {
      const err = (jawab.data && jawab.data.error) || {};
      const kolom = kolomGalatKoreksi(err.field);
      document.getElementById(kolom ? 'galat-' + kolom : 'galat-koreksi').textContent = pesanGalat(jawab);
      if (kolom) {
        document.getElementById(kolom).setAttribute('aria-invalid', 'true');
        document.getElementById(kolom).focus();
      }
      return;
    }
    const v = jawab.data;
    const hasil = document.getElementById('hasil-koreksi');
    hasil.textContent = 'Koreksi ' + v.realizationId + ' atas ' + r.realizationId + ' dicatat: ' +
      nilaiCatatan(r) + ' menjadi ' + (v.retracted ? 'ditarik' : nilaiCatatan(v)) + '.';
    keadaan.koreksi = null;
    form.classList.add('tersembunyi');
    hasil.focus();
    await muatRealisasi(keadaan);
  });
}

async function halamanRealisasi() {
  if (!tampilkanUntuk(['KEPALA_BIDANG', 'SEKRETARIAT'])) return;
  const rencana = await rencanaSaja();
  const saya = await ambil('/api/saya');
  // Offered: the nodes of the user's division (renstrad refuses the others anyway).
  const milik = rencana.urut.filter((n) => !saya.division || n.division === saya.division);
  const keadaan = { simpul: null, tahun: 0, periode: 0, koreksi: null };
  pasangKoreksi(keadaan);
  const pilihTahun = document.getElementById('tahun');
  const pilihPeriode = document.getElementById('periode');
  const pilih = document.getElementById('pilih-simpul');
  isiTahun(pilihTahun, rencana.tahun);
  const segarkan = () => {
    keadaan.simpul = milik.find((n) => n.code === pilih.value) || null;
    keadaan.tahun = Number(pilihTahun.value);
    keadaan.periode = Number(pilihPeriode.value);
    document.getElementById('hasil').textContent = '';
    document.getElementById('hasil-koreksi').textContent = '';
    keadaan.koreksi = null;
    document.getElementById('form-koreksi').classList.add('tersembunyi');
    muatRealisasi(keadaan).catch((e) => { document.getElementById('pesan').textContent = e.message; });
  };
  const isiPilihan = (kata) => {
    const q = kata.trim().toLowerCase();
    const cocok = milik.filter((n) => !q || (n.code + ' ' + n.name).toLowerCase().includes(q));
    pilih.replaceChildren(...cocok.slice(0, 300).map((n) =>
      el('option', { value: n.code }, n.code + ' ' + n.name)));
    segarkan();
  };
  document.getElementById('cari-simpul').addEventListener('input', (ev) => isiPilihan(ev.target.value));
  for (const s of [pilih, pilihTahun, pilihPeriode]) s.addEventListener('change', segarkan);
  isiPilihan('');
}

// --- Laporan --------------------------------------------------------------------------

// A cell that is a figure ("1.234.567", "85,50", "85,5%", "210 Orang", "-") aligns right.
function angka(teks) {
  return /^-?[\d.]+(,\d+)?(%| \S+)?$|^-$/.test(teks);
}

function tabelLaporan(t) {
  const tabel = document.getElementById('laporan');
  const thead = el('thead', {});
  const grup = t.headerGroup || [];
  if (grup.some((g) => g)) {
    const atas = el('tr', {});
    const bawah = el('tr', {});
    for (let i = 0; i < t.header.length; i++) {
      if (!grup[i]) { atas.append(el('th', { rowspan: '2' }, t.header[i])); continue; }
      if (i > 0 && grup[i - 1] === grup[i]) continue;
      let n = 1;
      while (i + n < t.header.length && grup[i + n] === grup[i]) n++;
      atas.append(el('th', { colspan: String(n) }, grup[i]));
    }
    for (let i = 0; i < t.header.length; i++) if (grup[i]) bawah.append(el('th', {}, t.headerSub[i]));
    thead.append(atas, bawah);
  } else {
    thead.append(el('tr', {}, ...t.header.map((h) => el('th', {}, h))));
  }
  const tbody = el('tbody', {});
  (t.rows || []).forEach((row, i) => {
    const tr = el('tr', { 'data-kode': row[0] || '', 'data-kedalaman': String((t.depth || [])[i] || 0) });
    // The first column is the code ("1.06.04.2.01"), text however it looks.
    row.forEach((c, j) => {
      const kelas = j === 0 ? 'kode' : (angka(c) ? 'angka' : null);
      tr.append(el('td', kelas ? { class: kelas } : {}, c));
    });
    tbody.append(tr);
  });
  tabel.replaceChildren(thead, tbody);
}

// --- Grafik (inline SVG; no chart library, nothing fetched) ---------------------------

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

// "1.234,5" → 1234.5, for a bar's length only (its label is the server's own text);
// null for "-" or anything that is not a figure.
function angkaDari(teks) {
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(teks || '')) return null;
  return Number(teks.replace(/\./g, '').replace(',', '.'));
}

// E.80's top rows (depth 0: the programs, or the chosen root) as horizontal bars: each
// indicator's average rasio capaian (K) and the node's average serapan (Rp), labelled
// with the server's text ("70,00 %"), a dashed line at 100 %. Rows without a ratio ("-")
// have no bar. Returns the number of bars.
function grafikRasio(t) {
  const tempat = document.getElementById('grafik-rasio');
  const kolom = t.header.indexOf('Rata-rata Rasio (%)');
  const atas = (t.rows || []).filter((row, i) => Number((t.depth || [])[i] || 0) === 0);
  const jumlahK = new Map();
  for (const row of atas) if (row[3] === 'K') jumlahK.set(row[0], (jumlahK.get(row[0]) || 0) + 1);
  const keK = new Map();
  const batang = [];
  for (const row of atas) {
    const v = kolom < 0 ? null : angkaDari(row[kolom]);
    let jenis = row[3] === 'K' ? 'Kinerja' : 'Keuangan';
    if (row[3] === 'K') {
      keK.set(row[0], (keK.get(row[0]) || 0) + 1);
      if (jumlahK.get(row[0]) > 1) jenis += ' ' + keK.get(row[0]);
    }
    if (v === null) continue;
    batang.push({ kode: row[0], jenis, k: row[3] === 'K', v, teks: row[kolom] + ' %' });
  }
  const kiri = 190;
  const lebar = 360;
  const tinggi = 24;
  const skala = Math.max(100, ...batang.map((b) => b.v));
  const x = (v) => kiri + Math.max(0, v) / skala * lebar;
  const h = batang.length * tinggi + 24;
  tempat.setAttribute('viewBox', `0 0 ${kiri + lebar + 90} ${h}`);
  tempat.setAttribute('width', String(kiri + lebar + 90));
  tempat.setAttribute('height', String(h));
  const isi = batang.map((b, i) => {
    const y = i * tinggi + 4;
    return svg('g', { class: 'batang ' + (b.k ? 'kinerja' : 'keuangan'), 'data-kode': b.kode, 'data-jenis': b.jenis },
      svg('title', {}, b.kode + ' ' + b.jenis + ': ' + b.teks),
      svg('text', { class: 'label', x: kiri - 6, y: y + 15, 'text-anchor': 'end' }, b.kode + ' ' + b.jenis),
      svg('rect', { x: kiri, y, width: (x(b.v) - kiri).toFixed(1), height: tinggi - 8 }),
      svg('text', { class: 'nilai', x: (x(b.v) + 4).toFixed(1), y: y + 15 }, b.teks));
  });
  const seratus = x(100).toFixed(1);
  isi.push(svg('line', { class: 'acuan', x1: seratus, x2: seratus, y1: 0, y2: h - 16 }),
    svg('text', { class: 'acuan', x: seratus, y: h - 4, 'text-anchor': 'middle' }, '100 %'));
  tempat.replaceChildren(...isi);
  return batang.length;
}

async function halamanLaporan() {
  const rencana = await rencanaSaja();
  const jenis = document.getElementById('jenis');
  const tahun = document.getElementById('tahun');
  isiTahun(tahun, rencana.tahun);
  const status = document.getElementById('status-muat');
  const pesan = document.getElementById('pesan');
  const grafik = document.getElementById('grafik');
  const kosong = document.getElementById('kosong-peringatan');
  // T-C.24 and E.80 cover every year of the plan; the others one year.
  const tanpaTahun = () => jenis.value === 'anggaran' || jenis.value === 'evaluasi';
  const sesuaikan = () => {
    tahun.disabled = tanpaTahun();
    document.getElementById('ambang').classList.toggle('tersembunyi', jenis.value !== 'peringatan');
  };
  let giliran = 0;
  const tampilkan = async () => {
    // Only the latest request draws: an earlier answer arriving late is dropped.
    const kini = ++giliran;
    pesan.textContent = '';
    status.textContent = 'Memuat laporan…';
    const q = {};
    if (!tanpaTahun()) q.year = tahun.value;
    const kode = document.getElementById('kode').value.trim();
    if (kode) q.rootCode = kode;
    if (jenis.value === 'peringatan') {
      const rasio = document.getElementById('ambang-rasio').value.trim();
      const serapan = document.getElementById('ambang-serapan').value.trim();
      if (rasio) q.ratioThreshold = rasio;
      if (serapan) q.absorptionThreshold = serapan;
    }
    const kueri = new URLSearchParams(q).toString();
    const akhiran = kueri ? '?' + kueri : '';
    const laporan = jenis.value;
    try {
      const t = await ambil('/api/laporan/' + laporan + akhiran);
      if (kini !== giliran || !t) return;
      document.getElementById('judul-laporan').textContent = t.title;
      tabelLaporan(t);
      const baris = (t.rows || []).length;
      status.textContent = kelompok(String(baris)) + ' baris';
      kosong.classList.toggle('tersembunyi', laporan !== 'peringatan' || baris !== 0);
      grafik.classList.toggle('tersembunyi', laporan !== 'evaluasi' || grafikRasio(t) === 0);
      for (const f of ['xlsx', 'pdf', 'csv']) {
        document.getElementById('unduh-' + f).href =
          denganAgensi('/api/laporan/' + laporan + '.' + f + akhiran);
      }
      document.getElementById('unduh').classList.remove('tersembunyi');
    } catch (e) {
      if (kini !== giliran) return;
      status.textContent = '';
      pesan.textContent = e.message;
      document.getElementById('laporan').replaceChildren();
      document.getElementById('judul-laporan').textContent = '';
      document.getElementById('unduh').classList.add('tersembunyi');
      grafik.classList.add('tersembunyi');
      kosong.classList.add('tersembunyi');
    }
  };
  jenis.addEventListener('change', sesuaikan);
  document.getElementById('tampilkan').addEventListener('click', tampilkan);
  // Enter in the code or a threshold shows the report, as the button does.
  for (const id of ['kode', 'ambang-rasio', 'ambang-serapan']) {
    document.getElementById(id).addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') { ev.preventDefault(); tampilkan(); }
    });
  }
  sesuaikan();
  await tampilkan();
}

// --- Audit ----------------------------------------------------------------------------

async function halamanAudit() {
  if (!tampilkanUntuk(['INSPEKTORAT', 'KEPALA_DINAS'])) return;
  const hasil = document.getElementById('hasil-verifikasi');
  document.getElementById('verifikasi').addEventListener('click', async () => {
    hasil.className = '';
    hasil.textContent = 'Memverifikasi…';
    document.getElementById('rincian-verifikasi').classList.add('tersembunyi');
    try {
      const v = await ambil('/api/audit/verifikasi');
      if (!v) return;
      hasil.textContent = v.message;
      hasil.className = v.ok ? 'hasil' : 'pesan';
      document.getElementById('v-akar').textContent = v.rootHash || '-';
      document.getElementById('v-rantai').textContent = v.chainHead || '-';
      document.getElementById('v-kunci').textContent = (v.keyId || '').slice(0, 16) +
        (v.keyPinned ? ' (disematkan di renstra-web)' : ' (diberikan renstrad, tidak disematkan)');
      document.getElementById('rincian-verifikasi').classList.remove('tersembunyi');
    } catch (e) {
      hasil.className = 'pesan';
      hasil.textContent = e.message;
    }
  });

  const tbody = document.querySelector('#riwayat tbody');
  const lagi = document.getElementById('muat-lagi');
  const pesan = document.getElementById('pesan');
  let kueri = null;
  let token = '';
  const muat = async (awal) => {
    pesan.textContent = '';
    if (awal) { tbody.replaceChildren(); token = ''; }
    const q = Object.assign({}, kueri);
    if (token) q.pageToken = token;
    try {
      const h = await ambil('/api/audit/riwayat?' + new URLSearchParams(q));
      if (!h) return;
      for (const e of h.events || []) {
        tbody.append(el('tr', { 'data-urutan': e.sequence }, el('td', { class: 'angka' }, e.sequence),
          el('td', {}, waktuWib(e.atMicros)), el('td', {}, e.principal || ''), el('td', {}, e.uraian)));
      }
      token = h.nextPageToken || '';
    } catch (e) {
      pesan.textContent = e.message;
      token = '';
    }
    const ada = tbody.children.length > 0;
    document.getElementById('riwayat').classList.toggle('tersembunyi', !ada);
    document.getElementById('kosong-riwayat').classList.toggle('tersembunyi', ada || !!pesan.textContent);
    lagi.classList.toggle('tersembunyi', !token);
  };
  document.getElementById('tampilkan-riwayat').addEventListener('click', () => {
    kueri = { pageSize: '50' };
    kueri[document.getElementById('subjek').value] = document.getElementById('nilai-subjek').value.trim();
    muat(true);
  });
  lagi.addEventListener('click', () => muat(false));
}

document.addEventListener('DOMContentLoaded', () => {
  const halaman = document.body.dataset.halaman;
  const jalankan = (fn) => fn().catch((e) => {
    const p = document.getElementById('pesan');
    if (p) p.textContent = e.message;
  });
  if (halaman === 'realisasi') jalankan(halamanRealisasi);
  if (halaman === 'laporan') jalankan(halamanLaporan);
  if (halaman === 'audit') jalankan(halamanAudit);
});
