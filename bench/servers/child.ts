/**
 * What the three benchmark servers share: each runs in its own child process (so its
 * resident memory is its own), listens on 127.0.0.1, and answers the bench over IPC:
 * `reset` starts a measurement phase, `report` ends it with the requests served, the
 * Neo4j round trips they made, errors, and the peak resident set size sampled during it.
 */
import type { Server } from '../operations';

export interface PhaseReport {
  readonly requests: number;
  /** Round trips to Neo4j during the phase, in all. */
  readonly roundTrips: number;
  /** Fewest and most round trips one request made, where the server reports them per request. */
  readonly roundTripsMin: number | null;
  readonly roundTripsMax: number | null;
  readonly errors: number;
  /** Largest process.memoryUsage().rss seen during the phase (sampled every 100 ms), in bytes. */
  readonly rssPeak: number;
  readonly rssEnd: number;
}

export type ParentMessage = { readonly id: number; readonly cmd: 'reset' | 'report' | 'stop' };
export type ChildMessage =
  | { readonly type: 'ready'; readonly port: number; readonly url: string }
  | { readonly type: 'reply'; readonly id: number; readonly report?: PhaseReport };

export class Meter {
  private requests = 0;
  private trips = 0;
  private min: number | null = null;
  private max: number | null = null;
  private errors = 0;
  private rssPeak = 0;
  private readonly sampler: NodeJS.Timeout;

  constructor() {
    this.sampler = setInterval(() => this.sample(), 100);
    this.sampler.unref();
  }

  private sample(): void {
    this.rssPeak = Math.max(this.rssPeak, process.memoryUsage().rss);
  }

  /** One request served; `roundTrips` when the server knows that request's own count. */
  request(failed: boolean, roundTrips?: number): void {
    this.requests += 1;
    if (failed) this.errors += 1;
    if (roundTrips !== undefined) {
      this.trips += roundTrips;
      this.min = this.min === null ? roundTrips : Math.min(this.min, roundTrips);
      this.max = this.max === null ? roundTrips : Math.max(this.max, roundTrips);
    }
  }

  /** A round trip counted where it happens, not per request. */
  trip(): void {
    this.trips += 1;
  }

  reset(): void {
    this.requests = 0;
    this.trips = 0;
    this.min = null;
    this.max = null;
    this.errors = 0;
    this.rssPeak = 0;
    this.sample();
  }

  report(): PhaseReport {
    this.sample();
    return {
      requests: this.requests,
      roundTrips: this.trips,
      roundTripsMin: this.min,
      roundTripsMax: this.max,
      errors: this.errors,
      rssPeak: this.rssPeak,
      rssEnd: process.memoryUsage().rss,
    };
  }
}

export interface Started {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts a server in this child process and serves the bench's IPC commands until `stop`. */
export function runChild(name: Server, start: (uri: string, meter: Meter) => Promise<Started>): void {
  const uri = process.env.BENCH_NEO4J_URI;
  const send = (message: ChildMessage): void => {
    process.send?.(message);
  };
  if (!uri || !process.send) {
    console.error(`${name}: expected to be forked by the bench (bench/server-process.ts) with BENCH_NEO4J_URI set`);
    process.exit(2);
  }
  // The bench going away (even killed) ends the server too.
  process.on('disconnect', () => process.exit(0));
  const meter = new Meter();
  start(uri, meter)
    .then((server) => {
      process.on('message', (message: ParentMessage) => {
        if (message.cmd === 'reset') {
          meter.reset();
          send({ type: 'reply', id: message.id });
        } else if (message.cmd === 'report') {
          send({ type: 'reply', id: message.id, report: meter.report() });
        } else {
          void server.stop().finally(() => {
            send({ type: 'reply', id: message.id });
            process.exit(0);
          });
        }
      });
      send({ type: 'ready', port: server.port, url: server.url });
    })
    .catch((error: unknown) => {
      console.error(`${name}: could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    });
}
