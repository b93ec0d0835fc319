/**
 * Where a request goes by its path: the health probes, /graphql, the server's further routes
 * (the explorer's pages), a redirect from / to /graphql, and a 404 for anything else. Every
 * request but a probe gets its log line; an error that escapes a route still gets an answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Neo4jGateway } from '../db/gateway';
import { withTimeout } from '../deadline';
import { ErrorCode } from '../errors';
import { answerGraphQL, type GraphQLEndpoint } from './graphql';
import { refuse, sendJson } from './reply';
import { RequestLog, type LogSink } from './request-log';

/** More routes: resolves true when it has answered the request. */
export type Routes = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface Router {
  readonly gateway: Neo4jGateway;
  readonly graphql: GraphQLEndpoint;
  readonly routes: Routes | undefined;
  readonly log: LogSink;
}

/** /health/ready answers within this, even when Neo4j does not answer at all. */
const READY_TIMEOUT_MS = 2_000;

/** The request's path and query; a target that is no URL at all (e.g. `http://[`) becomes one that is not found. */
function requestUrl(target: string | undefined): URL {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return new URL('http://localhost/.invalid-request-target');
  }
}

/** The 'request' listener of the HTTP server. */
export function handleRequest(router: Router, req: IncomingMessage, res: ServerResponse): void {
  const url = requestUrl(req.url);
  const log = new RequestLog(router.log, req.headers['x-request-id']);
  res.setHeader('x-request-id', log.requestId);
  if (!url.pathname.startsWith('/health/')) log.writeWhenDone(req, res, url.pathname);
  void route(router, req, res, url, log).catch((error: unknown) => {
    log.unhandled(error);
    if (!res.headersSent) refuse(res, log, 500, ErrorCode.INTERNAL_SERVER_ERROR, `Internal server error; the log has the details under request id ${log.requestId}.`);
    else res.end();
  });
}

async function route(router: Router, req: IncomingMessage, res: ServerResponse, url: URL, log: RequestLog): Promise<void> {
  if (url.pathname === '/health/live') return sendJson(res, 200, { status: 'ok' });
  if (url.pathname === '/health/ready') return ready(router.gateway, res);
  if (url.pathname === '/graphql') return answerGraphQL(router.graphql, req, res, url, log);
  if (router.routes && (await router.routes(req, res, url))) return;
  if (url.pathname === '/') {
    res.writeHead(302, { location: '/graphql' });
    return void res.end();
  }
  refuse(res, log, 404, 'NOT_FOUND', `There is nothing at ${url.pathname}; the API is at /graphql.`);
}

async function ready(gateway: Neo4jGateway, res: ServerResponse): Promise<void> {
  try {
    await withTimeout(gateway.verify(), READY_TIMEOUT_MS);
    sendJson(res, 200, { status: 'ok', neo4j: 'up' });
  } catch {
    sendJson(res, 503, { status: 'unavailable', neo4j: 'down' });
  }
}
