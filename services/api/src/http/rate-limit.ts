import type { RequestHandler } from 'express';
import { AppError } from '@sanctions/shared/errors';
import { KeyRateLimiter } from '@sanctions/shared/rate-limits';
import type { ApiDeps } from '../api-deps';

/**
 * After authentication on /v1: counts the request against its key's limit (the key's rateLimitPerMinute, else
 * RATE_LIMIT_PER_MINUTE) and says where the key stands in RateLimit-Limit, -Remaining and -Reset (seconds) on every
 * answer; over the limit, 429 with Retry-After. A batch upload is one request, whatever its rows.
 */
export function rateLimitRequests(deps: Pick<ApiDeps, 'redis' | 'config'>): RequestHandler {
  const limiter = new KeyRateLimiter(deps.redis, deps.config.queuePrefix);
  return async (req, res, next) => {
    const principal = req.principal!;
    const limit = principal.rateLimitPerMinute ?? deps.config.rateLimit.perMinute;
    const decision = await limiter.consume(principal.keyId, limit);
    res.set({
      'RateLimit-Limit': String(decision.limit),
      'RateLimit-Remaining': String(decision.remaining),
      'RateLimit-Reset': String(decision.resetSeconds),
    });
    if (!decision.allowed) {
      res.set('Retry-After', String(decision.resetSeconds));
      throw new AppError(
        'rate_limited',
        `This API key may make ${decision.limit} requests a minute; retry in ${decision.resetSeconds} s`,
      );
    }
    next();
  };
}
