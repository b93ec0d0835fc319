/**
 * Keeps the embedded Neo4j a process owns running. When its JVM dies (killed, out of
 * memory), it is started again on the same data directory after a wait that doubles with
 * each try, so a JVM that dies as it starts is not restarted in a tight loop. The launcher's
 * lock and Neo4j's store lock are OS locks that die with the JVM: the files they leave
 * behind do not stop a restart, and a lock still held (a JVM still exiting) is one more
 * failed try. The address file is rewritten by each start (embedded-neo4j.ts).
 *
 * The tries are bounded: after `attempts` of them with no Neo4j that lasted (STABLE_MS),
 * it gives up, and its owner reports the process as not live (/health/live) for an outside
 * supervisor to restart the whole process.
 */
import type { EmbeddedNeo4j } from './embedded-neo4j';

/** A Neo4j that served this long before it died counts as recovered: the next death starts the count again. */
const STABLE_MS = 60_000;

export type SupervisionState = 'serving' | 'restarting' | 'failed' | 'stopped';

/** One JSON log line of the supervisor's (level, msg and fields). */
export type SupervisionEvent = Readonly<Record<string, unknown>>;

export interface SupervisorOptions {
  /** Starts a Neo4j on the data directory: the first one, and each restart. */
  readonly start: () => Promise<EmbeddedNeo4j>;
  /** Restarts tried before giving up (NEO4J_RESTART_ATTEMPTS). */
  readonly attempts: number;
  /** The wait before the first restart; each further one waits twice the one before (NEO4J_RESTART_BACKOFF_MS). */
  readonly backoffMs: number;
  /** Hands a restarted Neo4j to its users (the gateway's driver) before it counts as serving. */
  readonly restarted: (neo4j: EmbeddedNeo4j) => Promise<void>;
  readonly event: (entry: SupervisionEvent) => void;
}

export class SupervisedNeo4j {
  private state: SupervisionState = 'serving';
  /** Restarts since the last Neo4j that lasted. */
  private tries = 0;
  private startedAt = Date.now();
  private stopping: Promise<void> | undefined;
  /** The restart under way, if any: stop() waits for it, so a Neo4j it started is stopped too. */
  private recovering: Promise<void> | undefined;
  /** Ends the wait between two tries when stop() is called. */
  private wake: (() => void) | undefined;

  private constructor(
    private neo4j: EmbeddedNeo4j,
    private readonly options: SupervisorOptions,
  ) {
    this.watch(neo4j);
  }

  static async start(options: SupervisorOptions): Promise<SupervisedNeo4j> {
    return new SupervisedNeo4j(await options.start(), options);
  }

  /** The Neo4j serving now; stopping it stops the supervision too, so it is not taken for a death. */
  get current(): EmbeddedNeo4j {
    return { ...this.neo4j, stop: () => this.stop() };
  }

  get status(): SupervisionState {
    return this.state;
  }

  /** Stops the Neo4j and any restart under way, a Neo4j that restart started included. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.state = 'stopped';
      this.wake?.();
      await this.recovering;
      await this.neo4j.stop();
    })();
    return this.stopping;
  }

  private watch(neo4j: EmbeddedNeo4j): void {
    void neo4j.exited.then(() => {
      if (this.stopping === undefined && neo4j === this.neo4j) {
        this.recovering = this.recover(neo4j).finally(() => (this.recovering = undefined));
      }
    });
  }

  private async recover(dead: EmbeddedNeo4j): Promise<void> {
    const livedMs = Date.now() - this.startedAt;
    if (livedMs >= STABLE_MS) this.tries = 0;
    this.state = 'restarting';
    this.options.event({ level: 'error', msg: 'neo4j exited', pid: dead.pid, uri: dead.uri, livedMs });
    const downSince = Date.now();
    while (this.tries < this.options.attempts) {
      this.tries += 1;
      await this.pause(this.options.backoffMs * 2 ** (this.tries - 1));
      if (this.stopping !== undefined) return;
      const attempt = this.tries;
      let neo4j: EmbeddedNeo4j | undefined;
      try {
        neo4j = await this.options.start();
        if (this.stopping !== undefined) return void (await neo4j.stop());
        await this.options.restarted(neo4j);
        if (this.stopping !== undefined) return void (await neo4j.stop());
        this.neo4j = neo4j;
        this.startedAt = Date.now();
        this.state = 'serving';
        this.options.event({ level: 'warn', msg: 'neo4j restarted', attempt, pid: neo4j.pid, uri: neo4j.uri, downMs: Date.now() - downSince });
        this.watch(neo4j);
        return;
      } catch (error) {
        await neo4j?.stop().catch(() => undefined);
        this.options.event({ level: 'error', msg: 'neo4j restart failed', attempt, of: this.options.attempts, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (this.stopping !== undefined) return;
    this.state = 'failed';
    this.options.event({ level: 'error', msg: 'neo4j could not be restarted', attempts: this.options.attempts, downMs: Date.now() - downSince });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
