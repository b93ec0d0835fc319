/** What duplicate detection compares: every live entity's id, type, name and aliases, up to a bound. */
import { entityTypeOf } from '../../db/cypher';

export const ENTITY_NAMES = `
MATCH (e:Entity)
WITH e ORDER BY e.id LIMIT toInteger($limit)
RETURN e.id AS id, ${entityTypeOf('e')} AS type, e.name AS name, coalesce(e.aliases, []) AS aliases`;
