/**
 * The real HTTP server, started in-process on a free loopback port, with its log lines
 * captured, and a small client that speaks GraphQL over HTTP to it.
 */
import 'reflect-metadata';
import { EventEmitter } from 'node:events';
import net from 'node:net';
import type { Neo4jGateway } from '../../src/db/gateway';
import { appSchema } from '../../src/schema';
import { startServer, type RunningServer, type ServerOptions } from '../../src/http/server';
import { sourceWorkers } from './typescript-node';

export interface TestServer {
  readonly server: RunningServer;
  readonly url: string;
  /** Every log line the server wrote, oldest first. */
  readonly logs: Record<string, unknown>[];
  /** The request's log line, once the server has written it (after the answer has gone out). */
  requestLogged(requestId: string): Promise<Record<string, unknown>>;
  /** POSTs an operation as application/json and returns the status, body and headers. */
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<HttpAnswer>;
  stop(): Promise<void>;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: GraphQLBody;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

export async function startTestServer(gateway: Neo4jGateway, options: Partial<Omit<ServerOptions, 'gateway'>> = {}): Promise<TestServer> {
  const logs: Record<string, unknown>[] = [];
  const written = new EventEmitter();
  const server = await startServer({
    schema: options.schema ?? (await appSchema()),
    host: '127.0.0.1',
    port: 0,
    apiKeys: [],
    production: false,
    log: (entry) => {
      logs.push(entry);
      written.emit('line', entry);
    },
    ...options,
    extraction: { ...sourceWorkers(), ...options.extraction },
    gateway,
  });
  return {
    server,
    url: server.url,
    logs,
    requestLogged(requestId) {
      const [seen] = requestLines(logs, requestId);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const listener = (entry: Record<string, unknown>): void => {
          if (requestLines([entry], requestId).length === 0) return;
          written.off('line', listener);
          resolve(entry);
        };
        written.on('line', listener);
      });
    },
    async post(query, variables = {}, headers = {}) {
      // A connection of its own per request: a test process starved of its timers for the
      // server's keep-alive timeout would otherwise reuse a connection the server is closing
      // (ECONNRESET; test/integration/prepared.test.ts shows how).
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
    },
    stop: () => server.stop(),
  };
}

/** A loopback port that was free a moment ago (for a server that must come back on the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The request log lines (msg: 'request') the server wrote for one request id. */
export function requestLines(logs: readonly Record<string, unknown>[], requestId: string): Record<string, unknown>[] {
  return logs.filter((l) => l.msg === 'request' && l.requestId === requestId);
}
