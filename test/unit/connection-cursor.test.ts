/**
 * A cursor is the base64url of the JSON `[kind, key, id]`, whichever way encodeCursor puts
 * that text together (it skips the JSON and UTF-8 encoders for plain ASCII parts): cursors
 * clients hold from before stay valid, and decodeCursor reads every one back.
 */
import { decodeCursor, encodeCursor, type Position } from '../../src/graph/connection';

const asJson = (kind: string, position: Position): string => Buffer.from(JSON.stringify([kind, ...position]), 'utf8').toString('base64url');

const POSITIONS: readonly Position[] = [
  ['2023-06-30|2023-07-05T07:26:00Z|article:leona-forsberg-253|000012', 'statement:leona-forsberg-253:1725-1796'],
  ['', 'statement:x'],
  ['a "quoted" key', 'id'],
  ['back\\slash', 'id'],
  ['tab\there', 'newline\n'],
  ['déjà vu', 'ünïcode:ß'],
  ['emoji 😀', 'lone \ud800 surrogate'],
  ['~ { } [ ] | ^ `', 'del \u007f'],
  [42, 'edit:1'],
  [-1.5, 'edit:2'],
];

describe('encodeCursor', () => {
  it.each(POSITIONS.map((p) => [p]))('gives the base64url of the JSON of [kind, %j]', (position) => {
    expect(encodeCursor('Statement NEWEST_FIRST', position)).toBe(asJson('Statement NEWEST_FIRST', position));
    expect(encodeCursor('a "kind"', position)).toBe(asJson('a "kind"', position));
  });

  it('makes cursors decodeCursor reads back for the same kind only', () => {
    for (const position of POSITIONS.filter(([, id]) => !id.includes('\ud800'))) {
      const cursor = encodeCursor('Statement', position);
      expect(decodeCursor('Statement', cursor)).toEqual(position);
      expect(() => decodeCursor('Statement OLDEST_FIRST', cursor)).toThrow('after must be a cursor from this list');
    }
  });
});
