/**
 * Extraction off the event loop: a pool of worker threads (extract.worker.ts), each with its
 * own heap limit, running one extraction at a time under a hard time budget, behind a
 * bounded queue. A worker over its budget is terminated, which is the only way to stop
 * synchronous work, and one over its heap dies alone; either way the request gets a clear
 * error, the process and its other requests carry on, and a fresh worker takes the next task.
 * The graph read that resolves names stays on the main thread, which holds the database
 * connection: the worker sends its lookup keys and waits for the entries.
 *
 * node:worker_threads directly rather than a pool library: a task here is a conversation
 * (text in, keys out, gazetteer in, proposal out), and the only cancellation needed is
 * terminating the worker, so a library's task model would be worked around, not used.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { GraphQLError } from 'graphql';
import type { ExtractionSettings } from '../config';
import { ErrorCode, limitExceeded } from '../errors';
import type { ExtractionProposalRecord, ExtractionRequest, Extractor, GazetteerLookup } from './extract.task';
import type { FromWorker, ToWorker } from './extract.worker';

export interface PoolOptions extends ExtractionSettings {
  /** Node options for the worker threads; by default the main thread's (a `-r` hook that runs TypeScript from source, say). */
  readonly execArgv?: readonly string[];
}

/** What the pool is doing, as its 'change' event reports it. */
export interface PoolState {
  readonly running: number;
  readonly queued: number;
  readonly workers: number;
}

interface Task {
  readonly request: ExtractionRequest;
  readonly lookup: GazetteerLookup;
  readonly resolve: (record: ExtractionProposalRecord) => void;
  readonly reject: (error: unknown) => void;
  /** Drops the task from the queue at its request's deadline; cleared when a worker takes it. */
  readonly expiry: NodeJS.Timeout | undefined;
  /** The graph read's error, kept until the worker has put the task down. */
  lookupError?: unknown;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  task: Task | undefined;
  timer: NodeJS.Timeout | undefined;
}

/** The compiled worker beside this file (.js), or the source one when running from source (.ts, with a require hook). */
const WORKER_FILE = path.join(__dirname, `extract.worker${path.extname(__filename)}`);

export function overloaded(settings: ExtractionSettings): GraphQLError {
  return new GraphQLError(
    `The server is running ${settings.workers} extraction(s) with ${settings.queue} waiting, the most it queues (EXTRACT_QUEUE=${settings.queue}); try again shortly.`,
    { extensions: { code: ErrorCode.OVERLOADED, limit: 'EXTRACT_QUEUE', max: settings.queue, http: { status: 429 } } },
  );
}

function overBudget(settings: ExtractionSettings): GraphQLError {
  return new GraphQLError(
    `The extraction ran longer than its time budget of ${settings.timeoutMs} ms (EXTRACT_TIMEOUT_MS) and was stopped; send a shorter text, or extract it with npm run extract.`,
    { extensions: { code: ErrorCode.TIMEOUT, limit: 'EXTRACT_TIMEOUT_MS', max: settings.timeoutMs } },
  );
}

function overHeap(settings: ExtractionSettings): GraphQLError {
  return limitExceeded(
    `The extraction needed more than its memory of ${settings.heapMb} MB (EXTRACT_HEAP_MB) and was stopped; send a shorter text, or extract it with npm run extract.`,
    'EXTRACT_HEAP_MB',
    settings.heapMb,
  );
}

const expired = (): GraphQLError =>
  new GraphQLError('The extraction waited for a free worker until its request ran out of time (REQUEST_TIMEOUT_MS); try again shortly.', { extensions: { code: ErrorCode.TIMEOUT } });

const stopping = (): GraphQLError =>
  new GraphQLError('The server is stopping and runs no more extractions; try again shortly.', { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } } });

/**
 * Workers start when a task needs one (a server that never extracts starts none) and stay
 * for the next; `close` ends them. Events: 'change' with a PoolState whenever a task starts,
 * ends or queues, so a caller (a test, a metric) can wait for the pool to be busy.
 */
export class ExtractionPool extends EventEmitter implements Extractor {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private closed = false;

  constructor(readonly options: PoolOptions) {
    super();
  }

  get state(): PoolState {
    return { running: [...this.slots].filter((s) => s.task !== undefined).length, queued: this.queue.length, workers: this.slots.size };
  }

  /** Resolves with the first state, now or after a 'change', that satisfies `test`. */
  reaches(test: (state: PoolState) => boolean): Promise<PoolState> {
    if (test(this.state)) return Promise.resolve(this.state);
    return new Promise((resolve) => {
      const listener = (state: PoolState): void => {
        if (!test(state)) return;
        this.off('change', listener);
        resolve(state);
      };
      this.on('change', listener);
    });
  }

  propose(request: ExtractionRequest, lookup: GazetteerLookup, expiresAt = Infinity): Promise<ExtractionProposalRecord> {
    if (this.closed) return Promise.reject(stopping());
    const free = [...this.slots].filter((s) => s.task === undefined).length + (this.options.workers - this.slots.size);
    if (this.queue.length - free >= this.options.queue) return Promise.reject(overloaded(this.options));
    return new Promise((resolve, reject) => {
      const task: Task = { request, lookup, resolve, reject, expiry: expiresAt === Infinity ? undefined : setTimeout(() => this.expire(task), Math.max(expiresAt - Date.now(), 0)) };
      this.queue.push(task);
      this.pump();
    });
  }

  /** A task still waiting at its request's deadline is answered then, and never run. */
  private expire(task: Task): void {
    const at = this.queue.indexOf(task);
    if (at === -1) return;
    this.queue.splice(at, 1);
    task.reject(expired());
    this.emit('change', this.state);
  }

  /** Ends every worker; tasks still waiting or running are refused as the server stops. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) {
      clearTimeout(task.expiry);
      task.reject(stopping());
    }
    await Promise.all([...this.slots].map((slot) => this.retire(slot, stopping())));
  }

  /** Hands waiting tasks to ready workers, and starts workers while tasks wait for one. */
  private pump(): void {
    for (const slot of this.slots) {
      while (slot.ready && slot.task === undefined && this.queue.length > 0) this.start(slot, this.queue.shift() as Task);
    }
    const starting = [...this.slots].filter((s) => !s.ready).length;
    for (let n = starting; n < this.queue.length && this.slots.size < this.options.workers; n += 1) this.spawn();
    this.emit('change', this.state);
  }

  private spawn(): void {
    const worker = new Worker(`require(${JSON.stringify(WORKER_FILE)});`, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
      ...(this.options.execArgv ? { execArgv: [...this.options.execArgv] } : {}),
    });
    const slot: Slot = { worker, ready: false, task: undefined, timer: undefined };
    this.slots.add(slot);
    worker.on('message', (message: FromWorker) => this.heard(slot, message));
    worker.on('error', (error: Error & { code?: string }) => {
      void this.retire(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? overHeap(this.options) : error);
    });
    worker.on('exit', () => void this.retire(slot, new Error('the extraction worker exited while running a task')));
  }

  private start(slot: Slot, task: Task): void {
    clearTimeout(task.expiry);
    slot.task = task;
    slot.timer = setTimeout(() => void this.retire(slot, overBudget(this.options)), this.options.timeoutMs);
    this.send(slot, { kind: 'task', request: task.request });
  }

  private send(slot: Slot, message: ToWorker): void {
    slot.worker.postMessage(message);
  }

  private heard(slot: Slot, message: FromWorker): void {
    const task = slot.task;
    if (message.kind === 'ready') {
      slot.ready = true;
      return this.pump();
    }
    if (task === undefined) return;
    if (message.kind === 'lookup') {
      task.lookup(message.keys).then(
        (entries) => slot.task === task && this.send(slot, { kind: 'gazetteer', entries }),
        (error: unknown) => {
          task.lookupError = error;
          if (slot.task === task) this.send(slot, { kind: 'gazetteer', entries: null });
        },
      );
      return;
    }
    this.finish(slot);
    if (message.kind === 'done') task.resolve(message.record);
    else task.reject(task.lookupError ?? Object.assign(new Error(`extraction failed in its worker: ${message.message}`), { stack: message.stack }));
    this.pump();
  }

  /** The slot is free again; its task is the caller's to settle. */
  private finish(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.task = undefined;
  }

  /** Ends a worker (over budget, dead, or the pool closing): its task, if any, gets `reason`. */
  private async retire(slot: Slot, reason: unknown): Promise<void> {
    if (!this.slots.delete(slot)) return;
    // A worker that dies before it is ready would die again: the oldest waiting task gets why, so no task waits on a loop of restarts.
    const task = slot.ready ? slot.task : this.queue.shift();
    clearTimeout(task?.expiry);
    this.finish(slot);
    task?.reject(reason);
    if (!this.closed) this.pump();
    await slot.worker.terminate();
  }
}
