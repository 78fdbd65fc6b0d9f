export { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
export {
  startLocalRedis,
  findRedisServer,
  freePort,
  isListening,
  RedisUnavailableError,
  REDIS_INSTALL_HINT,
  type LocalRedis,
} from './local-redis';
export {
  findRunningService,
  publishServiceInfo,
  serviceFilePath,
  withdrawServiceInfo,
  type ServiceInfo,
} from './service-file';
