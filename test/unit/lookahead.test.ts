/**
 * The lookahead's answers are worked out once per selection of a parsed query, and shared by
 * every request that sends the same query (Apollo keeps parsed documents): the same
 * includes object, so the loaders key it once. A different selection must get its own.
 */
import { parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { selectedPaths } from '../../src/graph/lookahead';
import { statementIncludes } from '../../src/graph/statement/statement.fetch';

function rootField(query: string): FieldNode {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return operation.selectionSet.selections[0] as FieldNode;
}

/** What graphql-js gives a resolver: a fresh list of field nodes for each request. */
const infoFor = (...fieldNodes: FieldNode[]): GraphQLResolveInfo => ({ fieldNodes, fragments: {} }) as unknown as GraphQLResolveInfo;

describe('statementIncludes', () => {
  const withSpeaker = rootField('{ statement(id: "s") { id text speaker { id name } } }');
  const withEvidence = rootField('{ statement(id: "s") { id evidence { start article { id title text } } } }');

  it('gives every request of the same query the same includes object', () => {
    const first = statementIncludes(infoFor(withSpeaker), '');
    expect(statementIncludes(infoFor(withSpeaker), '')).toBe(first);
    expect(first).toMatchObject({ speaker: true, roles: false, evidence: false, articles: false, statementFields: false });
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('works out a different selection, or another prefix, on its own', () => {
    const evidence = statementIncludes(infoFor(withEvidence), '');
    expect(evidence).toMatchObject({ speaker: false, evidence: true, articles: true, articleText: true });
    expect(statementIncludes(infoFor(withSpeaker), 'edges.node.')).toMatchObject({ speaker: false, evidence: false });
  });

  it('walks a field selected twice (two nodes) from both of its nodes', () => {
    const paths = selectedPaths(infoFor(withSpeaker, withEvidence));
    expect([...paths].sort()).toEqual(['evidence', 'evidence.article', 'evidence.article.id', 'evidence.article.text', 'evidence.article.title', 'evidence.start', 'id', 'speaker', 'speaker.id', 'speaker.name', 'text']);
  });
});
