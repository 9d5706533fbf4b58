// Konsol Renstra: the behaviour of every page (data-halaman on <body>). No inline
// script anywhere (the Content-Security-Policy forbids it); numbers as 1.234.567 and
// 4,19; every state-changing request carries the page's CSRF token.
'use strict';

// The agency (perangkat daerah) the pages show: the one picked in this browser tab
// (sessionStorage), else the signed-in user's own (data-instansi on <body>), else none —
// renstrad's default agency. Every API call carries it as the query parameter `agency`.
const KUNCI_AGENSI = 'renstra.perangkatDaerah';

function agensiTerpilih() {
  let dipilih = null;
  try { dipilih = window.sessionStorage.getItem(KUNCI_AGENSI); } catch (e) { dipilih = null; }
  return dipilih || (document.body && document.body.dataset.instansi) || '';
}

// "/api/renstra" → "/api/renstra?agency=DINSOS-BENGKALIS" (kept as it is without one).
function denganAgensi(path) {
  const kode = agensiTerpilih();
  if (!kode || !path.startsWith('/api/')) return path;
  return path + (path.includes('?') ? '&' : '?') + 'agency=' + encodeURIComponent(kode);
}

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}

async function kirim(path, body) {
  const res = await fetch(denganAgensi(path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
    body: JSON.stringify(body || {}),
    credentials: 'same-origin',
  });
  const data = await res.json().catch(() => ({}));
  return { ok: res.ok, status: res.status, data };
}

async function ambil(path) {
  const res = await fetch(denganAgensi(path), { credentials: 'same-origin' });
  if (res.status === 401) { window.location.assign('/masuk'); return null; }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((data.error && data.error.message) || ('HTTP ' + res.status));
  return data;
}

// "1234567" → "1.234.567" (digits only, any length: int64 arrives as a string).
function kelompok(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

// A Decimal {units, scale} → "4,19" / "1.234.567".
function desimal(d) {
  if (!d) return '0';
  let units = String(d.units || '0');
  const scale = Number(d.scale || 0);
  let sign = '';
  if (units.startsWith('-')) { sign = '-'; units = units.slice(1); }
  if (scale <= 0) return sign + kelompok(units);
  units = units.padStart(scale + 1, '0');
  return sign + kelompok(units.slice(0, units.length - scale)) + ',' +
         units.slice(units.length - scale);
}

function rupiah(m) {
  if (!m || !m.present) return '';
  const r = String(m.rupiah || '0');
  return r.startsWith('-') ? '-' + kelompok(r.slice(1)) : kelompok(r);
}

function nilai(t) {
  if (!t) return '';
  const unit = t.unit && t.kind !== 'PERCENT' ? ' ' + t.unit : '';
  switch (t.kind) {
    case 'NONE': return '-';
    case 'NOT_AVAILABLE': return 'N/A';
    case 'NUMBER': return desimal(t.low) + unit;
    case 'PERCENT': return desimal(t.low) + '%';
    case 'RANGE': return desimal(t.low) + '-' + desimal(t.high) + unit;
    case 'BOUND': return t.boundOp + ' ' + desimal(t.low) + unit;
    case 'BOUND_RANGE': return t.boundOp + ' ' + desimal(t.low) + '-' + desimal(t.high) + unit;
    default: return t.written || '';
  }
}

// Makes `wadah`'s children exactly `anak`, in order, moving only the nodes out of place:
// a kept node stays attached, so a textarea being typed in keeps its focus and text
// (replaceChildren would detach it, and the browser would drop the focus).
function samakanAnak(wadah, anak) {
  const tetap = new Set(anak);
  for (const lama of Array.from(wadah.children)) if (!tetap.has(lama)) lama.remove();
  anak.forEach((node, i) => {
    if (wadah.children[i] !== node) wadah.insertBefore(node, wadah.children[i] || null);
  });
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

const PERAN = {
  KEPALA_DINAS: 'Kepala Dinas',
  KEPALA_BIDANG: 'Kepala Bidang',
  SEKRETARIAT: 'Sekretariat',
  INSPEKTORAT: 'Inspektorat',
  ADMIN: 'Administrator',
};
const TUGAS = {
  KEPALA_DINAS: ['Membaca Renstra', 'Meninjau usulan perubahan', 'Mengesahkan Perubahan Renstra',
                 'Membaca laporan dan memeriksa jejak audit'],
  KEPALA_BIDANG: ['Membaca Renstra', 'Mengusulkan perubahan untuk bidang Anda',
                  'Mencatat realisasi bidang Anda', 'Membaca laporan'],
  SEKRETARIAT: ['Membaca Renstra', 'Mengusulkan perubahan untuk semua bidang',
                'Mencatat realisasi Sekretariat', 'Membaca laporan'],
  INSPEKTORAT: ['Membaca Renstra', 'Membaca laporan', 'Memeriksa riwayat dan memverifikasi log'],
  ADMIN: ['Membaca Renstra', 'Mengelola pengguna dan cadangan'],
};

// The pages each role is offered (renstrad still refuses what a role may not do).
const MENU = [
  { href: '/beranda', teks: 'Beranda' },
  { href: '/renstra', teks: 'Renstra' },
  { href: '/usulan', teks: 'Usulan', peran: ['KEPALA_BIDANG', 'SEKRETARIAT'] },
  { href: '/persetujuan', teks: 'Persetujuan', peran: ['KEPALA_DINAS'] },
  { href: '/perubahan', teks: 'Perubahan', peran: ['KEPALA_DINAS'] },
  { href: '/realisasi', teks: 'Realisasi', peran: ['KEPALA_BIDANG', 'SEKRETARIAT'] },
  { href: '/laporan', teks: 'Laporan' },
  { href: '/audit', teks: 'Audit', peran: ['INSPEKTORAT', 'KEPALA_DINAS'] },
];

function bolehHalaman(href, peran) {
  const m = MENU.find((x) => x.href === href);
  return !m || !m.peran || m.peran.includes(peran);
}

function pasangMenu() {
  const nav = document.getElementById('menu');
  if (!nav) return;
  const peran = document.body.dataset.peran;
  const kini = window.location.pathname;
  for (const m of MENU) {
    if (!bolehHalaman(m.href, peran)) continue;
    const a = el('a', { href: m.href }, m.teks);
    if (m.href === kini) a.setAttribute('aria-current', 'page');
    nav.append(a, ' ');
  }
}

const STATUS = {
  DRAFT: 'Draf', SUBMITTED: 'Diajukan', APPROVED: 'Disetujui', REJECTED: 'Ditolak',
  RETURNED: 'Dikembalikan', WITHDRAWN: 'Ditarik', APPLIED: 'Diterapkan',
};

// Microseconds since the epoch → "07-12-2026 20.05 WIB" (WIB is UTC+7, no DST).
function waktuWib(micros) {
  if (!micros || micros === '0') return '';
  const d = new Date(Number(BigInt(micros) / 1000n) + 7 * 3600 * 1000);
  const dua = (n) => String(n).padStart(2, '0');
  return dua(d.getUTCDate()) + '-' + dua(d.getUTCMonth() + 1) + '-' + d.getUTCFullYear() + ' ' +
         dua(d.getUTCHours()) + '.' + dua(d.getUTCMinutes()) + ' WIB';
}

// "2025-01-02" → "02-01-2025".
function tanggal(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? m[3] + '-' + m[2] + '-' + m[1] : (iso || '');
}

// A random id for a command, so that a retried click is one command.
function idPermintaan() {
  const b = new Uint8Array(12);
  crypto.getRandomValues(b);
  return 'web-' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function pesanGalat(r) {
  return (r.data && r.data.error && r.data.error.message) || ('Gagal (HTTP ' + r.status + ').');
}

// The live feed (server-sent events from renstrad's audit log): calls `segarkan` when
// an event arrives and once the feed is (re)connected, so nothing is missed between.
function ikutiPerubahan(segarkan) {
  if (typeof EventSource === 'undefined') return;
  const tanda = document.getElementById('langsung');
  let tunda = null;
  const panggil = () => { clearTimeout(tunda); tunda = setTimeout(segarkan, 100); };
  const sumber = new EventSource('/api/peristiwa');
  sumber.addEventListener('open', () => {
    if (tanda) tanda.textContent = 'Pembaruan langsung aktif.';
    document.body.dataset.langsung = 'ya';
    panggil();
  });
  sumber.addEventListener('peristiwa', panggil);
  sumber.addEventListener('error', () => {
    if (tanda) tanda.textContent = 'Pembaruan langsung terputus; menyambung ulang…';
    document.body.dataset.langsung = 'tidak';
  });
}

// The "Perangkat daerah" picker of the frame: every agency of the server, the one the
// pages show selected; a choice is kept for this tab and the page reloaded with it.
async function pasangPemilihAgensi() {
  const pilih = document.getElementById('perangkat-daerah');
  if (!pilih) return;
  const data = await ambil('/api/perangkat-daerah');
  if (!data) return;
  const daftar = data.agencies || [];
  const bawaan = data.userAgency || data.defaultAgency || '';
  let kini = agensiTerpilih() || data.defaultAgency || '';
  if (!daftar.some((a) => a.code === kini)) {
    // A code this server does not know (kept from another session): back to the default.
    try { window.sessionStorage.removeItem(KUNCI_AGENSI); } catch (e) { /* no storage */ }
    kini = bawaan;
  }
  pilih.replaceChildren(...daftar.map((a) => {
    const teks = a.name + ' (' + a.code + ')' + (a.retired ? ' — tidak aktif' : '');
    const o = el('option', { value: a.code }, teks);
    if (a.code === kini) o.selected = true;
    return o;
  }));
  pilih.disabled = false;
  pilih.addEventListener('change', () => {
    try { window.sessionStorage.setItem(KUNCI_AGENSI, pilih.value); } catch (e) { /* no storage */ }
    window.location.reload();
  });
}

function pasangKeluar() {
  const tombol = document.getElementById('keluar');
  if (!tombol) return;
  tombol.addEventListener('click', async () => {
    try { window.sessionStorage.removeItem(KUNCI_AGENSI); } catch (e) { /* no storage */ }
    await kirim('/api/keluar');
    window.location.assign('/masuk');
  });
}

function halamanMasuk() {
  const form = document.getElementById('form-masuk');
  const pesan = document.getElementById('pesan');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    pesan.textContent = '';
    const nama = document.getElementById('nama').value.trim();
    const sandi = document.getElementById('sandi').value;
    const r = await kirim('/api/masuk', { name: nama, password: sandi });
    if (r.ok) { window.location.assign('/renstra'); return; }
    pesan.textContent = (r.data.error && r.data.error.message) || ('Gagal masuk (HTTP ' + r.status + ').');
    document.getElementById('sandi').value = '';
  });
}

function isiDaftar(bagian, daftar, usulan, teks) {
  daftar.replaceChildren(...usulan.map((p) =>
    el('li', { 'data-usulan': p.proposalId }, teks(p))));
  bagian.classList.toggle('tersembunyi', usulan.length === 0);
}

async function muatKotakBeranda() {
  const kotak = await ambil('/api/kotak');
  if (!kotak) return;
  const judul = (p) => p.proposalId + ' — ' + (p.title || '(tanpa judul)');
  isiDaftar(document.getElementById('bagian-menunggu'), document.getElementById('menunggu'),
            kotak.awaitingDecision || [], (p) => judul(p) + ' (dari ' + p.proposer + ')');
  isiDaftar(document.getElementById('bagian-kembali'), document.getElementById('dikembalikan'),
            kotak.returnedToMe || [], (p) => judul(p) + '. Catatan: ' + (p.lastNote || '-'));
  isiDaftar(document.getElementById('bagian-terbuka'), document.getElementById('terbuka'),
            kotak.myOpen || [], (p) => judul(p) + ': ' + (STATUS[p.status] || p.status));
}

function halamanBeranda() {
  const peran = document.body.dataset.peran;
  document.getElementById('peran').textContent = PERAN[peran] || peran;
  const daftar = document.getElementById('tugas');
  for (const t of TUGAS[peran] || []) daftar.append(el('li', {}, t));
  muatKotakBeranda().catch((e) => { document.getElementById('langsung').textContent = e.message; });
  ikutiPerubahan(() => muatKotakBeranda().catch(() => {}));
}

function tabelNode(node, tahun) {
  const tabel = el('table', {});
  const kepala = el('tr', {}, el('th', {}, 'Indikator'), el('th', {}, 'Kondisi awal'));
  for (const y of tahun) kepala.append(el('th', {}, 'Target ' + y));
  kepala.append(el('th', {}, 'Kondisi akhir'));
  tabel.append(kepala);
  for (const ind of node.indicators || []) {
    const baris = el('tr', { 'data-indikator': ind.id || '' }, el('td', {}, ind.statement || ''),
                     el('td', { class: 'angka' }, nilai(ind.baseline)));
    for (const y of tahun) {
      const t = (ind.targets || []).find((x) => x.year === y);
      baris.append(el('td', { class: 'angka' }, t ? nilai(t.value) : ''));
    }
    baris.append(el('td', { class: 'angka' }, nilai(ind.endTarget)));
    tabel.append(baris);
  }
  const pagu = el('tr', { class: 'pagu' }, el('th', {}, 'Pagu (Rp)'), el('td', {}, ''));
  for (const y of tahun) {
    const f = (node.funding || []).find((x) => x.year === y);
    pagu.append(el('td', { class: 'angka', 'data-tahun': String(y) }, f ? rupiah(f.amount) : ''));
  }
  pagu.append(el('td', { class: 'angka' }, kelompok(String(node.fundingTotal || '0'))));
  tabel.append(pagu);
  return tabel;
}

function simpul(node, tahun) {
  const ringkas = el('summary', {}, el('span', { class: 'kode' }, node.code),
                     el('span', { class: 'nama' }, node.name));
  const d = el('details', { 'data-kode': node.code, 'data-cari': (node.code + ' ' + node.name).toLowerCase() },
               ringkas, tabelNode(node, tahun));
  for (const c of node.children || []) d.append(simpul(c, tahun));
  return d;
}

function saring(pohon, kata) {
  const q = kata.trim().toLowerCase();
  const semua = pohon.querySelectorAll('details');
  for (const d of semua) { d.classList.remove('tersembunyi'); if (!q) d.open = false; }
  if (!q) return;
  // A node stays when it or a descendant matches; its ancestors open.
  for (const d of Array.from(semua).reverse()) {
    const cocok = d.dataset.cari.includes(q) ||
                  d.querySelector(':scope > details:not(.tersembunyi)') !== null;
    d.classList.toggle('tersembunyi', !cocok);
    d.open = cocok && d.querySelector(':scope > details:not(.tersembunyi)') !== null;
  }
}

async function halamanRenstra() {
  const status = document.getElementById('status-muat');
  const pohon = document.getElementById('pohon');
  try {
    const data = await ambil('/api/renstra');
    if (!data) return;
    const plan = data.plan || {};
    const tahun = [];
    for (let y = (plan.baselineYear || 2021) + 1; y <= (plan.finalYear || 2026); y++) tahun.push(y);
    document.getElementById('judul-rencana').textContent =
      (plan.agency || '') + ' — revisi ' + (plan.revision || 0) + (plan.locked ? ' (terkunci)' : '');
    document.getElementById('versi-rencana').textContent =
      'Rencana ' + (plan.planId || '') + ', versi ' + String(plan.version || '0');
    for (const p of plan.programs || []) pohon.append(simpul(p, tahun));
    status.textContent = (plan.programs || []).length + ' program';
  } catch (e) {
    status.textContent = e.message;
  }
  document.getElementById('cari').addEventListener('input', (ev) => saring(pohon, ev.target.value));
}

document.addEventListener('DOMContentLoaded', () => {
  pasangMenu();
  pasangKeluar();
  pasangPemilihAgensi().catch((e) => {
    const pilih = document.getElementById('perangkat-daerah');
    if (pilih) pilih.title = e.message;
  });
  const halaman = document.body.dataset.halaman;
  if (halaman === 'masuk') halamanMasuk();
  if (halaman === 'beranda') halamanBeranda();
  if (halaman === 'renstra') halamanRenstra();
});
