import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { EvidenceReport, ReportMatch } from './report-model';

/**
 * DejaVu Sans covers Latin, Cyrillic, Greek, Arabic and Hebrew: names on the lists and in customer
 * files print as written, where PDF's built-in Helvetica would garble anything outside Latin-1.
 * Read once per process; pdfkit embeds only the glyphs a report uses.
 */
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const MARGIN = 50;
const FOOTER_HEIGHT = 30;
const BODY_SIZE = 9.5;
const MUTED = '#555555';

type Doc = PDFKit.PDFDocument;

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.8).font('bold').fontSize(12).fillColor('black').text(text).moveDown(0.3);
  doc.font('regular').fontSize(BODY_SIZE);
}

/** "Label: value" on one line, the label bold; skipped when there is no value. */
function field(doc: Doc, label: string, value: string | number | null | undefined): void {
  if (value === null || value === undefined || value === '') return;
  doc
    .font('bold')
    .fontSize(BODY_SIZE)
    .fillColor('black')
    .text(`${label}: `, { continued: true })
    .font('regular')
    .text(String(value));
}

function muted(doc: Doc, text: string, indent = 0): void {
  doc.font('regular').fontSize(BODY_SIZE).fillColor(MUTED).text(text, { indent }).fillColor('black');
}

/** "2026-12-03 06:36:49 UTC": unambiguous for an auditor in any time zone. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function drawMatch(doc: Doc, match: ReportMatch, index: number, report: EvidenceReport): void {
  if (doc.y > doc.page.height - MARGIN - FOOTER_HEIGHT - 80) doc.addPage();
  doc
    .moveDown(0.5)
    .font('bold')
    .fontSize(10.5)
    .text(`${index + 1}. ${match.name}`);
  doc.font('regular').fontSize(BODY_SIZE);
  field(doc, 'Entity', match.entityId);
  field(doc, 'Score', match.score.toFixed(3));
  if (match.matchedName && match.matchedName !== match.name) field(doc, 'Matched name', match.matchedName);
  field(doc, 'Lists', match.lists.join(', '));
  field(doc, 'Programs', match.programs.join(', ') || 'none given');
  const decision = report.decisions.filter((d) => d.entityId === match.entityId).at(-1);
  if (decision)
    field(
      doc,
      'Decision',
      `${decision.outcome} by ${decision.by}, ${formatTime(decision.at)}${decision.note ? ` — ${decision.note}` : ''}`,
    );
  if (match.explanation.length > 0) {
    doc.font('bold').text('Why it matched:');
    for (const line of match.explanation) doc.font('regular').text(`• ${line}`, { indent: 10 });
  }
  if (match.citations.length > 0) {
    doc.font('bold').text('Citations:');
    for (const c of match.citations) {
      const details = [
        c.publisher,
        c.program && `program ${c.program}`,
        c.listedOn && `listed ${c.listedOn}`,
        c.sourceRowId && `record ${c.sourceRowId}`,
      ]
        .filter(Boolean)
        .join(', ');
      doc.font('regular').text(`• ${c.title}${details ? ` (${details})` : ''}`, { indent: 10 });
      if (c.url) doc.fillColor('#1a4f9c').text(c.url, { indent: 20, link: c.url, underline: true }).fillColor('black');
    }
  }
}

function drawBody(doc: Doc, r: EvidenceReport): void {
  const title = r.kind === 'alert' ? 'Alert evidence report' : 'Screening evidence report';
  doc.font('bold').fontSize(16).text(title);
  muted(
    doc,
    `${r.kind === 'alert' ? 'Alert' : 'Screening'} ${r.id} · workspace ${r.workspace} · generated ${formatTime(r.generatedAt)}`,
  );

  heading(doc, 'Customer');
  field(doc, 'Name', r.customer.name);
  field(doc, 'Reference', r.customer.reference ?? 'none given');
  field(doc, 'Type', r.customer.type);
  field(doc, 'Birth date', r.customer.birthDate);
  field(doc, 'Country', r.customer.country);

  heading(doc, 'Screening');
  field(doc, 'Source', r.screening.origin ? `${r.screening.source} (${r.screening.origin})` : r.screening.source);
  field(doc, 'Requested by', r.screening.requestedBy);
  field(doc, 'Requested at', formatTime(r.screening.requestedAt));
  field(doc, 'Screened at', formatTime(r.screening.screenedAt) || 'not screened yet');
  field(
    doc,
    'Result',
    r.screening.decision === 'hit' ? 'hit' : r.screening.decision === 'no_hit' ? 'no hit' : r.screening.decision,
  );
  field(doc, 'Threshold', r.screening.threshold === null ? null : r.screening.threshold.toFixed(2));
  doc.font('bold').text('Screened against:');
  if (r.screening.listVersions.length === 0) muted(doc, 'no list version recorded', 10);
  for (const v of r.screening.listVersions) {
    const published = v.publishedAt ? `, published ${formatTime(v.publishedAt)}` : '';
    doc
      .font('regular')
      .text(`• ${v.name ? `${v.name} — ` : ''}${v.source} version ${v.version}${published}`, { indent: 10 });
  }

  if (r.kind === 'alert') {
    heading(doc, 'Alert');
    field(doc, 'Status', r.status);
    field(doc, 'Outcome', r.outcome ?? 'not decided');
    field(doc, 'Assignee', r.assignee ?? 'unassigned');
  }

  heading(doc, `Matches (${r.matches.length})`);
  if (r.matches.length === 0) muted(doc, 'No listed entity scored at or above the threshold.');
  r.matches.forEach((m, i) => drawMatch(doc, m, i, r));

  if (r.suppressedMatches.length > 0) {
    heading(doc, `Suppressed matches (${r.suppressedMatches.length})`);
    muted(doc, 'Cleared earlier as false positives for this customer, for the same published record:');
    for (const s of r.suppressedMatches)
      doc
        .font('regular')
        .text(`• ${s.name} (${s.entityId}), score ${s.score.toFixed(3)}, suppression ${s.suppressionId}`, {
          indent: 10,
        });
  }

  heading(doc, 'Decisions');
  if (r.decisions.length === 0) muted(doc, 'No decision recorded.');
  for (const d of r.decisions) {
    doc.font('regular').text(`• ${formatTime(d.at)} — ${d.entityId}: ${d.outcome}, by ${d.by}`, { indent: 10 });
    if (d.note) muted(doc, `Note: ${d.note}`, 20);
  }

  heading(doc, 'Approval');
  if (!r.approval) muted(doc, 'Not approved.');
  else {
    field(doc, 'Status', r.approval.status);
    field(doc, 'Approver', r.approval.by);
    field(doc, 'At', formatTime(r.approval.at));
    field(doc, 'Note', r.approval.note);
  }

  if (r.kind === 'alert') {
    heading(doc, 'History');
    if (r.history.length === 0) muted(doc, 'No event recorded.');
    for (const e of r.history)
      doc
        .font('regular')
        .text(`• ${formatTime(e.at)} — ${e.type}${e.by ? ` by ${e.by}` : ''}${e.text ? `: ${e.text}` : ''}`, {
          indent: 10,
        });
  }
}

/** Page numbers, the workspace and the generation time on every page, written once the page count is known. */
function drawFooters(doc: Doc, r: EvidenceReport): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(MUTED);
    doc.text(
      `Workspace ${r.workspace} · generated ${formatTime(r.generatedAt)} · Page ${i + 1} of ${range.count}`,
      MARGIN,
      doc.page.height - MARGIN + 10,
      {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = bottom;
  }
}

/** The report as a PDF document (A4), made with pdfkit. */
export function renderReport(report: EvidenceReport): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    info: {
      Title: `${report.kind === 'alert' ? 'Alert' : 'Screening'} ${report.id}`,
      Author: `Workspace ${report.workspace}`,
      CreationDate: new Date(report.generatedAt),
    },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  drawBody(doc, report);
  drawFooters(doc, report);
  doc.end();
  return done;
}
