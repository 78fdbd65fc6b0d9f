import { Router, type Response } from 'express';
import { notFound } from '@sanctions/shared/errors';
import {
  alertReport,
  renderReport,
  screeningAlertEvidence,
  screeningReport,
  type EvidenceReport,
} from '@sanctions/shared/reports';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { isUuid } from '../http/validation';
import { pdfSchema } from '../openapi/common-schemas';
import { documentRoute } from '../openapi/route-docs';

async function sendPdf(res: Response, report: EvidenceReport): Promise<void> {
  const pdf = await renderReport(report);
  res
    .status(200)
    .type('application/pdf')
    .set({ 'Content-Disposition': `inline; filename="${report.kind}-${report.id}.pdf"`, 'Cache-Control': 'no-store' })
    .send(pdf);
}

/** Evidence reports as PDF: one per screening, one per alert. */
export function reportRoutes(deps: ApiDeps): Router {
  const router = Router();

  documentRoute({
    method: 'get',
    path: '/v1/screenings/:id/report',
    tag: 'Reports',
    summary: "A screening's evidence report (PDF)",
    scope: 'screenings:read',
    responses: { 200: { description: 'The report', content: { 'application/pdf': pdfSchema } } },
    errors: [404],
  });
  router.get('/v1/screenings/:id/report', requireScope('screenings:read'), async (req, res) => {
    const id = String(req.params.id);
    const report = isUuid(id)
      ? await screeningReport(deps.pool, id, req.principal!.workspaceId, screeningAlertEvidence)
      : undefined;
    if (!report) throw notFound(`Screening ${id}`);
    await sendPdf(res, report);
  });

  documentRoute({
    method: 'get',
    path: '/v1/alerts/:id/report',
    tag: 'Reports',
    summary: "An alert's evidence report (PDF): its matches, decisions and history",
    scope: 'alerts:read',
    responses: { 200: { description: 'The report', content: { 'application/pdf': pdfSchema } } },
    errors: [404],
  });
  router.get('/v1/alerts/:id/report', requireScope('alerts:read'), async (req, res) => {
    const id = String(req.params.id);
    const report = isUuid(id) ? await alertReport(deps.pool, id, req.principal!.workspaceId) : undefined;
    if (!report) throw notFound(`Alert ${id}`);
    await sendPdf(res, report);
  });

  return router;
}
