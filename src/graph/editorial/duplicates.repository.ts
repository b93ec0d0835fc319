/** The entities duplicate detection compares, read once per graph state (the answer is kept). */
import { cypher } from '../../db/cypher';
import type { Db } from '../../db/gateway';
import * as Q from './duplicates.cypher';
import type { NamedEntity } from './duplicates';

/** At most this many entities are compared: the read, the answer kept and the comparison stay bounded. */
export const MAX_COMPARED = 50_000;

export async function namedEntities(db: Db): Promise<readonly NamedEntity[]> {
  return (await db.readKept(cypher(Q.ENTITY_NAMES, { limit: MAX_COMPARED }))) as unknown as readonly NamedEntity[];
}
