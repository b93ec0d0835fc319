/**
 * The extractor's access to the graph: one read query for the gazetteer, then the pure
 * extraction. Nothing here writes; ingest stays the only write path.
 */
import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import * as Q from './extract.cypher';
import { extractArticle, prepareArticle, type ExtractionProposal, type Prepared, type ReviewItem } from './extract';
import { Gazetteer, type GazetteerEntry } from './gazetteer';
import { lookupKeys } from './lookup';

/** How many policies and events the full-text index may add: the ones it ranks first. */
const TOPIC_LIMIT = 50;

/** The graph's entities the article may name, keyed the way ingest keys names (text.ts `nameKey`). */
export async function readGazetteer(db: Db, prepared: Prepared): Promise<Gazetteer> {
  const keys = lookupKeys(prepared.layout);
  const rows = await db.read(cypher(Q.GAZETTEER, { ...keys, topicLimit: TOPIC_LIMIT }));
  return new Gazetteer(
    rows.map(
      (r): GazetteerEntry => ({
        id: r.id as string,
        type: r.type as GazetteerEntry['type'],
        name: r.name as string,
        aliases: (r.aliases as string[] | null) ?? [],
        kind: (r.kind as string | null) ?? null,
        titles: (r.titles as string[] | null) ?? [],
        description: (r.description as string | null) ?? null,
      }),
    ),
  );
}

/** The proposal for `text`, with names resolved against the graph, shaped for the API. */
export async function proposeFromGraph(db: Db, text: string, title: string | null): Promise<ExtractionProposalRecord> {
  const prepared = prepareArticle(text, title);
  const proposal = extractArticle(prepared, await readGazetteer(db, prepared));
  return proposalRecord(proposal);
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
