/**
 * Public ids are `<type>:<slug>` (CONTRACT.md). A malformed id is the client's mistake and
 * gets BAD_USER_INPUT; a well-formed id that names nothing gets null.
 */
import { badInput } from '../errors';
import type { NodeTypeName } from './entity/entity.type';

const PREFIX_TYPE: Readonly<Record<string, NodeTypeName>> = {
  person: 'Person',
  org: 'Organization',
  place: 'Place',
  policy: 'Policy',
  event: 'Event',
  article: 'Article',
  statement: 'Statement',
};

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const ID = new RegExp(`^(person|org|place|policy|event|article):${SLUG}$|^(statement):${SLUG}:(?:\\d+-\\d+|\\d+)$`);

const EXAMPLE: Readonly<Record<NodeTypeName, string>> = {
  Person: 'person:mike-waltz',
  Organization: 'org:cia',
  Place: 'place:ukraine',
  Policy: 'policy:us-intelligence-sharing-pause',
  Event: 'event:oval-office-meeting-2025-02-28',
  Article: 'article:us-cuts-off-intelligence-sharing-with-ukraine-report',
  Statement: 'statement:<article-slug>:<start>-<end>',
};

/** The type an id names, or BAD_USER_INPUT when it is not an id of one of `expected`. */
export function parseId(id: string, expected: readonly NodeTypeName[], argument = 'id'): NodeTypeName {
  const match = ID.exec(id);
  const type = match ? PREFIX_TYPE[(match[1] ?? match[2]) as string] : undefined;
  if (type === undefined || !expected.includes(type)) {
    const shown = id.length > 80 ? `${id.slice(0, 77)}...` : id;
    const examples = expected.map((t) => EXAMPLE[t]).slice(0, 3).join(', ');
    throw badInput(`${argument} must be ${expected.length === 1 ? `${/^[AEIOU]/.test(expected[0] as string) ? 'an' : 'a'} ${expected[0] as string} id` : 'an id'} like ${examples}; received ${JSON.stringify(shown)}`, {
      argument,
    });
  }
  return type;
}

export const ENTITY_TYPES: readonly NodeTypeName[] = ['Person', 'Organization', 'Place', 'Policy', 'Event'];
export const NODE_TYPES: readonly NodeTypeName[] = [...ENTITY_TYPES, 'Article', 'Statement'];
