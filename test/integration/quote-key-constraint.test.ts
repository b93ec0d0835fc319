/**
 * The unique quote key (schema/constraints.cypher) on a store that cannot take it: one
 * written before the constraint, already holding two statements with one key. Start-up
 * must not fail there; the plain index comes back instead, and the constraint is made at
 * the first start after the duplicates are gone. On a scratch graph, whose schema the test
 * puts back as it found it.
 */
import { applyConstraints } from '../../src/db/constraints';
import { cypher } from '../../src/db/cypher';
import { scratchGraph, type ScratchGraph } from '../helpers/own-neo4j';

let own: ScratchGraph;
beforeAll(async () => {
  own = await scratchGraph();
}, 120_000);
afterAll(async () => {
  await own.stop();
});

const schemaOf = async (): Promise<string[]> =>
  (await own.gateway.read(cypher("SHOW INDEXES YIELD name, type, owningConstraint WHERE name STARTS WITH 'statement_quote_key' RETURN name, type, owningConstraint IS NOT NULL AS constraint ORDER BY name")))
    .map((r) => `${r.name as string} ${r.type as string}${r.constraint ? ' (constraint)' : ''}`);

it('a store with duplicate quote keys starts with the plain index, and gets the constraint once they are gone', async () => {
  expect(await schemaOf()).toEqual(['statement_quote_key_unique RANGE (constraint)']);
  await own.gateway.write((tx) => tx.run(cypher('DROP CONSTRAINT statement_quote_key_unique')));
  try {
    await own.gateway.write((tx) =>
      tx.run(cypher("UNWIND ['statement:old-a:1-5', 'statement:old-b:1-5'] AS id CREATE (:Statement {id: id, quoteKey: 'person:x|same words'})")),
    );
    await applyConstraints(own.gateway);
    expect(await schemaOf()).toEqual(['statement_quote_key RANGE']);
  } finally {
    await own.gateway.write((tx) => tx.run(cypher("MATCH (s:Statement) WHERE s.id IN ['statement:old-a:1-5', 'statement:old-b:1-5'] DELETE s")));
    await applyConstraints(own.gateway);
  }
  expect(await schemaOf()).toEqual(['statement_quote_key_unique RANGE (constraint)']);
}, 120_000);
