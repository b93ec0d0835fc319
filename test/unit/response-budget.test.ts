/**
 * countStringBytes and ResponseBudget (src/http/response-budget.ts) on a schema of their
 * own: string fields spend their UTF-8 bytes, plain and promised values and lists alike;
 * past the budget every string field fails with the one LIMIT_EXCEEDED; without a budget
 * in the context nothing is counted.
 */
import { buildSchema, execute, parse } from 'graphql';
import { countStringBytes, ResponseBudget } from '../../src/http/response-budget';

const schema = countStringBytes(
  buildSchema(`
    type Query { items(n: Int!): [Item!]! }
    type Item { id: Int! text: String! later: String words: [String!]! }
  `),
);
const TEXT = 'é'.repeat(50); // 100 bytes in UTF-8
const root = {
  items: ({ n }: { n: number }) => Array.from({ length: n }, (_, id) => ({ id, text: TEXT, later: () => Promise.resolve('abc'), words: ['ab', 'cd'] })),
};

async function run(query: string, budget?: ResponseBudget) {
  return execute({ schema, document: parse(query), rootValue: root, contextValue: budget === undefined ? {} : { responseBudget: budget } });
}

describe('the response budget', () => {
  it('counts the UTF-8 bytes of string values, promised ones and lists included', async () => {
    const budget = new ResponseBudget(10_000);
    const result = await run('{ items(n: 3) { id text later words } }', budget);
    expect(result.errors).toBeUndefined();
    expect(budget.exceeded).toBe(false);
    // 3 × (100 + 3 + 4) = 321 bytes, so a budget of 321 passes and 320 does not.
    expect((await run('{ items(n: 3) { id text later words } }', new ResponseBudget(321))).errors).toBeUndefined();
    const over = new ResponseBudget(320);
    const stopped = await run('{ items(n: 3) { id text later words } }', over);
    expect(over.exceeded).toBe(true);
    expect(stopped.errors?.map((e) => e.extensions.code)).toEqual(['LIMIT_EXCEEDED']);
  });

  it('fails every string field past the budget with the same error, naming MAX_RESPONSE_BYTES', async () => {
    const budget = new ResponseBudget(250);
    const result = await run('{ items(n: 5) { text } }', budget);
    // Two texts fit; the third passes the budget, and Item.text is non-null, so the list goes.
    expect(result.data).toBeNull();
    const messages = new Set(result.errors?.map((e) => e.message));
    expect([...messages]).toEqual([
      'The response would carry more than 250 bytes of text; the limit is 250 (MAX_RESPONSE_BYTES), and the query was stopped. Ask for fewer items (first) or leave out long fields such as Article.text.',
    ]);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_RESPONSE_BYTES', max: 250 });
  });

  it('counts nothing for a context without a budget, and wraps a schema only once', async () => {
    expect((await run('{ items(n: 100) { text } }')).errors).toBeUndefined();
    countStringBytes(schema);
    const budget = new ResponseBudget(100);
    expect((await run('{ items(n: 1) { text } }', budget)).errors).toBeUndefined();
  });
});
