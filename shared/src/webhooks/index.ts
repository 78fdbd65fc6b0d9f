export { recordEvent, EVENT_TYPES, type EventFact, type EventType } from './record-event';
export { alertEventsFrom, screeningEventsFrom } from './event-sql';
export {
  createWebhookSchema,
  updateWebhookSchema,
  rotateSecretSchema,
  webhookFiltersSchema,
  deliveryJobSchema,
  deliveryJob,
  type CreateWebhookInput,
  type UpdateWebhookInput,
  type WebhookFilters,
  type DeliveryJob,
} from './webhook-request';
export {
  createSubscription,
  getSubscription,
  listSubscriptions,
  updateSubscription,
  deleteSubscription,
  rotateSecret,
  sendTestEvent,
  listDeliveries,
  getDelivery,
  redeliver,
  type WebhookOwner,
  type WebhookSettings,
  type WebhookSubscriptionView,
  type WebhookDeliveryView,
  type WebhookAttemptView,
} from './subscription-service';
export {
  performDelivery,
  USER_AGENT,
  type DeliveryDeps,
  type DeliveryOutcome,
  type DeliverySettings,
} from './delivery';
export { dispatchEvents, requeueOverdueDeliveries } from './dispatcher';
export { pruneWebhookHistory } from './retention';
export {
  computeSignature,
  signatureHeader,
  verifySignature,
  generateWebhookSecret,
  SIGNATURE_TOLERANCE_SECONDS,
} from './signature';
export {
  AllowList,
  blockedReason,
  embeddedIpv4,
  vetTarget,
  TargetRefusedError,
  type Resolver,
  type VettedTarget,
} from './ssrf';
export { backoffDelay, nextRetryDelay, parseRetryAfter } from './backoff';
export { postWebhook, RESPONSE_EXCERPT_BYTES, type PostResult } from './http-post';
