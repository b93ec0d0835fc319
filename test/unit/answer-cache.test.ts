/**
 * The answer cache's bookkeeping, without a database: an answer is given only for the state
 * it was filed under, the least recently used goes first, and what is kept is frozen.
 */
import { AnswerCache, answerKey, CHARACTERS_PER_ANSWER, weightOf } from '../../src/db/answer-cache';
import type { Row } from '../../src/db/cypher';
import { cypher } from '../../src/db/cypher';

describe('AnswerCache', () => {
  it('gives an answer only for the state it was computed at, and keeps one answer per query', () => {
    const cache = new AnswerCache(10);
    cache.set('q', 'FB:1', [{ n: 1 }]);
    expect(cache.get('q', 'FB:1')).toEqual([{ n: 1 }]);
    expect(cache.get('q', 'FB:2')).toBeUndefined();
    cache.set('q', 'FB:2', [{ n: 2 }]);
    expect(cache.get('q', 'FB:1')).toBeUndefined();
    expect(cache.get('q', 'FB:2')).toEqual([{ n: 2 }]);
    expect(cache.size).toBe(1);
  });

  it('drops the least recently used answer when full', () => {
    const cache = new AnswerCache(2);
    cache.set('a', 's', [{ a: 1 }]);
    cache.set('b', 's', [{ b: 1 }]);
    cache.get('a', 's');
    cache.set('c', 's', [{ c: 1 }]);
    expect([cache.get('a', 's'), cache.get('b', 's'), cache.get('c', 's')]).toEqual([[{ a: 1 }], undefined, [{ c: 1 }]]);
  });

  it('weighs at most maxCharacters in all: the least recently used go first, and a heavier answer is not kept', () => {
    const weigh = (key: string, rows: Row[]): number => weightOf(key, rows);
    const two = [{ a: 1 }, { a: 2 }];
    // Room for three answers of one row; 'a' of two rows and 'b' fit, and a third answer does not.
    const cache = new AnswerCache(10, 3 * weigh('x', [{ x: 1 }]));
    cache.set('a', 's', two);
    cache.set('b', 's', [{ b: 1 }]);
    expect(cache.characters).toBe(weigh('a', two) + weigh('b', [{ b: 1 }]));
    cache.get('a', 's');
    cache.set('c', 's', [{ c: 1 }]);
    expect([cache.get('a', 's'), cache.get('b', 's'), cache.get('c', 's')]).toEqual([[{ a: 1 }, { a: 2 }], undefined, [{ c: 1 }]]);
    // Replacing an answer frees its weight: 'a' with one row leaves room for 'd'.
    cache.set('a', 't', [{ a: 3 }]);
    cache.set('d', 's', [{ d: 1 }]);
    expect([cache.get('a', 't'), cache.get('c', 's'), cache.get('d', 's')]).toEqual([[{ a: 3 }], [{ c: 1 }], [{ d: 1 }]]);
    const refused = cache.set('e', 's', [{ e: 'x'.repeat(cache.maxCharacters) }]);
    expect(cache.get('e', 's')).toBeUndefined();
    // Not kept, but given to every request that waited for it: frozen as well.
    expect(Object.isFrozen(refused[0])).toBe(true);
    expect(cache.size).toBe(3);
    expect(cache.characters).toBe(weigh('a', [{ a: 3 }]) + weigh('c', [{ c: 1 }]) + weigh('d', [{ d: 1 }]));
    expect(new AnswerCache(500).maxCharacters).toBe(500 * CHARACTERS_PER_ANSWER);
  });

  it('tells the state an answer was kept at without counting it as used', () => {
    const cache = new AnswerCache(2);
    cache.set('a', 's1', [{ a: 1 }]);
    cache.set('b', 's2', [{ b: 1 }]);
    expect([cache.stateOf('a'), cache.stateOf('b'), cache.stateOf('c')]).toEqual(['s1', 's2', undefined]);
    // 'a' was looked at, not used: it is still the least recently used, and goes first.
    cache.set('c', 's3', [{ c: 1 }]);
    expect(cache.stateOf('a')).toBeUndefined();
  });

  it('freezes what it keeps, however deep', () => {
    const cache = new AnswerCache(1);
    const rows = cache.set('q', 's', [{ node: { aliases: ['x'] } }]);
    expect(() => ((rows[0]?.node as { aliases: string[] }).aliases[0] = 'y')).toThrow(TypeError);
    expect(cache.get('q', 's')).toEqual([{ node: { aliases: ['x'] } }]);
  });

  it('keeps nothing at capacity 0, and refuses a capacity that is not a whole number of answers', () => {
    const cache = new AnswerCache(0);
    cache.set('q', 's', [{ n: 1 }]);
    expect(cache.get('q', 's')).toBeUndefined();
    expect(() => new AnswerCache(-1)).toThrow('capacity must be a whole number of answers, 0 or more; received -1');
    expect(() => new AnswerCache(1.5)).toThrow('capacity must be a whole number of answers, 0 or more; received 1.5');
  });

  it('tells queries apart by their text and by their parameters', () => {
    expect(answerKey(cypher('RETURN $x', { x: 1 }))).toBe(answerKey(cypher('RETURN $x', { x: 1 })));
    expect(answerKey(cypher('RETURN $x', { x: 1 }))).not.toBe(answerKey(cypher('RETURN $x', { x: 2 })));
    expect(answerKey(cypher('RETURN $x', { x: 1 }))).not.toBe(answerKey(cypher('RETURN $x AS y', { x: 1 })));
  });
});
