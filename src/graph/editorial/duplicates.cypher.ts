/** What duplicate detection compares: every live entity's id, type, name and aliases, up to a bound. */
import { ENTITY_TYPES } from '../../vocabulary';

export const ENTITY_NAMES = `
MATCH (e:Entity)
WITH e ORDER BY e.id LIMIT toInteger($limit)
RETURN e.id AS id, [l IN labels(e) WHERE l IN [${ENTITY_TYPES.map((t) => `'${t}'`).join(', ')}]][0] AS type, e.name AS name, coalesce(e.aliases, []) AS aliases`;
