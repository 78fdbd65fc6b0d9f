export { SCOPES, hasScope, isScope, type ApiPrincipal, type Scope } from './scopes';
export {
  DEFAULT_WORKSPACE,
  OPERATOR,
  authenticate,
  createApiKey,
  ensureBootstrapKey,
  generateApiKey,
  hashApiKey,
  issueApiKey,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
  type ApiKeyView,
  type KeyManager,
  type NewApiKey,
} from './api-keys';
export { apiKeyRequestSchema, workspaceNameSchema, type ApiKeyRequest } from './api-key-request';
export { VerifiedKeyCache, type VerifiedKeyCacheOptions } from './verified-key-cache';
export { listenForKeyChanges, redisKeyChangeAnnouncer, type KeyChange, type KeyChangeAnnouncer } from './key-changes';
