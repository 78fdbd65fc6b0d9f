import { Router } from 'express';
import { z } from 'zod';
import { compare, DEFAULT_MATCH_THRESHOLD } from '@sanctions/shared/matching';
import { screeningQuerySchema } from '@sanctions/shared/screening';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { parseBody } from '../http/validation';
import { documentRoute } from '../openapi/route-docs';
import { compareResultSchema } from '../openapi/schemas/screenings';

const compareRequestSchema = z.strictObject({ a: screeningQuerySchema, b: screeningQuerySchema });

/** Officers use it to understand a decision; we use it to tune. Same scoring and threshold as screening. */
export function compareRoutes(deps: ApiDeps): Router {
  const router = Router();
  documentRoute({
    method: 'post',
    path: '/v1/compare',
    tag: 'Screenings',
    summary: 'Score one name against another and explain the score',
    scope: 'screenings:read',
    body: { schema: compareRequestSchema },
    responses: {
      200: { description: 'The score, whether it is a match at the threshold, and why', schema: compareResultSchema },
    },
    errors: [400, 413, 415],
  });
  router.post('/v1/compare', requireScope('screenings:read'), (req, res) => {
    const { a, b } = parseBody(req, compareRequestSchema);
    const threshold = deps.config.matching.threshold ?? DEFAULT_MATCH_THRESHOLD;
    const result = compare(a, b, threshold);
    res.json({
      score: Math.round(result.score * 1000) / 1000,
      match: result.match,
      threshold,
      explanation: result.explanation,
    });
  });
  return router;
}
