import type { RequestHandler } from 'express';

/**
 * Express 5 parses the query string again on every read of `req.query` (a getter), and a screening reads it four
 * times (the NUL check twice, the route's schema, the check of routes that take none). Read once here, it is kept on
 * the request as a plain property: the same object for every later read, as in Express 4.
 */
export const queryParsedOnce: RequestHandler = (req, _res, next) => {
  const query: unknown = req.query;
  Object.defineProperty(req, 'query', { value: query, writable: true, enumerable: true, configurable: true });
  next();
};
