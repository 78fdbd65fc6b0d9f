export { createPool, withTransaction, type Pool, type PoolClient } from './pool';
export { migrate, readMigrations, MIGRATIONS_DIR } from './migrations';
export { isDatabaseUnavailable } from './unavailable';
