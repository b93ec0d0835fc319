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
import type { WarmUp } from './warm-up';

/** More routes: resolves true when it has answered the request. */
export type Routes = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface Router {
  readonly gateway: Neo4jGateway;
  readonly graphql: GraphQLEndpoint;
  readonly routes: Routes | undefined;
  readonly log: LogSink;
  /** False once the process cannot serve again by itself: /health/live fails, for an outside supervisor to restart it. */
  readonly alive: () => boolean;
  /** The warm-up /health/ready waits for; null when ready needs only Neo4j. */
  readonly warmUp: WarmUp | null;
}

/** /health/ready answers within this, even when Neo4j does not answer at all. */
const READY_TIMEOUT_MS = 2_000;

/**
 * The target of nearly every request, parsed once: parsing it again per request was a visible
 * share of a lookup's CPU in the server (docs/bench-findings.md, "a statement by id reads its
 * article's publisher only when asked"). Shared by those requests, so no route may change a URL.
 */
const API_URL = new URL('/graphql', 'http://localhost');

/** The request's path and query; a target that is no URL at all (e.g. `http://[`) becomes one that is not found. */
function requestUrl(target: string | undefined): URL {
  if (target === '/graphql') return API_URL;
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
  // Nearly every request is for the API: it goes there without the extra promise of route's.
  const answered = url === API_URL ? answerGraphQL(router.graphql, req, res, url, log) : route(router, req, res, url, log);
  void answered.catch((error: unknown) => {
    log.unhandled(error);
    if (!res.headersSent) refuse(res, log, 500, ErrorCode.INTERNAL_SERVER_ERROR, `Internal server error; the log has the details under request id ${log.requestId}.`);
    else res.end();
  });
}

async function route(router: Router, req: IncomingMessage, res: ServerResponse, url: URL, log: RequestLog): Promise<void> {
  if (url.pathname === '/health/live') return live(router, res);
  if (url.pathname === '/health/ready') return ready(router, res);
  if (url.pathname === '/graphql') return answerGraphQL(router.graphql, req, res, url, log);
  if (router.routes && (await router.routes(req, res, url))) return;
  if (url.pathname === '/') {
    res.writeHead(302, { location: '/graphql' });
    return void res.end();
  }
  refuse(res, log, 404, 'NOT_FOUND', `There is nothing at ${url.pathname}; the API is at /graphql.`);
}

function live(router: Router, res: ServerResponse): void {
  if (router.alive()) sendJson(res, 200, { status: 'ok' });
  else sendJson(res, 503, { status: 'failed', neo4j: 'could not be restarted' });
}

/** 200 when Neo4j answers and, with a warm-up, the main queries have run once on the Neo4j serving now. */
async function ready(router: Router, res: ServerResponse): Promise<void> {
  try {
    await withTimeout(router.gateway.verify(), READY_TIMEOUT_MS);
  } catch {
    return sendJson(res, 503, { status: 'unavailable', neo4j: 'down' });
  }
  if (router.warmUp !== null && !router.warmUp.isWarm()) return sendJson(res, 503, { status: 'warming', neo4j: 'up' });
  sendJson(res, 200, { status: 'ok', neo4j: 'up' });
}
