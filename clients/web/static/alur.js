// Konsol Renstra: the workflow pages — Usulan (Kepala Bidang, Sekretariat), Persetujuan
// and Perubahan (Kepala Dinas). Uses app.js's helpers (loaded first). Every command goes
// to the gateway's JSON API, which forwards it to renstrad: what a role may do is
// renstrad's decision, and its refusal (an Indonesian sentence) is shown as it comes.
'use strict';

// --- The plan as an index, for names and current values ------------------------------

async function muatRencana() {
  const data = await ambil('/api/renstra');
  const plan = (data && data.plan) || {};
  const simpul = new Map();     // code → node
  const indikator = new Map();  // indicator id → { ind, node }
  const urut = [];              // nodes in tree order
  const jalan = (n) => {
    simpul.set(n.code, n);
    urut.push(n);
    for (const i of n.indicators || []) indikator.set(i.id, { ind: i, node: n });
    for (const c of n.children || []) jalan(c);
  };
  for (const p of plan.programs || []) jalan(p);
  const tahun = [];
  for (let y = (plan.baselineYear || 2021) + 1; y <= (plan.finalYear || 2026); y++) tahun.push(y);
  return { plan, simpul, indikator, urut, tahun };
}

function targetTahun(ind, y) {
  const t = (ind.targets || []).find((x) => x.year === y);
  return t ? nilai(t.value) : '';
}

function paguTahun(node, y) {
  const f = (node.funding || []).find((x) => x.year === y);
  return f ? rupiah(f.amount) : '';
}

// One change as table cells: code, name, what, before, after.
function uraianPerubahan(c, rencana) {
  if (c.setTarget) {
    const s = c.setTarget;
    const found = rencana.indikator.get(s.indicatorId);
    const node = found ? found.node : rencana.simpul.get(s.indicatorId.split('#')[0]);
    return [node ? node.code : s.indicatorId, node ? node.name : '',
            'Target ' + s.year + (found ? ' — ' + found.ind.statement : ''),
            nilai(s.before) || '-', nilai(s.value)];
  }
  if (c.setFunding) {
    const s = c.setFunding;
    const node = rencana.simpul.get(s.nodeCode);
    const rp = (m) => (m && m.present ? 'Rp ' + rupiah(m) : '-');
    return [s.nodeCode, node ? node.name : '', 'Pagu ' + s.year, rp(s.before), rp(s.amount)];
  }
  if (c.replaceIndicator) {
    const s = c.replaceIndicator;
    const found = rencana.indikator.get(s.indicatorId);
    return [found ? found.node.code : s.indicatorId, found ? found.node.name : '',
            'Ganti indikator mulai ' + s.fromYear, s.beforeStatement || '', s.statement || ''];
  }
  if (c.addSubActivity) {
    const s = c.addSubActivity;
    return [s.code, s.name, 'Tambah sub kegiatan', '-', s.indicator || ''];
  }
  if (c.retireSubActivity) {
    const s = c.retireSubActivity;
    const node = rencana.simpul.get(s.code);
    return [s.code, node ? node.name : '', 'Hentikan mulai ' + s.fromYear, 'aktif', 'dihentikan'];
  }
  return ['', '', 'Perubahan lain', '', ''];
}

function tabelPerubahan(changes, rencana) {
  const tabel = el('table', { class: 'perubahan' },
    el('tr', {}, el('th', {}, 'Kode'), el('th', {}, 'Nama'), el('th', {}, 'Uraian'),
       el('th', {}, 'Sebelum'), el('th', {}, 'Sesudah')));
  for (const c of changes || []) {
    const [kode, nama, uraian, sebelum, sesudah] = uraianPerubahan(c, rencana);
    tabel.append(el('tr', { class: 'baris-perubahan' }, el('td', { class: 'kode' }, kode),
      el('td', {}, nama), el('td', {}, uraian), el('td', { class: 'angka sebelum' }, sebelum),
      el('td', { class: 'angka sesudah' }, sesudah)));
  }
  return tabel;
}

function tampilkanIsi(peranBoleh) {
  const boleh = peranBoleh.includes(document.body.dataset.peran);
  document.getElementById('isi').classList.toggle('tersembunyi', !boleh);
  document.getElementById('bukan-peran').classList.toggle('tersembunyi', boleh);
  return boleh;
}

// --- Usulan ---------------------------------------------------------------------

// The proposal being revised (a returned or draft ProposalView), or null for a new one.
let sedangDiperbaiki = null;

function blokSunting(node, rencana, nilaiAwal) {
  const tabel = el('table', {});
  const kepala = el('tr', {}, el('th', {}, 'Uraian'));
  for (const y of rencana.tahun) kepala.append(el('th', {}, String(y)));
  tabel.append(kepala);
  const sel = (jenis, atribut, kini, label, awal) => {
    const input = el('input', Object.assign({
      class: 'ubah', 'data-jenis': jenis, 'aria-label': label + ', kini ' + (kini || 'kosong'),
      placeholder: kini || '', size: '12',
    }, atribut));
    if (awal) input.value = awal;
    return el('td', { class: 'angka' }, el('span', { class: 'kini' }, kini || '-'), ' ', input);
  };
  for (const ind of node.indicators || []) {
    const baris = el('tr', { 'data-indikator': ind.id }, el('td', {}, 'Target — ' + ind.statement));
    for (const y of rencana.tahun) {
      const kini = targetTahun(ind, y);
      baris.append(sel('target', { 'data-indikator': ind.id, 'data-tahun': String(y) }, kini,
                       'Target ' + y + ' ' + ind.statement, nilaiAwal.get(ind.id + '|' + y)));
    }
    tabel.append(baris);
  }
  const pagu = el('tr', { class: 'pagu' }, el('td', {}, 'Pagu (Rp)'));
  for (const y of rencana.tahun) {
    pagu.append(sel('pagu', { 'data-kode': node.code, 'data-tahun': String(y) }, paguTahun(node, y),
                    'Pagu ' + y + ' ' + node.code, nilaiAwal.get(node.code + '|' + y)));
  }
  tabel.append(pagu);
  const hapus = el('button', { type: 'button', class: 'hapus-simpul' }, 'Hapus dari usulan');
  const blok = el('fieldset', { class: 'simpul-usulan', 'data-kode': node.code },
                  el('legend', {}, node.code + ' ' + node.name), tabel, hapus);
  hapus.addEventListener('click', () => blok.remove());
  return blok;
}

function tambahSimpul(rencana, code, nilaiAwal) {
  const sunting = document.getElementById('sunting');
  if (sunting.querySelector(`fieldset[data-kode="${CSS.escape(code)}"]`)) return;
  const node = rencana.simpul.get(code);
  if (node) sunting.append(blokSunting(node, rencana, nilaiAwal || new Map()));
}

// The changes the form states: one per filled cell, the value as typed (the gateway
// reads it as the CLI does).
function kumpulkanPerubahan() {
  const changes = [];
  for (const input of document.querySelectorAll('#sunting input.ubah')) {
    const teks = input.value.trim();
    if (!teks) continue;
    const year = Number(input.dataset.tahun);
    if (input.dataset.jenis === 'target') {
      changes.push({ setTarget: { indicatorId: input.dataset.indikator, year, value: { written: teks } } });
    } else {
      changes.push({ setFunding: { nodeCode: input.dataset.kode, year, amount: { written: teks } } });
    }
  }
  // Kinds the form does not edit are kept as the proposal had them.
  if (sedangDiperbaiki) {
    for (const c of sedangDiperbaiki.changes || []) {
      if (!c.setTarget && !c.setFunding) changes.push(c);
    }
  }
  return changes;
}

function kosongkanForm() {
  sedangDiperbaiki = null;
  document.getElementById('sunting').replaceChildren();
  document.getElementById('judul-usulan').value = '';
  document.getElementById('judul-usulan').disabled = false;
  document.getElementById('justifikasi').value = '';
  document.getElementById('judul-form').textContent = 'Usulan baru';
  document.getElementById('catatan-kembali').classList.add('tersembunyi');
  document.getElementById('simpan-draf').textContent = 'Simpan sebagai draf';
  document.getElementById('ajukan').textContent = 'Ajukan';
  document.getElementById('batal').classList.add('tersembunyi');
}

function perbaiki(p, rencana) {
  kosongkanForm();
  sedangDiperbaiki = p;
  const awal = new Map();
  const simpulnya = [];
  for (const c of p.changes || []) {
    if (c.setTarget) {
      awal.set(c.setTarget.indicatorId + '|' + c.setTarget.year, nilai(c.setTarget.value));
      const found = rencana.indikator.get(c.setTarget.indicatorId);
      if (found) simpulnya.push(found.node.code);
    } else if (c.setFunding) {
      awal.set(c.setFunding.nodeCode + '|' + c.setFunding.year, rupiah(c.setFunding.amount));
      simpulnya.push(c.setFunding.nodeCode);
    }
  }
  for (const code of simpulnya) tambahSimpul(rencana, code, awal);
  document.getElementById('judul-form').textContent = 'Perbaiki usulan ' + p.proposalId;
  document.getElementById('judul-usulan').value = p.title || '';
  document.getElementById('judul-usulan').disabled = true;
  document.getElementById('justifikasi').value = p.justification || '';
  const catatan = document.getElementById('catatan-kembali');
  catatan.textContent = p.lastNote ? 'Catatan Kepala Dinas: ' + p.lastNote : '';
  catatan.classList.toggle('tersembunyi', !p.lastNote);
  document.getElementById('simpan-draf').textContent = 'Simpan perbaikan';
  document.getElementById('ajukan').textContent = 'Simpan dan ajukan ulang';
  document.getElementById('batal').classList.remove('tersembunyi');
  document.getElementById('justifikasi').focus();
}

async function simpanUsulan(ajukan, rencana) {
  const pesan = document.getElementById('pesan');
  const hasil = document.getElementById('hasil');
  pesan.textContent = '';
  hasil.textContent = '';
  const justification = document.getElementById('justifikasi').value;
  const changes = kumpulkanPerubahan();
  let r;
  if (sedangDiperbaiki) {
    const id = sedangDiperbaiki.proposalId;
    r = await kirim('/api/usulan/revisi',
                    { requestId: idPermintaan(), proposalId: id, justification, changes });
    if (r.ok && ajukan) {
      r = await kirim('/api/usulan/ajukan', { requestId: idPermintaan(), proposalId: id });
    }
  } else {
    r = await kirim('/api/usulan', {
      requestId: idPermintaan(), title: document.getElementById('judul-usulan').value.trim(),
      justification, changes, submit: ajukan,
    });
  }
  if (!r.ok) { pesan.textContent = pesanGalat(r); return; }
  const v = r.data;
  hasil.textContent = 'Usulan ' + v.proposalId + ' ' +
    (v.status === 'SUBMITTED' ? 'diajukan untuk ditinjau.' : 'disimpan sebagai draf.');
  kosongkanForm();
  await muatUsulanSaya(rencana);
}

async function tindakan(path, id, teks, rencana) {
  const pesan = document.getElementById('pesan-daftar');
  pesan.textContent = '';
  const r = await kirim(path, { requestId: idPermintaan(), proposalId: id });
  if (!r.ok) { pesan.textContent = pesanGalat(r); return; }
  document.getElementById('hasil').textContent = 'Usulan ' + id + ' ' + teks + '.';
  await muatUsulanSaya(rencana);
}

async function muatUsulanSaya(rencana) {
  const kotak = await ambil('/api/kotak');
  if (!kotak) return;
  const semua = (kotak.returnedToMe || []).concat(kotak.myOpen || []);
  const tbody = document.querySelector('#daftar-saya tbody');
  tbody.replaceChildren();
  for (const p of semua) {
    const aksi = el('td', {});
    const tombol = (teks, fn) => {
      const b = el('button', { type: 'button' }, teks);
      b.addEventListener('click', fn);
      aksi.append(b, ' ');
    };
    if (p.status === 'RETURNED' || p.status === 'DRAFT') tombol('Perbaiki', () => perbaiki(p, rencana));
    if (p.status === 'DRAFT') {
      tombol('Ajukan', () => tindakan('/api/usulan/ajukan', p.proposalId, 'diajukan untuk ditinjau', rencana));
    }
    if (p.status === 'DRAFT' || p.status === 'SUBMITTED' || p.status === 'RETURNED') {
      tombol('Tarik', () => tindakan('/api/usulan/tarik', p.proposalId, 'ditarik', rencana));
    }
    tbody.append(el('tr', { 'data-usulan': p.proposalId, 'data-status': p.status },
      el('td', { class: 'kode' }, p.proposalId), el('td', {}, p.title || ''),
      el('td', { class: 'status' }, STATUS[p.status] || p.status),
      el('td', {}, tabelPerubahan(p.changes, rencana)),
      el('td', { class: 'catatan' }, p.status === 'RETURNED' ? (p.lastNote || '') : ''), aksi));
  }
  document.getElementById('daftar-saya').classList.toggle('tersembunyi', semua.length === 0);
  document.getElementById('kosong-saya').classList.toggle('tersembunyi', semua.length !== 0);
  await muatUsulanSelesai(rencana);
}

// The user's closed proposals (rejected with the note, withdrawn, applied), which the
// inbox no longer lists.
async function muatUsulanSelesai(rencana) {
  const saya = await ambil('/api/saya');
  const semua = [];
  let token = '';
  do {
    const halaman = await ambil('/api/usulan' + (token ? '?pageToken=' + encodeURIComponent(token) : ''));
    if (!halaman) return;
    semua.push(...(halaman.proposals || []));
    token = halaman.nextPageToken || '';
  } while (token);
  const selesai = semua.filter((p) => p.proposer === saya.name &&
                                      ['REJECTED', 'WITHDRAWN', 'APPLIED'].includes(p.status));
  document.querySelector('#daftar-selesai tbody').replaceChildren(...selesai.map((p) =>
    el('tr', { 'data-usulan': p.proposalId, 'data-status': p.status },
      el('td', { class: 'kode' }, p.proposalId), el('td', {}, p.title || ''),
      el('td', { class: 'status' }, STATUS[p.status] || p.status),
      el('td', {}, tabelPerubahan(p.changes, rencana)),
      el('td', { class: 'catatan' }, p.lastNote || ''))));
  document.getElementById('daftar-selesai').classList.toggle('tersembunyi', selesai.length === 0);
  document.getElementById('kosong-selesai').classList.toggle('tersembunyi', selesai.length !== 0);
}

async function halamanUsulan() {
  if (!tampilkanIsi(['KEPALA_BIDANG', 'SEKRETARIAT'])) return;
  const rencana = await muatRencana();
  const saya = await ambil('/api/saya');
  // Offered: the nodes of a Kepala Bidang's division; every node to the Sekretariat, the
  // agency's planning unit (renstrad refuses the others anyway).
  const milik = rencana.urut.filter((n) => saya.role === 'SEKRETARIAT' || !saya.division ||
                                           n.division === saya.division);
  const pilih = document.getElementById('pilih-simpul');
  const isiPilihan = (kata) => {
    const q = kata.trim().toLowerCase();
    const cocok = milik.filter((n) => !q || (n.code + ' ' + n.name).toLowerCase().includes(q));
    pilih.replaceChildren(...cocok.slice(0, 300).map((n) =>
      el('option', { value: n.code }, n.code + ' ' + n.name)));
  };
  isiPilihan('');
  document.getElementById('cari-simpul').addEventListener('input', (ev) => isiPilihan(ev.target.value));
  document.getElementById('tambah-simpul').addEventListener('click', () => {
    if (pilih.value) tambahSimpul(rencana, pilih.value);
  });
  document.getElementById('simpan-draf').addEventListener('click', () => simpanUsulan(false, rencana));
  document.getElementById('ajukan').addEventListener('click', () => simpanUsulan(true, rencana));
  document.getElementById('batal').addEventListener('click', kosongkanForm);
  await muatUsulanSaya(rencana);
  ikutiPerubahan(() => muatUsulanSaya(rencana).catch(() => {}));
}

// --- Persetujuan -------------------------------------------------------------------

const KEPUTUSAN = {
  APPROVE: ['Setujui', 'disetujui'],
  RETURN: ['Kembalikan', 'dikembalikan kepada pengusul'],
  REJECT: ['Tolak', 'ditolak'],
};

async function muatKotakPersetujuan(rencana) {
  const kotak = await ambil('/api/kotak');
  if (!kotak) return;
  const daftar = kotak.awaitingDecision || [];
  const wadah = document.getElementById('kotak');
  // A card whose proposal is unchanged stays as it is, and attached, so a refresh (the
  // live feed) keeps a note being typed and the focus.
  const lama = new Map(Array.from(wadah.children, (k) => [k.dataset.kunci, k]));
  const baru = [];
  for (const p of daftar) {
    const kunci = JSON.stringify(p);
    if (lama.has(kunci)) { baru.push(lama.get(kunci)); continue; }
    const diajukan = (p.history || []).filter((h) => h.event === 'submitted').pop();
    const bidang = (rencana.urut.find((n) => n.division === p.division) || {}).divisionName || '';
    const idCatatan = 'catatan-' + p.proposalId;
    const pesan = el('p', { class: 'pesan', role: 'alert' });
    const kartu = el('article', { class: 'usulan', 'data-usulan': p.proposalId },
      el('h2', {}, p.proposalId + ' — ' + (p.title || '(tanpa judul)')),
      el('p', { class: 'pengusul' }, 'Diusulkan oleh ' + p.proposer + (bidang ? ' (' + bidang + ')' : '') +
         (diajukan ? ', diajukan ' + waktuWib(diajukan.atMicros) : '')),
      el('p', { class: 'justifikasi' }, 'Justifikasi: ' + (p.justification || '')),
      tabelPerubahan(p.changes, rencana),
      el('label', { for: idCatatan }, 'Catatan'),
      el('textarea', { id: idCatatan, class: 'catatan', rows: '2' }));
    const tombol = el('p', {});
    for (const [decision, [teks, hasil]] of Object.entries(KEPUTUSAN)) {
      const b = el('button', { type: 'button', 'data-keputusan': decision }, teks);
      b.addEventListener('click', async () => {
        pesan.textContent = '';
        const r = await kirim('/api/usulan/tinjau', {
          requestId: idPermintaan(), proposalId: p.proposalId, decision,
          note: document.getElementById(idCatatan).value.trim(),
        });
        if (!r.ok) { pesan.textContent = pesanGalat(r); return; }
        document.getElementById('hasil').textContent = 'Usulan ' + p.proposalId + ' ' + hasil + '.';
        await muatKotakPersetujuan(rencana);
      });
      tombol.append(b, ' ');
    }
    kartu.append(tombol, pesan);
    kartu.dataset.kunci = kunci;
    baru.push(kartu);
  }
  samakanAnak(wadah, baru);
  document.getElementById('kosong').classList.toggle('tersembunyi', daftar.length !== 0);
}

async function halamanPersetujuan() {
  if (!tampilkanIsi(['KEPALA_DINAS'])) return;
  const rencana = await muatRencana();
  await muatKotakPersetujuan(rencana);
  ikutiPerubahan(() => muatKotakPersetujuan(rencana).catch(() => {}));
}

// --- Perubahan ----------------------------------------------------------------------

async function muatPerubahan(rencana) {
  const rev = await ambil('/api/perubahan');
  if (!rev) return;
  const terbuka = rev.openRevision && rev.openRevision.revisionId ? rev.openRevision : null;
  document.getElementById('status-revisi').textContent =
    (terbuka ? 'Revisi terbuka: ' + terbuka.revisionId + ' — ' + terbuka.name + '.'
             : 'Tidak ada revisi terbuka.') + (rev.locked ? ' Renstra terkunci.' : '');
  document.getElementById('form-buka').classList.toggle('tersembunyi', !!terbuka);
  document.getElementById('form-sahkan').classList.toggle('tersembunyi', !terbuka);
  document.getElementById('bagian-kunci').classList.toggle('tersembunyi', !!terbuka || !!rev.locked);
  if (terbuka) {
    const disetujui = (await ambil('/api/usulan?status=APPROVED')).proposals || [];
    const wadah = document.getElementById('usulan-disetujui');
    wadah.replaceChildren(...disetujui.map((p) => {
      const id = 'pilih-' + p.proposalId;
      return el('div', { class: 'pilihan', 'data-usulan': p.proposalId },
        el('input', { type: 'checkbox', id, value: p.proposalId }),
        el('label', { for: id }, ' ' + p.proposalId + ' — ' + (p.title || '(tanpa judul)') +
           ' (' + p.proposer + ')'),
        tabelPerubahan(p.changes, rencana));
    }));
    document.getElementById('tanpa-usulan').classList.toggle('tersembunyi', disetujui.length !== 0);
  }
  const daftar = rev.revisions || [];
  const tbody = document.querySelector('#daftar-revisi tbody');
  tbody.replaceChildren(...daftar.map((r) => el('tr', { 'data-revisi': r.revisionId },
    el('td', { class: 'angka' }, String(r.revisionNumber || '')), el('td', {}, r.name || ''),
    el('td', {}, r.legalBasis || ''), el('td', {}, r.signer || ''),
    el('td', {}, tanggal(r.effectiveDate)), el('td', {}, (r.proposalIds || []).join(', ')),
    el('td', {}, (r.ratifiedBy || '') + ', ' + waktuWib(r.ratifiedAtMicros)))));
  document.getElementById('daftar-revisi').classList.toggle('tersembunyi', daftar.length === 0);
  document.getElementById('tanpa-revisi').classList.toggle('tersembunyi', daftar.length !== 0);
}

async function perintahPerubahan(path, body, berhasil, rencana) {
  const pesan = document.getElementById('pesan');
  pesan.textContent = '';
  document.getElementById('hasil').textContent = '';
  const r = await kirim(path, Object.assign({ requestId: idPermintaan() }, body));
  if (!r.ok) { pesan.textContent = pesanGalat(r); return; }
  document.getElementById('hasil').textContent = berhasil(r.data);
  await muatPerubahan(rencana);
}

async function halamanPerubahan() {
  if (!tampilkanIsi(['KEPALA_DINAS'])) return;
  const rencana = await muatRencana();
  document.getElementById('buka').addEventListener('click', () => perintahPerubahan(
    '/api/perubahan/buka', { name: document.getElementById('nama-revisi').value.trim() },
    (r) => 'Revisi ' + r.revisionId + ' — ' + r.name + ' dibuka.', rencana));
  document.getElementById('sahkan').addEventListener('click', () => perintahPerubahan(
    '/api/perubahan/sahkan', {
      proposalIds: Array.from(document.querySelectorAll('#usulan-disetujui input:checked'), (c) => c.value),
      legalBasis: document.getElementById('dasar-hukum').value.trim(),
      reason: document.getElementById('alasan').value.trim(),
      signer: document.getElementById('penandatangan').value.trim(),
      effectiveDate: document.getElementById('tanggal-berlaku').value,
      acceptFindings: document.getElementById('terima-temuan').checked,
      acceptReason: document.getElementById('alasan-temuan').value.trim(),
    },
    (r) => 'Revisi ' + r.revisionId + ' disahkan sebagai perubahan ke-' + r.revisionNumber +
           ' (' + (r.proposalIds || []).join(', ') + '), berlaku ' + tanggal(r.effectiveDate) + '.',
    rencana));
  document.getElementById('kunci').addEventListener('click', () => perintahPerubahan(
    '/api/perubahan/kunci', {},
    (r) => 'Renstra revisi ke-' + r.revision + ' dikunci.', rencana));
  await muatPerubahan(rencana);
}

document.addEventListener('DOMContentLoaded', () => {
  const halaman = document.body.dataset.halaman;
  const jalankan = (fn) => fn().catch((e) => {
    const p = document.getElementById('pesan') || document.getElementById('hasil');
    if (p) p.textContent = e.message;
  });
  if (halaman === 'usulan') jalankan(halamanUsulan);
  if (halaman === 'persetujuan') jalankan(halamanPersetujuan);
  if (halaman === 'perubahan') jalankan(halamanPerubahan);
});
