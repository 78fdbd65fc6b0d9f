// The officer's workbench: the alert queue, one alert with the customer beside each listed entity, decisions,
// approval, history, suppressions and evidence reports. Same /v1 API and same tab-only key as app.js.
'use strict';
/* global el, api -- from app.js, loaded first: one element builder and one API call for every script of the page */

(() => {
  const $ = (id) => document.getElementById(id);
  const KEY = 'sanctions-api-key';
  const STATUSES = ['open', 'in_review', 'pending_approval', 'closed'];
  const state = { cursor: null, cursors: [], alertId: null, me: null };

  /** app.js's api, with the body sent as JSON. */
  const send = (method, path, body) =>
    body === undefined
      ? api(method, path)
      : api(method, path, JSON.stringify(body), { 'content-type': 'application/json' });

  /** One message line per area: a success replaces the last error, so nothing stale stays on screen. */
  function say(id, text, isError = false) {
    const node = $(id);
    node.textContent = text;
    node.className = isError ? 'message error' : 'message';
  }

  /** The PDF is fetched with the key (a plain link could not send it) and handed to the browser as a download. */
  async function downloadPdf(path, filename, messageId) {
    try {
      const res = await fetch(path, { headers: { authorization: `Bearer ${sessionStorage.getItem(KEY) || ''}` } });
      if (!res.ok) throw new Error(`The report could not be made (${res.status})`);
      const url = URL.createObjectURL(await res.blob());
      const a = el('a', { href: url, download: filename });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      say(messageId, `Report ${filename} downloaded.`);
    } catch (error) {
      say(messageId, error.message, true);
    }
  }
  window.downloadReport = downloadPdf;
  window.openAlert = (id) => openAlert(id);

  const fmtTime = (iso) => (iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '');
  const customerOf = (a) =>
    [a.query.name, a.query.birthDate && `born ${a.query.birthDate}`, a.query.country].filter(Boolean).join(', ');

  function queueQuery(cursor) {
    const form = new FormData($('alert-filters'));
    const params = new URLSearchParams();
    for (const [k, v] of form) if (String(v).trim() !== '') params.set(k, String(v).trim());
    params.set('limit', '20');
    if (cursor) params.set('cursor', cursor);
    return params;
  }

  async function showCounts() {
    // Exact counts per status, counted by the API (not the length of a capped listing).
    const { counts } = await send('GET', '/v1/alerts/counts');
    $('alert-counts').textContent = STATUSES.map(
      (s) => `${s.replace('_', ' ')}: ${counts[s].toLocaleString('en')}`,
    ).join(' · ');
  }

  async function showQueue(cursor = null) {
    try {
      const page = await send('GET', `/v1/alerts?${queueQuery(cursor)}`);
      state.cursor = page.links.next ? new URLSearchParams(page.links.next.split('?')[1]).get('cursor') : null;
      const rows = page.alerts.map((a) =>
        el(
          'tr',
          {},
          el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => openAlert(a.id) }, customerOf(a))),
          el('td', {}, a.reference || '—'),
          el('td', {}, a.matches.map((m) => m.name).join('; ')),
          el('td', {}, Math.max(...a.matches.map((m) => m.score)).toFixed(3)),
          el('td', {}, a.source),
          el('td', {}, a.status.replace('_', ' ')),
          el('td', {}, fmtTime(a.createdAt)),
        ),
      );
      $('alert-queue')
        .querySelector('tbody')
        .replaceChildren(...rows);
      if (rows.length === 0)
        $('alert-queue')
          .querySelector('tbody')
          .append(el('tr', {}, el('td', { colspan: '7' }, 'No alert matches these filters.')));
      $('alert-next').disabled = !state.cursor;
      $('alert-prev').disabled = state.cursors.length === 0;
      say('queue-message', `${page.alerts.length} alert(s) shown.`);
      await showCounts();
    } catch (error) {
      say('queue-message', error.message, true);
    }
  }

  function list(label, values) {
    const items = (values || []).filter((v) => v !== undefined && v !== null && v !== '');
    return el(
      'div',
      { class: 'fact' },
      el('span', { class: 'label' }, `${label}: `),
      items.length ? items.join('; ') : '—',
    );
  }

  /** The listed record as the list publishes it now, beside the customer. */
  function entityDetails(entity) {
    if (!entity) return el('p', { class: 'hint' }, 'The listed record could not be read.');
    return el(
      'div',
      { class: 'entity' },
      list(
        'Names and aliases',
        entity.names.map((n) => (n.kind === 'primary' ? n.value : `${n.value} (${n.kind.replace('_', ' ')})`)),
      ),
      list('Dates of birth', entity.birthDates),
      list('Nationalities', entity.nationalities),
      list('Countries', entity.countries),
      list(
        'Addresses',
        (entity.addresses || []).map((a) => a.full),
      ),
      list(
        'Identifiers',
        (entity.identifiers || []).map((i) => `${i.type} ${i.value}${i.country ? ` (${i.country})` : ''}`),
      ),
      list('Programs', entity.programs),
      entity.remarks ? list('Remarks', [entity.remarks]) : null,
    );
  }

  function decisionForm(alert, match) {
    const id = `decide-${match.entityId.replace(/[^a-z0-9]/gi, '-')}`;
    const form = el(
      'form',
      { class: 'decide', 'data-entity': match.entityId },
      el('label', { for: `${id}-d` }, 'Decision'),
      el(
        'select',
        { id: `${id}-d`, name: 'disposition' },
        ...['false_positive', 'true_match', 'needs_info', 'escalated'].map((d) =>
          el('option', { value: d }, d.replace('_', ' ')),
        ),
      ),
      el('label', { for: `${id}-n` }, 'Note'),
      el('input', {
        id: `${id}-n`,
        name: 'note',
        required: '',
        maxlength: '4000',
        placeholder: 'why: what you checked',
      }),
      el('button', { type: 'submit' }, 'Record decision'),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      try {
        await send('POST', `/v1/alerts/${alert.id}/decisions`, {
          entityId: match.entityId,
          disposition: data.get('disposition'),
          note: String(data.get('note')).trim(),
        });
        say('alert-message', `Decision recorded on ${match.name}.`);
        await openAlert(alert.id, true);
      } catch (error) {
        // The note stays in its field: the officer fixes and sends again.
        say('alert-message', error.message, true);
      }
    });
    if (match.disposition) form.querySelector('select').value = match.disposition;
    return form;
  }

  function citations(match) {
    return el(
      'ul',
      {},
      ...(match.citations || []).map((c) => {
        const label = [c.title, c.program, c.listedOn && `listed ${c.listedOn}`].filter(Boolean).join(' · ');
        return el(
          'li',
          {},
          c.url ? el('a', { href: c.url, target: '_blank', rel: 'noopener noreferrer' }, label || c.url) : label,
        );
      }),
    );
  }

  async function action(path, body, done) {
    try {
      await send('POST', path, body);
      say('alert-message', done);
      await openAlert(state.alertId, true);
      await showQueue();
      await showSuppressions();
    } catch (error) {
      say('alert-message', error.message, true);
    }
  }

  async function openAlert(id, keepMessage = false) {
    state.alertId = id;
    const view = $('alert-view');
    view.hidden = false;
    try {
      const [alert, history] = await Promise.all([
        send('GET', `/v1/alerts/${id}`),
        send('GET', `/v1/alerts/${id}/history`),
      ]);
      const entities = await Promise.all(
        alert.matches.map((m) => send('GET', `/v1/entities/${encodeURIComponent(m.entityId)}`).catch(() => null)),
      );
      const customer = el(
        'div',
        { class: 'customer' },
        el('h4', {}, 'Customer'),
        list('Name', [alert.query.name]),
        list('Reference', [alert.reference]),
        list('Type', [alert.query.type]),
        list('Date of birth', [alert.query.birthDate]),
        list('Country', [alert.query.country]),
        list('Source', [alert.source, alert.batchId && `batch ${alert.batchId} line ${alert.line}`]),
        alert.reference
          ? el(
              'button',
              { type: 'button', onclick: () => showSuppressions(alert.reference) },
              'This customer’s suppressions',
            )
          : null,
        alert.reference && window.showHistory
          ? el(
              'button',
              { type: 'button', id: 'alert-customer-history', onclick: () => window.showHistory(alert.reference) },
              'This customer’s screening history',
            )
          : null,
      );
      const matches = alert.matches.map((m, i) =>
        el(
          'article',
          { class: 'alert-match' },
          el('h4', {}, `${m.name} — score ${m.score.toFixed(3)}`),
          el(
            'p',
            { class: 'hint' },
            `${m.entityId} · matched “${m.matchedName}” · lists ${m.lists.join(', ')} · programs ${m.programs.join(', ') || '—'}`,
          ),
          el('div', { class: 'fact' }, el('span', { class: 'label' }, 'Why it matched: '), m.explanation.join(' ')),
          entityDetails(entities[i]),
          el('div', { class: 'fact' }, el('span', { class: 'label' }, 'Citations:')),
          citations(m),
          el(
            'p',
            { class: 'decided' },
            m.disposition ? `Decided: ${m.disposition.replace('_', ' ')} — ${m.note || ''}` : 'Not decided yet',
          ),
          alert.status === 'open' || alert.status === 'in_review' ? decisionForm(alert, m) : null,
        ),
      );
      const buttons = el(
        'p',
        { class: 'actions' },
        alert.status !== 'closed'
          ? el(
              'button',
              {
                type: 'button',
                id: 'assign-me',
                onclick: () => action(`/v1/alerts/${id}/assign`, { assignee: 'me' }, 'Assigned to you.'),
              },
              'Assign to me',
            )
          : null,
        alert.status === 'pending_approval'
          ? el('input', { id: 'approval-note', placeholder: 'approval or rejection note', maxlength: '4000' })
          : null,
        alert.status === 'pending_approval'
          ? el(
              'button',
              {
                type: 'button',
                id: 'approve',
                onclick: () =>
                  action(
                    `/v1/alerts/${id}/approve`,
                    $('approval-note').value.trim() ? { note: $('approval-note').value.trim() } : {},
                    'Approved: the alert is closed.',
                  ),
              },
              'Approve',
            )
          : null,
        alert.status === 'pending_approval'
          ? el(
              'button',
              {
                type: 'button',
                id: 'reject',
                onclick: () =>
                  action(`/v1/alerts/${id}/reject`, { note: $('approval-note').value.trim() }, 'Sent back to review.'),
              },
              'Reject',
            )
          : null,
        el(
          'button',
          {
            type: 'button',
            id: 'alert-report',
            onclick: () => downloadPdf(`/v1/alerts/${id}/report`, `alert-${id}.pdf`, 'alert-message'),
          },
          'Download report (PDF)',
        ),
      );
      const events = el(
        'ol',
        { class: 'history' },
        ...history.events.map((e) =>
          el(
            'li',
            {},
            `${fmtTime(e.at)} — ${e.action.replace('_', ' ')} by ${e.actor.name}${e.details.note ? `: ${e.details.note}` : ''}${e.details.outcome ? ` (${e.details.outcome})` : ''}`,
          ),
        ),
      );
      $('alert-body').replaceChildren(
        el(
          'p',
          {},
          el('span', { id: 'alert-status', class: `status ${alert.status}` }, alert.status.replace('_', ' ')),
          alert.outcome ? ` · outcome ${alert.outcome.replace('_', ' ')}` : '',
          ` · alert ${alert.id}`,
        ),
        buttons,
        el('div', { class: 'side-by-side' }, customer, el('div', { class: 'matches' }, ...matches)),
        el('h4', {}, 'History'),
        events,
      );
      if (!keepMessage) say('alert-message', '');
      view.scrollIntoView({ block: 'start' });
    } catch (error) {
      say('alert-message', error.message, true);
    }
  }

  async function showSuppressions(reference) {
    if (reference !== undefined) $('suppression-filters').elements.reference.value = reference;
    const params = new URLSearchParams();
    for (const [k, v] of new FormData($('suppression-filters')))
      if (String(v).trim() !== '') params.set(k, String(v).trim());
    try {
      const page = await send('GET', `/v1/suppressions?${params}`);
      const rows = page.suppressions.map((s) =>
        el(
          'tr',
          {},
          el('td', {}, s.reference || s.subject || '—'),
          el('td', {}, `${s.entityName || ''} (${s.entityId})`),
          el('td', {}, s.note || '—'),
          el('td', {}, [s.createdBy, s.approvedBy && `approved by ${s.approvedBy}`].filter(Boolean).join(', ')),
          el(
            'td',
            {},
            s.endedAt
              ? `ended ${fmtTime(s.endedAt)}`
              : s.lapsedAt
                ? `lapsed ${fmtTime(s.lapsedAt)} (record changed)`
                : 'applies',
          ),
          el(
            'td',
            {},
            s.alertId
              ? el('button', { type: 'button', class: 'link', onclick: () => openAlert(s.alertId) }, 'alert')
              : 'imported',
          ),
        ),
      );
      $('suppression-list')
        .querySelector('tbody')
        .replaceChildren(...rows);
      say('suppression-message', `${rows.length} suppression(s).`);
    } catch (error) {
      say('suppression-message', error.message, true);
    }
  }

  /** A finished batch's hits (each linking to its alert) and its invalid rows with their reasons, on the page. */
  let findingsOf = null;
  window.showBatchFindings = async (batchId) => {
    if (findingsOf === batchId) return;
    findingsOf = batchId;
    const out = $('batch-findings');
    try {
      const [hits, errors, alerts] = await Promise.all([
        send('GET', `/v1/batches/${batchId}/results?decision=hit&limit=100`),
        send('GET', `/v1/batches/${batchId}/errors?limit=100`),
        send('GET', `/v1/alerts?batchId=${batchId}&limit=500`).catch(() => ({ alerts: [] })),
      ]);
      const alertOfLine = new Map(alerts.alerts.map((a) => [a.line, a.id]));
      const hitRows = hits.results.map((r) =>
        el(
          'tr',
          {},
          el('td', {}, r.line),
          el('td', {}, r.reference || '—'),
          el('td', {}, r.name),
          el('td', {}, `${r.entityName || ''} (${r.score})`),
          el(
            'td',
            {},
            alertOfLine.has(r.line)
              ? el(
                  'button',
                  { type: 'button', class: 'link', onclick: () => openAlert(alertOfLine.get(r.line)) },
                  'open alert',
                )
              : 'alert made earlier for the same result',
          ),
        ),
      );
      const errorRows = errors.errors.map((e) =>
        el('li', {}, `line ${e.line}${e.field ? ` (${e.field})` : ''}: ${e.reason}`),
      );
      out.replaceChildren(
        el('h3', {}, `Hits (${hits.results.length}${hits.links && hits.links.next ? '+' : ''})`),
        hitRows.length
          ? el(
              'table',
              { id: 'batch-hits' },
              el(
                'thead',
                {},
                el('tr', {}, ...['Line', 'Reference', 'Name', 'Matched (score)', 'Alert'].map((h) => el('th', {}, h))),
              ),
              el('tbody', {}, ...hitRows),
            )
          : el('p', { class: 'hint' }, 'No hit in this file.'),
        el('h3', {}, `Invalid rows (${errors.errors.length}${errors.links && errors.links.next ? '+' : ''})`),
        errorRows.length
          ? el('ul', { id: 'batch-invalid' }, ...errorRows)
          : el('p', { class: 'hint' }, 'Every row was valid.'),
      );
    } catch (error) {
      findingsOf = null;
      out.replaceChildren(el('p', { class: 'error' }, error.message));
    }
  };

  window.reviewRefresh = () => {
    void showQueue();
    void showSuppressions();
  };

  document.addEventListener('DOMContentLoaded', () => {
    $('alert-filters').addEventListener('submit', (e) => {
      e.preventDefault();
      state.cursors = [];
      void showQueue();
    });
    $('alert-next').addEventListener('click', () => {
      state.cursors.push(state.current || null);
      state.current = state.cursor;
      void showQueue(state.cursor);
    });
    $('alert-prev').addEventListener('click', () => {
      state.current = state.cursors.pop() || null;
      void showQueue(state.current);
    });
    $('suppression-filters').addEventListener('submit', (e) => {
      e.preventDefault();
      void showSuppressions();
    });
    if (sessionStorage.getItem(KEY)) window.reviewRefresh();
  });
})();
