/**
 * The editorial hook in the ingest write path (src/graph/editorial): around the writes of a
 * batch's plans, in the same transaction, it refuses ids an editor has taken out of the
 * live graph (a retracted article, an entity merged into another: writing them again would
 * make a second node with the id), and records one Edit per document that changed
 * something. A re-ingest that changed nothing records nothing, so ingest stays idempotent.
 */
import os from 'node:os';
import { batchQuery } from '../db/cypher';
import type { WriteTx } from '../db/gateway';
import { badInput } from '../errors';
import { editTime, newEditId } from '../graph/editorial/edit.ids';
import { RECORD_INGEST_EDITS } from '../graph/editorial/edit.cypher';
import { RETIRED_IDS } from '../graph/editorial/retired.cypher';
import type { Plan } from './plan';

/** Who writes when no API key is involved: `npm run ingest` and the seed, as the OS user running it. */
export function cliAuthor(): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry for the uid (some containers): the edit still records that it came from the CLI.
  }
  return `cli:${user}`;
}

/** Whether a document changed the graph; `merged` and `evidenceAdded` are reported again on a re-ingest, with a new node or link behind them only the first time. */
const changedAnything = (p: Plan): boolean => p.result.created.length + p.result.updated.length + p.result.removed.length > 0;

/**
 * Sends the check for ids an editor took out of the live graph, to go out ahead of the
 * plans' writes without waiting for its answer: the promise rejects with BAD_USER_INPUT
 * when the batch writes one, and the transaction must then fail (so what was written after
 * it is rolled back).
 */
export function refuseRetired(tx: WriteTx, plans: readonly Plan[]): Promise<void> {
  const articles = plans.map((p) => p.article);
  const entities = plans.flatMap((p) => [...Object.values(p.entityRows), ...Object.values(p.newEntityRows)].flatMap((rows) => rows.map((r) => r.id as string)));
  const refused = tx.run(batchQuery(RETIRED_IDS, { articles, entities })).then((retired) => {
    if (retired.length === 0) return;
    const named = retired.map((r) => (r.into === null ? `${r.id as string} is retracted (restore it with restoreArticle before ingesting it again)` : `${r.id as string} was merged into ${r.into as string} (use that id)`));
    throw badInput(`The batch writes ids an editor took out of the graph, nothing was written: ${named.join('; ')}`, { retired: retired.map((r) => r.id) });
  });
  // Seen at once, so a refusal is not reported as unhandled before the caller awaits it.
  refused.catch(() => undefined);
  return refused;
}

/** Records one Edit per document that changed something; the plans' results must be final. Sends its query before it first awaits. */
export async function recordEdits(tx: WriteTx, plans: readonly Plan[], author: string): Promise<void> {
  const rows = plans.filter(changedAnything).map((p) => ({
    id: newEditId(),
    article: p.article,
    arguments: JSON.stringify({
      article: p.article,
      statements: p.result.statements,
      entities: p.result.entities,
      created: p.result.created.length,
      updated: p.result.updated.length,
      removed: p.result.removed.length,
    }),
  }));
  if (rows.length > 0) await tx.run(batchQuery(RECORD_INGEST_EDITS, { rows, at: editTime(), who: author }));
}
