// The screening page: talks to the same /v1 API as any client, with the API key kept in this tab only.
'use strict';

const $ = (id) => document.getElementById(id);
const KEY = 'sanctions-api-key';
let currentBatch = null;

function apiKey() {
  return sessionStorage.getItem(KEY) || '';
}

/** Builds an element: `class`, `on…` handlers and attributes; children skip null, undefined and false. review.js and history.js use it too. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children)
    if (child !== null && child !== undefined && child !== false)
      node.append(child instanceof Node ? child : String(child));
  return node;
}

async function api(method, path, body, headers = {}) {
  const res = await fetch(path, { method, headers: { authorization: `Bearer ${apiKey()}`, ...headers }, body });
  const type = res.headers.get('content-type') || '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const fields = (data && data.errors ? data.errors : [])
      .map((e) => `${e.field}${e.line ? ` (line ${e.line})` : ''}: ${e.message}`)
      .join('; ');
    throw new Error(`${(data && (data.detail || data.title)) || res.statusText}${fields ? ` — ${fields}` : ''}`);
  }
  return data;
}

function showError(container, error) {
  container.replaceChildren(el('p', { class: 'error' }, error.message));
}

function renderMatch(m) {
  const citations = el('ul');
  for (const c of m.citations || []) {
    const label = [c.title, c.program, c.listedOn && `listed ${c.listedOn}`].filter(Boolean).join(' · ');
    citations.append(
      el(
        'li',
        {},
        c.url ? el('a', { href: c.url, target: '_blank', rel: 'noopener noreferrer' }, label || c.url) : label,
      ),
    );
  }
  const why = el('ul');
  for (const line of m.explanation || []) why.append(el('li', {}, line));
  return el(
    'div',
    { class: 'match' },
    el('strong', {}, m.name),
    ` (${m.type}, ${m.entityId}) — score ${m.score.toFixed(3)}, matched “${m.matchedName}”`,
    el('div', {}, `Lists: ${(m.lists || []).join(', ')} · Programs: ${(m.programs || []).join(', ')}`),
    el('div', {}, 'Why:'),
    why,
    el('div', {}, 'Sources:'),
    citations,
  );
}

async function screen(event) {
  event.preventDefault();
  const out = $('screen-result');
  const form = new FormData(event.target);
  const request = {};
  for (const [k, v] of form) if (String(v).trim() !== '') request[k] = String(v).trim();
  out.replaceChildren(el('p', {}, 'Screening…'));
  $('screen-message').textContent = '';
  try {
    const s = await api('POST', '/v1/screenings?wait=true', JSON.stringify(request), {
      'content-type': 'application/json',
    });
    if (s.status !== 'done') {
      out.replaceChildren(el('p', {}, `Still ${s.status}; screening id ${s.id}.`));
      return;
    }
    out.replaceChildren(
      el(
        'p',
        {},
        el('span', { class: `decision ${s.decision}` }, s.decision === 'hit' ? 'HIT' : 'NO HIT'),
        ` against ${s.listVersion} (threshold ${s.threshold}) · screening ${s.id}`,
      ),
      ...s.matches.map(renderMatch),
      ...(s.suppressedMatches || []).map((m) =>
        el(
          'p',
          { class: 'hint' },
          `Suppressed (cleared before for this customer): ${m.name} (${m.entityId}), score ${m.score}`,
        ),
      ),
      el('p', {}, el('button', { type: 'button', class: 'report' }, 'Download report (PDF)')),
    );
    out
      .querySelector('button.report')
      .addEventListener('click', () =>
        window.downloadReport(`/v1/screenings/${s.id}/report`, `screening-${s.id}.pdf`, 'screen-message'),
      );
  } catch (error) {
    showError(out, error);
  }
}

/** The bar: 100% only for a batch that is done; a failed or cancelled one shows how far it got, never full. */
function setBar(percent) {
  $('batch-bar').value = percent;
  $('batch-percent').textContent = `${percent}%`;
}

function renderProgress(b) {
  setBar(b.status === 'done' ? 100 : Math.min(b.percent, 99.9));
  const rate = b.rowsPerSecond ? `, ${b.rowsPerSecond.toLocaleString()} rows/s` : '';
  const screened =
    b.status === 'receiving'
      ? `receiving the file: ${b.processed.toLocaleString()} rows screened so far`
      : `${b.status}: ${b.processed.toLocaleString()} of ${(b.total - b.invalidRows).toLocaleString()} rows screened`;
  $('batch-status').textContent =
    `${screened}, ${b.hits.toLocaleString()} hits, ${b.invalidRows.toLocaleString()} invalid rows${rate}${b.error ? ` — ${b.error}` : ''}`;
  $('batch-actions').hidden = false;
  $('cancel-batch').hidden = !['receiving', 'queued', 'running'].includes(b.status);
  if (b.status === 'done' && window.showBatchFindings) window.showBatchFindings(b.id);
}

/** Follows GET /v1/batches/:id/events; EventSource cannot send an Authorization header, so the stream is read with fetch. */
async function follow(id) {
  const res = await fetch(`/v1/batches/${id}/events`, { headers: { authorization: `Bearer ${apiKey()}` } });
  if (!res.ok || !res.body) throw new Error(`progress stream refused: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      if (data) renderProgress(JSON.parse(data));
    }
  }
}

async function showBatches() {
  try {
    const { batches } = await api('GET', '/v1/batches?limit=20');
    const rows = batches.map((b) => {
      const open = el('button', { type: 'button' }, 'Open');
      open.addEventListener('click', () => openBatch(b.id));
      const rescreen = el(
        'button',
        { type: 'button', title: 'Screen these rows again against the lists loaded now' },
        'Re-screen',
      );
      rescreen.addEventListener('click', () =>
        api('POST', `/v1/batches/${b.id}/rescreen`).then(
          (again) => Promise.all([showBatches(), openBatch(again.id)]),
          (error) => ($('batch-status').textContent = error.message),
        ),
      );
      return el(
        'tr',
        {},
        el('td', {}, b.filename || '—'),
        el('td', {}, new Date(b.createdAt).toLocaleString()),
        el('td', {}, b.status),
        el('td', {}, `${b.percent}%`),
        el('td', {}, b.total.toLocaleString()),
        el('td', {}, b.hits.toLocaleString()),
        el('td', {}, b.invalidRows.toLocaleString()),
        el('td', {}, open, ' ', b.status === 'receiving' ? null : rescreen),
      );
    });
    $('batch-list').tBodies[0].replaceChildren(...rows);
  } catch (error) {
    $('batch-list').tBodies[0].replaceChildren(el('tr', {}, el('td', { colspan: '8', class: 'error' }, error.message)));
  }
}

/** Shows a batch's progress and follows it until it ends. */
async function openBatch(id) {
  currentBatch = id;
  $('batch-progress').hidden = false;
  try {
    await follow(id);
  } catch (error) {
    $('batch-status').replaceChildren(el('span', { class: 'error' }, error.message));
  }
  await showBatches();
}

async function upload(event) {
  event.preventDefault();
  const file = event.target.file.files[0];
  if (!file) return;
  $('batch-progress').hidden = false;
  $('batch-actions').hidden = true;
  // A new file starts from nothing: neither the last file's bar nor its findings stay on screen.
  setBar(0);
  $('batch-findings').replaceChildren();
  $('batch-status').textContent = `Uploading ${file.name}…`;
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    const accepted = await api('POST', '/v1/batches', form);
    void showBatches();
    await openBatch(accepted.id);
  } catch (error) {
    $('batch-status').replaceChildren(el('span', { class: 'error' }, error.message));
  }
}

async function download(decision) {
  if (!currentBatch) return;
  const res = await fetch(`/v1/batches/${currentBatch}/results${decision ? `?decision=${decision}` : ''}`, {
    headers: { authorization: `Bearer ${apiKey()}`, accept: 'text/csv' },
  });
  if (!res.ok) return void ($('batch-status').textContent = `Download failed: ${res.status}`);
  const link = el('a', {
    href: URL.createObjectURL(await res.blob()),
    download: `batch-${currentBatch}-${decision || 'results'}.csv`,
  });
  document.body.append(link);
  link.click();
  link.remove();
}

async function useKey(event) {
  event.preventDefault();
  sessionStorage.setItem(KEY, $('api-key').value.trim());
  $('api-key').value = '';
  try {
    const lists = await api('GET', '/v1/lists');
    $('key-status').textContent = `key accepted · ${lists.lists.filter((l) => l.activeVersion).length} lists loaded`;
    await showBatches();
    if (window.reviewRefresh) window.reviewRefresh();
  } catch (error) {
    $('key-status').textContent = error.message;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('key-form').addEventListener('submit', useKey);
  $('screen-form').addEventListener('submit', screen);
  $('batch-form').addEventListener('submit', upload);
  $('download-all').addEventListener('click', () => download());
  $('download-hits').addEventListener('click', () => download('hit'));
  $('cancel-batch').addEventListener(
    'click',
    () =>
      currentBatch &&
      api('DELETE', `/v1/batches/${currentBatch}`).then(
        renderProgress,
        (e) => ($('batch-status').textContent = e.message),
      ),
  );
  if (apiKey()) {
    $('key-status').textContent = 'using the key saved in this tab';
    void showBatches();
  }
});
