/**
 * One `extractArticle` request as a task: what it asks, what it answers, and what runs it. The
 * work itself (prepare, ask for the gazetteer, extract, shape the answer) is extract.propose.ts:
 * it runs in a worker thread for the server (extract.pool.ts, where the lookup is a message to
 * the main thread) and in-process for tests and tools (extract.in-process.ts). Neither this
 * file nor those runners load it with themselves, so the server's own thread, which only hands
 * tasks to the pool, never loads the extractor and its language model.
 */
import type { Deadline } from '../deadline';
import type { ReviewItem } from './extract';
import type { GazetteerEntry } from './gazetteer';
import type { LookupKeys } from './lookup';

/** Extraction is linear in the text (EXTRACTION.md has the measured cost); the API keeps requests to a few seconds. */
export const EXTRACT_LIMITS = { textLength: 200_000 } as const;

export interface ExtractionRequest {
  readonly text: string;
  readonly title: string | null;
}

/** The graph read that resolves names: entries for the keys of one article. */
export type GazetteerLookup = (keys: LookupKeys) => Promise<readonly GazetteerEntry[]>;

/** What runs an extraction for the API: the worker pool in the server (extract.pool.ts), `IN_PROCESS` elsewhere (extract.in-process.ts). */
export interface Extractor {
  /**
   * `deadline`: the request's. The pool counts the extraction's budget from this call, and
   * answers TIMEOUT when it or the request's deadline runs out first, whether the task is
   * still waiting for a worker (it never runs) or running (its worker is ended).
   */
  propose(request: ExtractionRequest, lookup: GazetteerLookup, deadline?: Deadline): Promise<ExtractionProposalRecord>;
}

export interface ExtractionProposalRecord {
  readonly articleId: string;
  readonly document: string;
  readonly statements: readonly {
    readonly index: number | null;
    readonly kind: ReviewItem['kind'];
    readonly text: string;
    readonly start: number;
    readonly end: number;
    readonly speaker: string | null;
    readonly speakerMention: string | null;
    readonly venue: string | null;
    readonly reportedBy: readonly string[];
    readonly quotedIn: string | null;
    readonly confidence: number;
    readonly rule: string;
    readonly flags: readonly string[];
  }[];
  readonly newEntities: readonly string[];
  readonly knownEntities: readonly string[];
}
