/** Answers the server writes itself, without Apollo: JSON, and GraphQL-shaped refusals. */
import type { ServerResponse } from 'node:http';
import type { RequestLog } from './request-log';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A GraphQL-shaped error response for a request refused before GraphQL saw it. */
export function refuse(res: ServerResponse, log: RequestLog, status: number, code: string, message: string): void {
  log.refused(code);
  const headers: Record<string, string> = {};
  // The rest of a refused body is not read: the connection closes after the answer.
  if (status === 413 || status >= 500) headers.connection = 'close';
  sendJson(res, status, { errors: [{ message, extensions: { code, requestId: log.requestId } }] }, headers);
}
