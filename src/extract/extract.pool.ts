/**
 * Extraction off the event loop: a pool of worker threads (extract.worker.ts), each with its
 * own heap limit, running one extraction at a time, behind a bounded queue. A task's time
 * budget counts from when it was submitted, not from when a worker takes it, so a request
 * queued behind others still gets its answer within its budget: a task whose budget runs out
 * in the queue is answered then and never run, and a worker still running one at the end of
 * its budget is terminated, which is the only way to stop synchronous work. A worker over its
 * heap dies alone. Either way the request gets a clear error, the process and its other
 * requests carry on, and a fresh worker takes the next task.
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
import { requestBudget, type Budget, type Deadline } from '../deadline';
import { ErrorCode, limitExceeded } from '../errors';
import type { ExtractionProposalRecord, ExtractionRequest, Extractor, GazetteerLookup } from './extract.task';
import type { FromWorker, ToWorker } from './extract.worker';

export interface PoolOptions extends ExtractionSettings {
  /** Node options for the worker threads; by default the main thread's (a `-r` hook that runs TypeScript from source, say). */
  readonly execArgv?: readonly string[];
  /** What budgets are counted and timed with: SYSTEM_CLOCK, unless a test moves time itself. */
  readonly clock?: PoolClock;
}

/** Time as the pool counts it. */
export interface PoolClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` once `ms` have passed; the function returned cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const SYSTEM_CLOCK: PoolClock = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

const NOTHING_TO_CANCEL = (): void => undefined;

/** What the pool is doing, as its 'change' event reports it. */
export interface PoolState {
  readonly running: number;
  readonly queued: number;
  readonly workers: number;
}

/** When a task must be answered by (epoch ms), and the budget that sets it. */
interface Due {
  readonly at: number;
  readonly budget: Budget;
}

interface Task {
  readonly request: ExtractionRequest;
  readonly lookup: GazetteerLookup;
  readonly resolve: (record: ExtractionProposalRecord) => void;
  readonly reject: (error: unknown) => void;
  readonly submitted: number;
  readonly due: Due;
  /** Cancels what drops the task from the queue when it is due; called when a worker takes it. */
  cancelExpiry: () => void;
  /** The graph read's error, kept until the worker has put the task down. */
  lookupError?: unknown;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  task: Task | undefined;
  /** Cancels what ends the worker when its task is due. */
  cancelTimer: () => void;
}

/** The compiled worker beside this file (.js), or the source one when running from source (.ts, with a require hook). */
const WORKER_FILE = path.join(__dirname, `extract.worker${path.extname(__filename)}`);

export function overloaded(settings: ExtractionSettings): GraphQLError {
  return new GraphQLError(
    `The server is running ${settings.workers} extraction(s) with ${settings.queue} waiting, the most it queues (EXTRACT_QUEUE=${settings.queue}); try again shortly.`,
    { extensions: { code: ErrorCode.OVERLOADED, limit: 'EXTRACT_QUEUE', max: settings.queue, http: { status: 429 } } },
  );
}

const EXTRACT_SETTING = 'EXTRACT_TIMEOUT_MS';

/** A task's budget, from its submission: EXTRACT_TIMEOUT_MS, or what its request has left if that ends sooner. */
function dueBy(submitted: number, settings: ExtractionSettings, deadline: Deadline | undefined): Due {
  const own: Due = { at: submitted + settings.timeoutMs, budget: { setting: EXTRACT_SETTING, ms: settings.timeoutMs } };
  return deadline === undefined || deadline.at >= own.at ? own : { at: deadline.at, budget: requestBudget(deadline) };
}

const timedOut = (message: string, { budget }: Due): GraphQLError =>
  new GraphQLError(message, { extensions: { code: ErrorCode.TIMEOUT, limit: budget.setting, max: budget.ms } });

const budgetOf = ({ budget }: Due): string => `The extraction's time budget of ${budget.ms} ms (${budget.setting})`;

/** A task whose budget (its request's) had run out when it was submitted: it is refused. */
function ranOutBefore(task: Task): GraphQLError {
  return timedOut(`${budgetOf(task.due)} had run out ${task.submitted - task.due.at} ms before the extraction was submitted, so it never ran.`, task.due);
}

/** A task whose budget ran out before a worker took it: it never ran. */
function ranOutWaiting(task: Task, now: number): GraphQLError {
  return timedOut(`${budgetOf(task.due)} ran out before a worker was free: it waited ${now - task.submitted} ms in the queue and never ran; try again shortly.`, task.due);
}

/** A task whose budget ran out while a worker ran it: the worker is terminated. */
function ranOutRunning(task: Task, started: number, now: number): GraphQLError {
  return timedOut(
    `${budgetOf(task.due)} ran out while it ran: it waited ${started - task.submitted} ms for a worker and ran ${now - started} ms, then was stopped; send a shorter text, or extract it with npm run extract.`,
    task.due,
  );
}

function overHeap(settings: ExtractionSettings): GraphQLError {
  return limitExceeded(
    `The extraction needed more than its memory of ${settings.heapMb} MB (EXTRACT_HEAP_MB) and was stopped; send a shorter text, or extract it with npm run extract.`,
    'EXTRACT_HEAP_MB',
    settings.heapMb,
  );
}

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
  private readonly clock: PoolClock;

  constructor(readonly options: PoolOptions) {
    super();
    this.clock = options.clock ?? SYSTEM_CLOCK;
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

  /** `deadline`: the request's; the task is due at it if that comes before its own EXTRACT_TIMEOUT_MS, both counted from now. */
  propose(request: ExtractionRequest, lookup: GazetteerLookup, deadline?: Deadline): Promise<ExtractionProposalRecord> {
    if (this.closed) return Promise.reject(stopping());
    const submitted = this.clock.now();
    const due = dueBy(submitted, this.options, deadline);
    return new Promise((resolve, reject) => {
      const task: Task = { request, lookup, resolve, reject, submitted, due, cancelExpiry: NOTHING_TO_CANCEL };
      if (due.at <= submitted) return reject(ranOutBefore(task));
      const free = [...this.slots].filter((s) => s.task === undefined).length + (this.options.workers - this.slots.size);
      if (this.queue.length - free >= this.options.queue) return reject(overloaded(this.options));
      task.cancelExpiry = this.clock.after(due.at - submitted, () => this.expire(task));
      this.queue.push(task);
      this.pump();
    });
  }

  /** A task still waiting when it is due is answered then, and never run. */
  private expire(task: Task): void {
    const at = this.queue.indexOf(task);
    if (at === -1) return;
    this.queue.splice(at, 1);
    task.reject(ranOutWaiting(task, this.clock.now()));
    this.emit('change', this.state);
  }

  /** Ends every worker; tasks still waiting or running are refused as the server stops. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) {
      task.cancelExpiry();
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
    const slot: Slot = { worker, ready: false, task: undefined, cancelTimer: NOTHING_TO_CANCEL };
    this.slots.add(slot);
    worker.on('message', (message: FromWorker) => this.heard(slot, message));
    worker.on('error', (error: Error & { code?: string }) => {
      void this.retire(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? overHeap(this.options) : error);
    });
    worker.on('exit', () => void this.retire(slot, new Error('the extraction worker exited while running a task')));
  }

  /** Runs `task` on `slot` with what is left of its budget; one already due is answered, and the slot stays free. */
  private start(slot: Slot, task: Task): void {
    task.cancelExpiry();
    const started = this.clock.now();
    if (task.due.at <= started) return task.reject(ranOutWaiting(task, started));
    slot.task = task;
    slot.cancelTimer = this.clock.after(task.due.at - started, () => void this.retire(slot, ranOutRunning(task, started, this.clock.now())));
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
    slot.cancelTimer();
    slot.cancelTimer = NOTHING_TO_CANCEL;
    slot.task = undefined;
  }

  /** Ends a worker (over budget, dead, or the pool closing): its task, if any, gets `reason`. */
  private async retire(slot: Slot, reason: unknown): Promise<void> {
    if (!this.slots.delete(slot)) return;
    // A worker that dies before it is ready would die again: the oldest waiting task gets why, so no task waits on a loop of restarts.
    const task = slot.ready ? slot.task : this.queue.shift();
    task?.cancelExpiry();
    this.finish(slot);
    task?.reject(reason);
    if (!this.closed) this.pump();
    await slot.worker.terminate();
  }
}
