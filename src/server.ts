/**
 * Apollo Server on a plain node:http server: /graphql, the health probes, and a graceful
 * drain on shutdown. One log line per request with its id, operation, duration, database
 * round trips and outcome.
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { createContext, type Context } from './context';
import type { Neo4jGateway } from './db/gateway';
import { ErrorCode, translateDriverError } from './errors';

export interface ServerOptions {
  readonly schema: GraphQLSchema;
  readonly gateway: Neo4jGateway;
  readonly host: string;
  readonly port: number;
  readonly apiKeys: readonly string[];
  readonly production: boolean;
  readonly maxBodyBytes?: number;
  readonly log?: (entry: Record<string, unknown>) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const jsonLog = (entry: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));

/**
 * Errors with a known code reach the client as they are; anything else is an internal
 * fault: the client gets a masked message with the request id, the log gets the detail.
 */
export function formatError(production: boolean, log: (entry: Record<string, unknown>) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = translateDriverError(unwrapResolverError(error));
    if (original instanceof GraphQLError && KNOWN_CODES.has(String(original.extensions.code))) {
      return { ...formatted, message: original.message, extensions: { ...formatted.extensions, ...original.extensions, http: undefined } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    const requestId = (formatted.extensions?.requestId as string | undefined) ?? null;
    log({ level: 'error', msg: 'internal error', requestId, error: original instanceof Error ? original.stack ?? original.message : String(original) });
    if (!production) return formatted;
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(Object.assign(new Error(`request body is larger than ${limit} bytes`), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? jsonLog;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const httpServer = http.createServer();

  const requestLog: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue, request }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, errors }) {
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = (single?.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN');
          log({
            level: 'info',
            msg: 'request',
            requestId: contextValue.requestId,
            operation: request.operationName ?? null,
            durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
            roundTrips: contextValue.trips.count,
            outcome: codes.length === 0 && !errors ? 'ok' : 'error',
            errors: codes.length > 0 ? codes : undefined,
          });
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((e) =>
              e.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR ? { ...e, extensions: { ...e.extensions, requestId: contextValue.requestId } } : e,
            );
          }
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    introspection: true,
    includeStacktraceInErrorResponses: !options.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError: formatError(options.production, log),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), requestLog],
  });
  await apollo.start();

  httpServer.on('request', (req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log({ level: 'error', msg: 'unhandled request error', error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health/live') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/health/ready') {
      try {
        await options.gateway.verify();
        return sendJson(res, 200, { status: 'ok', neo4j: 'up' });
      } catch {
        return sendJson(res, 503, { status: 'unavailable', neo4j: 'down' });
      }
    }
    if (url.pathname !== '/graphql') {
      if (url.pathname === '/') {
        res.writeHead(302, { location: '/graphql' });
        return void res.end();
      }
      return sendJson(res, 404, { error: `no such path ${url.pathname}; the API is at /graphql` });
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req, maxBodyBytes);
      } catch (error) {
        const status = (error as { status?: number }).status ?? 400;
        return sendJson(res, status, { errors: [{ message: (error as Error).message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
      }
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json')) {
        try {
          body = raw === '' ? undefined : JSON.parse(raw);
        } catch {
          return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
        }
      } else {
        body = raw;
      }
    }
    const requestId = (headers.get('x-request-id') ?? '').slice(0, 100) || randomUUID();
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () =>
        createContext(options.gateway, { authorization: headers.get('authorization'), apiKeys: options.apiKeys, requestId }),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.setHeader('x-request-id', requestId);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') return void res.end(response.body.string);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    stop: () => apollo.stop(),
  };
}
