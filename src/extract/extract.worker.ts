/**
 * The worker thread of extract.pool.ts: runs one extraction at a time (extract.task.ts) and
 * asks the main thread, which holds the database connection, for the gazetteer. The
 * messages of both sides are `ToWorker` and `FromWorker` below.
 */
import { parentPort } from 'node:worker_threads';
import type { GazetteerEntry } from './gazetteer';
import type { LookupKeys } from './lookup';
import { proposeWith } from './extract.propose';
import type { ExtractionProposalRecord, ExtractionRequest } from './extract.task';

export type ToWorker =
  | { readonly kind: 'task'; readonly request: ExtractionRequest }
  /** The lookup's answer; null when the graph read failed (the main thread keeps its error). */
  | { readonly kind: 'gazetteer'; readonly entries: readonly GazetteerEntry[] | null };

export type FromWorker =
  | { readonly kind: 'ready' }
  | { readonly kind: 'lookup'; readonly keys: LookupKeys }
  | { readonly kind: 'done'; readonly record: ExtractionProposalRecord }
  | { readonly kind: 'failed'; readonly message: string; readonly stack: string | undefined };

if (parentPort === null) throw new Error('extract.worker.ts runs as a worker thread of extract.pool.ts, not on its own');
const port = parentPort;
const send = (message: FromWorker): void => port.postMessage(message);

let answer: ((entries: readonly GazetteerEntry[] | null) => void) | undefined;

const lookup = (keys: LookupKeys): Promise<readonly GazetteerEntry[]> =>
  new Promise((resolve, reject) => {
    answer = (entries) => (entries === null ? reject(new Error('the gazetteer read failed')) : resolve(entries));
    send({ kind: 'lookup', keys });
  });

port.on('message', (message: ToWorker) => {
  if (message.kind === 'gazetteer') {
    const reply = answer;
    answer = undefined;
    return reply?.(message.entries);
  }
  proposeWith(message.request, lookup).then(
    (record) => send({ kind: 'done', record }),
    (error: unknown) => send({ kind: 'failed', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined }),
  );
});

send({ kind: 'ready' });
