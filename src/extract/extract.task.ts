/**
 * One `extractArticle` request as a task: prepare the text, ask the caller for the graph's
 * gazetteer (the lookup keys go out, the entries come back), extract, and shape the answer
 * for the API. The same function runs in a worker thread for the server (extract.pool.ts,
 * where the lookup is a message to the main thread) and in-process for tests and tools.
 */
import type { Deadline } from '../deadline';
import { extractArticle, prepareArticle, type ExtractionProposal, type ReviewItem } from './extract';
import { Gazetteer, type GazetteerEntry } from './gazetteer';
import { lookupKeys, type LookupKeys } from './lookup';

export interface ExtractionRequest {
  readonly text: string;
  readonly title: string | null;
}

/** The graph read that resolves names: entries for the keys of one article. */
export type GazetteerLookup = (keys: LookupKeys) => Promise<readonly GazetteerEntry[]>;

/** Proposes the document for `request`, with names resolved against what `lookup` returns. */
export async function proposeWith(request: ExtractionRequest, lookup: GazetteerLookup): Promise<ExtractionProposalRecord> {
  const prepared = prepareArticle(request.text, request.title);
  const entries = await lookup(lookupKeys(prepared.layout));
  return proposalRecord(extractArticle(prepared, new Gazetteer(entries)));
}

/** What runs an extraction for the API: the worker pool in the server, `IN_PROCESS` elsewhere. */
export interface Extractor {
  /**
   * `deadline`: the request's. The pool counts the extraction's budget from this call, and
   * answers TIMEOUT when it or the request's deadline runs out first, whether the task is
   * still waiting for a worker (it never runs) or running (its worker is ended).
   */
  propose(request: ExtractionRequest, lookup: GazetteerLookup, deadline?: Deadline): Promise<ExtractionProposalRecord>;
}

/** Extraction on the calling thread: for `npm run extract`, tests that need no server, and contexts made without one. */
export const IN_PROCESS: Extractor = { propose: (request, lookup) => proposeWith(request, lookup) };

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

export function proposalRecord(proposal: ExtractionProposal): ExtractionProposalRecord {
  const { document } = proposal;
  return {
    articleId: document.article.id as string,
    document: JSON.stringify(document),
    statements: document.review.map((r) => {
      const s = r.statement === null ? null : document.statements[r.statement];
      return {
        index: r.statement,
        kind: r.kind,
        text: r.text,
        start: r.start,
        end: r.end,
        speaker: r.speaker,
        speakerMention: r.speakerMention,
        venue: s?.venue ?? null,
        reportedBy: s?.reportedBy ?? [],
        quotedIn: s?.quotedIn ?? null,
        confidence: r.confidence,
        rule: r.rule,
        flags: [...r.flags],
      };
    }),
    newEntities: proposal.newEntities,
    knownEntities: proposal.knownEntities,
  };
}
