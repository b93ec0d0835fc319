/**
 * The work of one `extractArticle` task (extract.task.ts): prepare the text, ask the caller for
 * the graph's gazetteer (the lookup keys go out, the entries come back), extract, and shape the
 * answer for the API.
 */
import { extractArticle, prepareArticle, type ExtractionProposal } from './extract';
import type { ExtractionProposalRecord, ExtractionRequest, GazetteerLookup } from './extract.task';
import { Gazetteer } from './gazetteer';
import { lookupKeys } from './lookup';

/** Proposes the document for `request`, with names resolved against what `lookup` returns. */
export async function proposeWith(request: ExtractionRequest, lookup: GazetteerLookup): Promise<ExtractionProposalRecord> {
  const prepared = prepareArticle(request.text, request.title);
  const entries = await lookup(lookupKeys(prepared.layout));
  return proposalRecord(extractArticle(prepared, new Gazetteer(entries)));
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
