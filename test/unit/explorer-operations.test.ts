/**
 * The explorer's operations against the committed schema, without a browser, a server or a
 * database: every operation explorer/src/api.ts exports is parsed and validated by
 * graphql-js against schema/schema.graphql (the rules every GraphQL server applies before it
 * runs anything), and every call the explorer's code makes sends one of them. A field renamed
 * in the API then fails here, in seconds, not only in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import * as api from '../../explorer/src/api';

const ROOT = path.resolve(__dirname, '../..');
const EXPLORER = path.join(ROOT, 'explorer', 'src');
const schema = buildSchema(readFileSync(path.join(ROOT, 'schema', 'schema.graphql'), 'utf8'));

/** api.ts's exported GraphQL documents, by their constant's name. */
const operations = Object.entries(api as Record<string, unknown>).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string' && /^\s*(query|mutation|subscription)\b/.test(entry[1]),
);

/**
 * graphql-js 16's rules check no field of an operation whose root type the schema lacks (a
 * subscription against a schema without one validates clean), so that is checked here first.
 */
function problems(document: string): string[] {
  const parsed = parse(document);
  const missing = parsed.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && !schema.getRootType(d.operation))
    .map((d) => `The schema has no ${d.operation} type for ${d.name?.value ?? 'an anonymous operation'}.`);
  return missing.length > 0 ? missing : validate(schema, parsed).map((error) => error.message);
}

/**
 * The constant each call of `query(...)` in the explorer's code sends, and each subscription
 * payload (`{ query: CONSTANT }`, graphql-ws) names, with the file it is in (its definition aside).
 */
function sentOperations(): { file: string; sent: string }[] {
  const files = (readdirSync(EXPLORER, { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file));
  return files.flatMap((file) =>
    [...readFileSync(path.join(EXPLORER, file), 'utf8').matchAll(/(?<!function )\bquery(?:<.*?>)?(?:\(|:)\s*([A-Z_$][\w$]*)/g)].map((match) => ({ file, sent: match[1] as string })),
  );
}

describe("the explorer's GraphQL operations", () => {
  it('are found in explorer/src/api.ts, one named operation each', () => {
    const names = operations.map(([constant, document]) => {
      const definitions = parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      return [constant, definitions.map((d) => d.name?.value)];
    });
    expect(names).toEqual([
      ['SEARCH', ['ExplorerSearch']],
      ['ENTITY', ['ExplorerEntity']],
      ['STATEMENT', ['ExplorerStatement']],
      ['ARTICLE', ['ExplorerArticle']],
      ['PATHS', ['ExplorerPaths']],
      ['TIMELINE', ['ExplorerTimeline']],
      ['ATTRIBUTION', ['ExplorerAttribution']],
      ['SERIES', ['ExplorerSeries']],
      ['NETWORK', ['ExplorerNetwork']],
      ['NETWORK_RANKING', ['ExplorerNetworkRanking']],
      ['EVIDENCE_STATEMENT', ['ExplorerEvidenceStatement']],
      ['SYNTHETIC_OUTLETS', ['ExplorerSyntheticOutlets']],
      ['STATEMENT_CHANGES', ['ExplorerStatementChanges']],
      ['CATALOGUE', ['ExplorerCatalogue']],
    ]);
  });

  it.each(operations)('%s is valid against schema/schema.graphql', (_constant, document) => {
    expect(problems(document)).toEqual([]);
  });

  it('are the only documents the explorer sends', () => {
    const sent = sentOperations();
    const exported = new Set(operations.map(([constant]) => constant));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter(({ sent: constant }) => !exported.has(constant))).toEqual([]);
    // Each exported operation is sent from somewhere (CATALOGUE by api.ts itself).
    expect([...exported].filter((constant) => !sent.some((s) => s.sent === constant))).toEqual([]);
  });

  it('fail here when the schema does not have what they ask for', () => {
    expect(problems(api.SEARCH.replace('snippet', 'snipet'))).toEqual(['Cannot query field "snipet" on type "SearchHit". Did you mean "snippet"?']);
    expect(problems(api.SEARCH.replace(/^query ExplorerSearch/, 'subscription ExplorerSearch'))).toEqual([
      schema.getSubscriptionType() ? 'Cannot query field "search" on type "Subscription".' : 'The schema has no subscription type for ExplorerSearch.',
    ]);
    expect(problems(api.TIMELINE.replace('$entity: ID', '$entity: Int'))).toEqual([
      'Variable "$entity" of type "Int" used in position expecting type "ID".',
    ]);
  });
});
