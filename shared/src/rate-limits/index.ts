/** Per-key request limits shared by every API process through Redis (rate-limiter-flexible). */
export { KeyRateLimiter, type RateLimitDecision } from './key-rate-limiter';
export { leaseSize, RateLimitLeases } from './rate-limit-leases';
