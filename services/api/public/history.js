// A customer's screening history by reference: every single screening, batch row and monitoring result, newest
// first, paged with links.next, each linking to its alert and report where it has them. Same /v1 API and tab key.
'use strict';
/* global el, api -- from app.js, loaded first: one element builder and one API call for every script of the page */

(() => {
  const $ = (id) => document.getElementById(id);
  /** The pages before the one shown (their paths), for "Previous page"; the one shown; the next one's path. */
  const state = { back: [], current: null, next: null };

  function say(text, isError = false) {
    const node = $('history-message');
    node.textContent = text;
    node.className = isError ? 'message error' : 'message';
  }

  const fmtTime = (iso) => new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
  const customerOf = (q) => [q.name, q.birthDate && `born ${q.birthDate}`, q.country].filter(Boolean).join(', ');
  const sourceOf = (s) => (s.source === 'batch' ? `batch, line ${s.line}` : s.source);

  function row(s) {
    const links = el(
      'td',
      { class: 'links' },
      s.alertId && window.openAlert
        ? el('button', { type: 'button', class: 'link', onclick: () => window.openAlert(s.alertId) }, 'open alert')
        : null,
      s.alertId && s.links.report ? ' · ' : null,
      s.links.report
        ? el(
            'button',
            {
              type: 'button',
              class: 'link',
              onclick: () => window.downloadReport(s.links.report, `report-${s.id}.pdf`, 'history-message'),
            },
            'report',
          )
        : null,
      !s.alertId && !s.links.report ? '—' : null,
    );
    return el(
      'tr',
      { 'data-id': s.id },
      el('td', {}, fmtTime(s.screenedAt)),
      el('td', {}, sourceOf(s)),
      el('td', {}, customerOf(s.query)),
      el('td', {}, el('span', { class: `decision ${s.decision}` }, s.decision === 'hit' ? 'HIT' : 'NO HIT')),
      el('td', {}, s.topScore === null ? '—' : s.topScore.toFixed(3)),
      el('td', {}, s.matchCount),
      el('td', {}, s.listVersion || '—'),
      links,
    );
  }

  async function showPage(path) {
    try {
      const page = await api('GET', path);
      state.current = path;
      state.next = page.links.next;
      const rows = page.screenings.map(row);
      const body = $('history-list').querySelector('tbody');
      body.replaceChildren(...rows);
      if (rows.length === 0)
        body.append(el('tr', {}, el('td', { colspan: '8' }, 'No screening of this customer yet.')));
      $('history-next').disabled = !state.next;
      $('history-prev').disabled = state.back.length === 0;
      say(`${rows.length} screening(s) shown, newest first${state.next ? '; more on the next page' : ''}.`);
    } catch (error) {
      // What the officer typed stays in the form; only the message changes.
      say(error.message, true);
    }
  }

  /** Opens the history of `reference` (or of what the form holds), from its newest screening. */
  window.showHistory = (reference) => {
    const form = $('history-form');
    if (reference !== undefined) form.elements.reference.value = reference;
    const value = form.elements.reference.value.trim();
    if (!value) return say('Type a customer reference to see its screenings.', true);
    const params = new URLSearchParams({ reference: value, limit: form.elements.limit.value || '20' });
    state.back = [];
    void showPage(`/v1/screenings?${params}`);
    if (reference !== undefined) $('history-section').scrollIntoView({ block: 'start' });
  };

  document.addEventListener('DOMContentLoaded', () => {
    $('history-form').addEventListener('submit', (e) => {
      e.preventDefault();
      window.showHistory();
    });
    $('history-next').addEventListener('click', () => {
      if (!state.next) return;
      state.back.push(state.current);
      void showPage(state.next);
    });
    $('history-prev').addEventListener('click', () => {
      const previous = state.back.pop();
      if (previous) void showPage(previous);
    });
  });
})();
