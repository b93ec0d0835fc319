/**
 * Public ids are `<type>:<slug>` (CONTRACT.md; the grammar is in src/vocabulary.ts). A
 * malformed id is the client's mistake and gets BAD_USER_INPUT; a well-formed id that names
 * nothing gets null.
 */
import { badInput } from '../errors';
import { typeOfId, type NodeType } from '../vocabulary';

const EXAMPLE: Readonly<Record<NodeType, string>> = {
  Person: 'person:mike-waltz',
  Organization: 'org:cia',
  Place: 'place:ukraine',
  Policy: 'policy:us-intelligence-sharing-pause',
  Event: 'event:oval-office-meeting-2025-02-28',
  Article: 'article:us-cuts-off-intelligence-sharing-with-ukraine-report',
  Statement: 'statement:<article-slug>:<start>-<end>',
};

/** The type an id names, or BAD_USER_INPUT when it is not an id of one of `expected`. */
export function parseId<T extends NodeType>(id: string, expected: readonly T[], argument = 'id'): T {
  const type = typeOfId(id);
  if (type === null || !(expected as readonly NodeType[]).includes(type)) {
    const shown = id.length > 80 ? `${id.slice(0, 77)}...` : id;
    const examples = expected.map((t) => EXAMPLE[t]).slice(0, 3).join(', ');
    throw badInput(`${argument} must be ${expected.length === 1 ? `${/^[AEIOU]/.test(expected[0] as string) ? 'an' : 'a'} ${expected[0] as string} id` : 'an id'} like ${examples}; received ${JSON.stringify(shown)}`, {
      argument,
    });
  }
  return type as T;
}
