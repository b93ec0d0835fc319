/**
 * What each document of a batch means against the graph: which of its entities are merged
 * into ones already there, which of its quotes join a statement another article has, what
 * it creates, updates or leaves unchanged, and the rows the writer's queries take for it.
 * Documents are planned in order against the overlay (overlay.ts), which each plan updates,
 * so document k is planned against the graph as documents 0..k-1 would have left it.
 *
 * A plan has two halves: entities first for every document (plan-entities.ts), then
 * statements (plan-statements.ts), because finding shared quotes needs the quote keys of the
 * whole batch read in one query.
 */
import { batchQuery } from '../db/cypher';
import type { WriteTx } from '../db/gateway';
import type { Problem } from '../errors';
import { Overlay } from './overlay';
import * as Q from './ingest.cypher';
import { externalProblems, planEntities, quoteKeysOf, type EntityPlan } from './plan-entities';
import { planStatements, type Plan } from './plan-statements';
import type { NormalizedDocument } from './validate';

export { ENTITY_WRITE_ORDER } from './plan-entities';
export { LINKS, type Plan } from './plan-statements';

/** How a batch is written. */
export interface WriteOptions {
  /**
   * A document whose article id the graph holds with another text replaces it, the old
   * text kept as a revision; without it such a document is refused (CONFLICT).
   */
  readonly replace?: boolean;
}

/**
 * Plans every valid document (`null` marks one the validator rejected) in order; a document
 * whose references neither the graph nor an earlier document holds is rejected here, and so
 * is one whose article id the graph holds with another text, unless `options.replace`.
 */
export async function planBatch(
  tx: WriteTx,
  docs: readonly (NormalizedDocument | null)[],
  options: WriteOptions = {},
): Promise<{ plans: Plan[]; rejected: Map<number, Problem[]> }> {
  const valid = docs.filter((d): d is NormalizedDocument => d !== null);
  // Keyed with each speaker as its document names it, the quote keys are known before the
  // plan and read with the first reads; only a speaker resolved to another id makes a key
  // that has to be read after the entities are planned.
  const overlay = await Overlay.read(tx, valid, valid.flatMap((d) => quoteKeysOf(d.statements, (id) => id).flatMap((key) => key ?? [])));
  const rejected = new Map<number, Problem[]>();
  const firstHalves: (EntityPlan | null)[] = docs.map((doc, i) => {
    if (doc === null) return null;
    const planned = planEntities(doc, overlay, options.replace === true);
    if ('problems' in planned) {
      rejected.set(i, planned.problems);
      return null;
    }
    return planned;
  });
  await overlay.readQuotes(tx, firstHalves.flatMap((p) => (p ? p.quoteKeys.flatMap((key) => key ?? []) : [])));
  const plans = firstHalves.flatMap((p) => (p ? [planStatements(p, overlay)] : []));
  return { plans, rejected };
}

/**
 * The references of documents the validator rejected (`unresolved`, by index), checked as
 * planBatch checks a valid document's (against the graph and the entities of the valid
 * documents before it), so a document's author sees every problem at once.
 */
export async function unresolvedReferenceProblems(
  tx: WriteTx,
  docs: readonly (NormalizedDocument | null)[],
  unresolved: ReadonlyMap<number, NormalizedDocument['external']>,
): Promise<Map<number, Problem[]>> {
  const problems = new Map<number, Problem[]>();
  if (unresolved.size === 0) return problems;
  const entities = [...new Set([...unresolved.values()].flatMap((external) => [...external.keys()]))];
  const nodes = new Map<string, { label: string }>();
  for (const r of await tx.run(batchQuery(Q.EXISTING_NODES, { entities, articles: [], statements: [] }))) nodes.set(r.id as string, { label: r.label as string });
  docs.forEach((doc, i) => {
    const external = unresolved.get(i);
    if (external !== undefined) {
      const found = externalProblems(external, nodes);
      if (found.length > 0) problems.set(i, found);
    }
    for (const entity of doc?.entities ?? []) if (!nodes.has(entity.id)) nodes.set(entity.id, { label: entity.type });
  });
  return problems;
}
