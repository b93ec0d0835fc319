import { parse, type OperationDefinitionNode } from 'graphql';
import { PreparedOperations, plainJsonHeaders, plainRequest } from '../../src/http/fast-path';

const prepare = (text: string) => {
  const document = parse(text);
  return { document, operation: document.definitions[0] as OperationDefinitionNode };
};

describe('PreparedOperations', () => {
  it('finds a query by its text and operation name, and nothing else', () => {
    const prepared = new PreparedOperations(10);
    const query = 'query A { people { totalCount } }';
    prepared.remember(query, 'A', prepare(query));
    expect(prepared.find({ query, operationName: 'A', variables: undefined })?.operation.name?.value).toBe('A');
    expect(prepared.find({ query, operationName: undefined, variables: undefined })).toBeUndefined();
    expect(prepared.find({ query: `${query} `, operationName: 'A', variables: undefined })).toBeUndefined();
  });

  it('never keeps a mutation, nor a very long text, nor anything when its size is 0', () => {
    const prepared = new PreparedOperations(10);
    const mutation = 'mutation { ingestArticle(document: {}) { article } }';
    prepared.remember(mutation, undefined, prepare(mutation));
    const long = `query { people { totalCount } } ${'#'.repeat(20_001)}`;
    prepared.remember(long, undefined, prepare(long));
    expect(prepared.size).toBe(0);
    const off = new PreparedOperations(0);
    off.remember('{ people { totalCount } }', undefined, prepare('{ people { totalCount } }'));
    expect(off.size).toBe(0);
  });

  it('drops the least recently used first', () => {
    const prepared = new PreparedOperations(2);
    const texts = ['{ a }', '{ b }', '{ c }'];
    prepared.remember(texts[0] as string, undefined, prepare(texts[0] as string));
    prepared.remember(texts[1] as string, undefined, prepare(texts[1] as string));
    expect(prepared.find({ query: texts[0] as string, operationName: undefined, variables: undefined })).toBeDefined();
    prepared.remember(texts[2] as string, undefined, prepare(texts[2] as string));
    expect(texts.map((query) => prepared.find({ query, operationName: undefined, variables: undefined }) !== undefined)).toEqual([true, false, true]);
  });
  it('keeps every text it counts reachable when an eviction empties a name', () => {
    const prepared = new PreparedOperations(2);
    const find = (query: string, operationName: string) => prepared.find({ query, operationName, variables: undefined });
    prepared.remember('query A { a }', 'A', prepare('query A { a }'));
    prepared.remember('query B { b }', 'B', prepare('query B { b }'));
    expect(find('query B { b }', 'B')).toBeDefined();
    // The only text under A is the oldest: remembering a second text under A evicts it.
    prepared.remember('query A { c }', 'A', prepare('query A { c }'));
    expect(prepared.size).toBe(2);
    expect(find('query A { c }', 'A')).toBeDefined();
    expect(find('query B { b }', 'B')).toBeDefined();
    expect(find('query A { a }', 'A')).toBeUndefined();
  });
});

describe('what the fast path may answer', () => {
  it('a JSON object with a query, and variables and an operation name if any', () => {
    expect(plainRequest({ query: '{ a }' })).toEqual({ query: '{ a }', operationName: undefined, variables: undefined });
    expect(plainRequest({ query: '{ a }', variables: null, operationName: null })).toEqual({ query: '{ a }', operationName: undefined, variables: undefined });
    expect(plainRequest({ query: '{ a }', variables: { n: 1 }, operationName: 'A' })).toEqual({ query: '{ a }', operationName: 'A', variables: { n: 1 } });
    for (const body of [undefined, '{ a }', [{ query: '{ a }' }], { query: '' }, { query: '{ a }', extensions: {} }, { query: '{ a }', variables: '{}' }, { query: '{ a }', variables: [] }, { query: '{ a }', operationName: 1 }, { query: '{ a }', operationName: '' }, { query: '{ a }', operationName: 'A\n{ a }' }]) {
      expect(plainRequest(body)).toBeUndefined();
    }
  });

  it('a JSON body whose answer the client takes as application/json', () => {
    expect(plainJsonHeaders('application/json', undefined)).toBe(true);
    expect(plainJsonHeaders('application/json; charset=utf-8', '*/*')).toBe(true);
    expect(plainJsonHeaders('application/json', 'application/json')).toBe(true);
    expect(plainJsonHeaders('application/json', 'application/graphql-response+json')).toBe(false);
    expect(plainJsonHeaders('application/json', 'application/graphql-response+json, application/json;q=0.9')).toBe(false);
    expect(plainJsonHeaders('text/plain', undefined)).toBe(false);
    expect(plainJsonHeaders('application/json; charset=latin1', undefined)).toBe(false);
    expect(plainJsonHeaders(undefined, undefined)).toBe(false);
  });
});
