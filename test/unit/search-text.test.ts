/**
 * User text to Lucene query, snippets, and the argument bounds of the exploration queries.
 * The integration test runs the same escaping against the real full-text index.
 */
import fc from 'fast-check';
import { GraphQLError } from 'graphql';
import { bounded, entityNotFound, searchText } from '../../src/graph/analytics/analytics.input';
import { escapeLucene, nameSnippet, searchTerms, textSnippet } from '../../src/graph/analytics/search-text';

/** Lucene's classic syntax: characters with a meaning, and the operator words. */
const SPECIALS = ['+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '\\', '/'];

/** A token the classic parser reads as a plain term: escaped or ordinary characters, or a quoted operator. */
const SAFE_TOKEN = new RegExp(`^(?:"(?:AND|OR|NOT)"|(?:\\\\.|[^\\s${SPECIALS.map((c) => `\\${c}`).join('')}])+)$`);

describe('escapeLucene', () => {
  it('escapes every special character and quotes the operator words', () => {
    expect(escapeLucene('"pause" AND (Waltz OR ~x) [1 TO 2] \\ / *?')).toBe('\\"pause\\" "AND" \\(Waltz "OR" \\~x\\) \\[1 TO 2\\] \\\\ \\/ \\*\\?');
    expect(escapeLucene('NOT a && b || !c')).toBe('"NOT" a \\&\\& b \\|\\| \\!c');
    expect(escapeLucene('+must -not {x} y^2 name:Waltz')).toBe('\\+must \\-not \\{x\\} y\\^2 name\\:Waltz');
  });

  it('leaves words and lower-case and/or/not alone, and collapses whitespace', () => {
    expect(escapeLucene('  intelligence   sharing\tand\npause ')).toBe('intelligence sharing and pause');
    expect(escapeLucene('Zelensky’s “peace plan”')).toBe('Zelensky’s “peace plan”');
  });

  it('turns any text into tokens the parser can only read as terms', () => {
    const unit = fc.constantFrom(...SPECIALS, 'AND', 'OR', 'NOT', 'TO', ' ', '\t', 'a', 'Ω', '1');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        const query = escapeLucene(text);
        return query === '' || query.split(' ').every((token) => SAFE_TOKEN.test(token));
      }),
      { numRuns: 500 },
    );
  });
});

describe('searchTerms', () => {
  it('lower-cases letter and digit runs and drops the rest', () => {
    expect(searchTerms('"Pause" AND (Waltz OR ~x) [1 TO 2]')).toEqual(['pause', 'and', 'waltz', 'or', 'x', '1', 'to', '2']);
    expect(searchTerms('***')).toEqual([]);
  });
});

describe('textSnippet', () => {
  const text = 'I think if we can nail down these negotiations and move towards these negotiations, and in fact, put some confidence-building measures on the table, then the president will take a hard look at lifting this pause.';

  it('keeps six words either side of the match, with ellipses where it cut', () => {
    expect(textSnippet(text, ['pause'])).toBe('…a hard look at lifting this pause.');
    expect(textSnippet(text, ['nail'])).toBe('I think if we can nail down these negotiations and move towards…');
  });

  it('prefers the window holding the most distinct terms', () => {
    expect(textSnippet(text, ['and', 'president', 'look'])).toBe('…measures on the table, then the president will take a hard look at…');
  });

  it('returns a short text whole, collapses whitespace, and gives null when nothing matches', () => {
    expect(textSnippet('Leavitt described the situation as a pause.', ['pause'])).toBe('Leavitt described the situation as a pause.');
    expect(textSnippet('one two\n three', ['three'], 1)).toBe('…two three');
    expect(textSnippet(text, ['waltz'])).toBeNull();
  });
});

describe('nameSnippet', () => {
  it('gives the name or alias holding the most terms, the first on a tie, or null', () => {
    const names = ['John Ratcliffe', 'Ratcliffe', 'CIA Director John Ratcliffe'];
    expect(nameSnippet(names, ['cia', 'director'])).toBe('CIA Director John Ratcliffe');
    expect(nameSnippet(names, ['ratcliffe'])).toBe('John Ratcliffe');
    expect(nameSnippet(['US Department of Defense', 'Department of Defense', 'Pentagon'], ['pentagon'])).toBe('Pentagon');
    expect(nameSnippet(names, ['waltz'])).toBeNull();
  });
});

describe('argument checks', () => {
  const failure = (f: () => unknown): { message: string; code: unknown } => {
    try {
      f();
    } catch (error) {
      if (error instanceof GraphQLError) return { message: error.message, code: error.extensions.code };
      throw error;
    }
    throw new Error('expected a GraphQLError');
  };

  it('bounded takes the fallback when absent and rejects what is out of range or not whole', () => {
    expect(bounded('first', undefined, 1, 10, 3)).toBe(3);
    expect(bounded('first', null, 1, 10, 3)).toBe(3);
    expect(bounded('first', 10, 1, 10, 3)).toBe(10);
    expect(failure(() => bounded('first', 11, 1, 10, 3))).toEqual({ message: 'first must be a whole number from 1 to 10; received 11', code: 'BAD_USER_INPUT' });
    expect(failure(() => bounded('maxHops', 0, 1, 6, 4))).toEqual({ message: 'maxHops must be a whole number from 1 to 6; received 0', code: 'BAD_USER_INPUT' });
  });

  it('searchText trims, and rejects blank and over-long text', () => {
    expect(searchText('  pause ')).toBe('pause');
    expect(failure(() => searchText(' \t '))).toEqual({ message: 'text must contain something to search for; received " \\t "', code: 'BAD_USER_INPUT' });
    expect(failure(() => searchText('x'.repeat(201)))).toEqual({ message: 'text must be at most 200 characters; received 201 characters', code: 'BAD_USER_INPUT' });
  });

  it('entityNotFound names every missing id and its argument', () => {
    const error = entityNotFound([
      { argument: 'from', id: 'person:nobody' },
      { argument: 'to', id: 'person:no-one' },
    ]);
    expect({ message: error.message, extensions: error.extensions }).toEqual({
      message: 'No entity has the id "person:nobody" (from), nor "person:no-one" (to); check it against node(id:) or search(text:)',
      extensions: { code: 'NOT_FOUND', arguments: ['from', 'to'], ids: ['person:nobody', 'person:no-one'] },
    });
  });
});
