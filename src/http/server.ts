/**
 * The API's HTTP server: Apollo Server on a plain node:http server, with the health probes,
 * an optional hook for more routes, and a graceful drain on shutdown. Every request is held
 * to the limits and time budget of SECURITY.md, and gets one JSON log line with its id,
 * operation, duration, database round trips and outcome. README.md in this folder gives the
 * order a request takes through the files.
 */
import type { ApiKey } from '../auth/api-keys';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import { DEFAULT_LIMITS, DEFAULT_PREPARED_QUERIES, DEFAULT_TIMEOUTS, type Limits } from '../config';
import type { Neo4jGateway } from '../db/gateway';
import { socketLimitMs } from '../deadline';
import { startApollo } from './apollo';
import { PreparedOperations } from './fast-path';
import type { ErrorFormat } from './format-error';
import type { GraphQLEndpoint } from './graphql';
import { queryLimits } from './limits';
import { jsonLog, type HttpContext, type LogSink } from './request-log';
import { handleRequest, type Router, type Routes } from './routes';

export interface ServerOptions {
  readonly schema: GraphQLSchema;
  readonly gateway: Neo4jGateway;
  readonly host: string;
  readonly port: number;
  readonly apiKeys: readonly ApiKey[];
  /** Masks internal errors and hides stack traces and "Did you mean" suggestions. */
  readonly production: boolean;
  /** Whether clients may query __schema and __type; default true. */
  readonly introspection?: boolean;
  /** Any limit left out takes its default (DEFAULT_LIMITS in src/config.ts). */
  readonly limits?: Partial<Limits>;
  /** Budget for a whole request; default DEFAULT_TIMEOUTS.requestMs. */
  readonly requestTimeoutMs?: number;
  /** Query texts answered again without Apollo's per-request pipeline (fast-path.ts); default DEFAULT_PREPARED_QUERIES, 0 for none. */
  readonly preparedQueries?: number;
  readonly log?: LogSink;
  /**
   * More routes (the explorer's pages): called for any path other than /graphql and
   * /health/*, before the 404. Resolve true when it has answered the request.
   */
  readonly routes?: Routes;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops taking requests, lets the ones in flight finish, then resolves. */
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUTS.requestMs;
  const httpServer = http.createServer();
  // node's own cap on a request that never finishes arriving; the deadline answers first.
  httpServer.requestTimeout = socketLimitMs(requestTimeoutMs);

  const shape = queryLimits<HttpContext>(limits, (cost, context) => context.log.priced(cost));
  const prepared = new PreparedOperations(options.preparedQueries ?? DEFAULT_PREPARED_QUERIES);
  const format: ErrorFormat = { production: options.production, finalErrors: shape.finalErrors };
  const apollo = await startApollo({ schema: options.schema, httpServer, format, introspection: options.introspection ?? true, limits: shape, prepared });

  let stopping: Promise<void> | undefined;
  const graphql: GraphQLEndpoint = {
    schema: options.schema,
    gateway: options.gateway,
    apiKeys: options.apiKeys,
    requestTimeoutMs,
    maxBodyBytes: limits.maxBodyBytes,
    apollo,
    limits: shape,
    prepared,
    format,
    fastPathOpen: () => stopping === undefined,
  };
  const router: Router = { gateway: options.gateway, graphql, routes: options.routes, log: options.log ?? jsonLog };
  httpServer.on('request', (req, res) => handleRequest(router, req, res));

  const port = await listen(httpServer, options.port, options.host);
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    stop: () => (stopping ??= apollo.stop()),
  };
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
