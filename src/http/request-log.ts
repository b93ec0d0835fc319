/**
 * The log line of one request: made when the request arrives, handed down to every step
 * that learns something about it (the GraphQL handler, Apollo's hooks through the GraphQL
 * context, the fast path), and written once, when the answer is out or the client has gone,
 * whether the request ran or was turned away.
 *
 * It travels explicitly rather than in an AsyncLocalStorage: that turns on node's promise
 * hooks for every promise of the process, which costs a large share of a lookup's CPU
 * (measured in docs/bench-findings.md, finding 10).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../context';
import type { RoundTrips } from '../db/gateway';

export type LogSink = (entry: Record<string, unknown>) => void;

/** One JSON line per entry on stdout. */
export const jsonLog: LogSink = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

/** A request id from the client is kept when it is a plain token; otherwise a new one is made. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

type Coded = { readonly extensions?: { readonly code?: unknown } };

/** The codes of a response's errors. */
const codesOf = (errors: readonly Coded[] | undefined): string[] => (errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));

export class RequestLog {
  readonly requestId: string;
  private readonly started = process.hrtime.bigint();
  private operation: string | null = null;
  /** True once execution started: until then nothing reached Neo4j. */
  private executed = false;
  private trips: RoundTrips | undefined;
  private cost: number | undefined;
  /** The codes of the errors the client got. */
  private codes: string[] = [];
  /** True when the fast path answered, without Apollo's pipeline (fast-path.ts). */
  private prepared = false;

  constructor(
    private readonly sink: LogSink,
    givenId: string | string[] | undefined,
  ) {
    this.requestId = typeof givenId === 'string' && REQUEST_ID.test(givenId) ? givenId : randomUUID();
  }

  /** The operation's name, once known; a later name replaces an earlier one. */
  named(operation: string | null): void {
    this.operation = operation;
  }

  /** The operation's estimated cost under the limits. */
  priced(cost: number): void {
    this.cost = cost;
  }

  /** The round trips of the request's context, counted as it runs. */
  counting(trips: RoundTrips): void {
    this.trips = trips;
  }

  /** Execution started, through Apollo or the fast path. */
  executing(path: 'apollo' | 'prepared'): void {
    this.executed = true;
    if (path === 'prepared') this.prepared = true;
  }

  /** The errors the client gets, as sent. */
  answered(errors: readonly Coded[] | undefined): void {
    this.codes = codesOf(errors);
  }

  /** Whether the client has been told of any error yet. */
  get anyErrors(): boolean {
    return this.codes.length > 0;
  }

  /** The request was refused with `code` before GraphQL saw it. */
  refused(code: string): void {
    this.codes.push(code);
  }

  /** An internal fault: the detail the client does not get, under the request id. */
  internalError(error: unknown, path: readonly (string | number)[] | undefined): void {
    this.sink({
      level: 'error',
      msg: 'internal error',
      requestId: this.requestId,
      path: path ?? null,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }

  /** An error that escaped every handler of the request. */
  unhandled(error: unknown): void {
    this.sink({ level: 'error', msg: 'unhandled request error', requestId: this.requestId, error: error instanceof Error ? error.stack : String(error) });
  }

  /** Writes the line once: on 'finish' when the answer is handed to the OS, on 'close' alone when the client left first. */
  writeWhenDone(req: IncomingMessage, res: ServerResponse, path: string): void {
    let written = false;
    const write = (): void => {
      if (written) return;
      written = true;
      this.write(req, res, path);
    };
    res.once('finish', write);
    res.once('close', write);
  }

  private write(req: IncomingMessage, res: ServerResponse, path: string): void {
    const failed = this.codes.length > 0 || res.statusCode >= 400;
    this.sink({
      level: 'info',
      msg: 'request',
      requestId: this.requestId,
      method: req.method,
      path,
      status: res.statusCode,
      operation: this.operation,
      durationMs: Number((process.hrtime.bigint() - this.started) / 1000n) / 1000,
      roundTrips: this.trips?.count ?? 0,
      cost: this.cost,
      outcome: !failed ? 'ok' : this.executed ? 'error' : 'rejected',
      errors: this.codes.length > 0 ? [...new Set(this.codes)] : undefined,
      aborted: res.writableFinished ? undefined : true,
      prepared: this.prepared || undefined,
    });
  }
}

/** The GraphQL context of a request that came over HTTP: the resolvers' context, and the request's log. */
export interface HttpContext extends Context {
  readonly log: RequestLog;
}
