export { createPool, withTransaction, SHARED_SESSION_PARAMETER, type Pool, type PoolClient } from './pool';
export { migrate, readMigrations, MIGRATIONS_DIR } from './migrations';
export { isDatabaseUnavailable } from './unavailable';
export { rowsOfArrays } from './array-rows-sql';
