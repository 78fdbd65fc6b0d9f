import type { Response } from 'express';

/**
 * Answers with JSON that is already text (a worker's announced answer), as `res.type('application/json').send(text)`
 * would for a POST: the same status, Location, Content-Type with its charset and Content-Length, without Express's
 * per-call header rules (charset and type look-ups, ETag and freshness, which never apply to these answers).
 * `location` is sent as given: our own paths, built from UUIDs, have nothing to encode.
 */
export function sendJsonText(res: Response, status: number, location: string, text: string): void {
  res.statusCode = status;
  res.setHeader('Location', location);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
