/**
 * The pure parts of statementChanges (src/graph/live): what a changed row means to a
 * subscriber, how a sequence passed back is checked, how a filter becomes predicates on a
 * statement already found, and the settings read from the environment.
 */
import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import { loadConfig, ConfigError } from '../../src/config';
import { parseSequence } from '../../src/graph/live/changes';
import { statementsChangedBy, type ChangeRow, type IngestedDocument } from '../../src/graph/live/live.repository';
import { madeAnew } from '../../src/graph/live/feed';
import { changeOf, sequenceLost } from '../../src/graph/live/stream';
import { filterClauses, filterPredicates } from '../../src/graph/statement/statement.cypher';
import type { StatementHeader } from '../../src/graph/statement/statement.type';

const statement = { __typename: 'Statement', id: 'statement:a:1-5', text: 'word', kind: 'PARTIAL', sortKey: 'k', dayKey: null } as StatementHeader;
const row = (sequence: number, createdSeq: number | null, retracted = false): ChangeRow => ({ sequence, createdSeq, retracted, statement });

describe('changeOf', () => {
  it('calls a statement created after the round began CREATED, whatever happened to it since', () => {
    expect(changeOf(row(12, 11), 10)).toEqual({ sequence: '12', change: 'CREATED', statement });
    expect(changeOf(row(12, 12), 11)).toEqual({ sequence: '12', change: 'CREATED', statement });
  });

  it('calls one created at or before the start UPDATED, and one from before the sequence existed too', () => {
    expect(changeOf(row(12, 10), 10).change).toBe('UPDATED');
    expect(changeOf(row(12, null), 0).change).toBe('UPDATED');
  });

  it('calls a retracted statement RETRACTED, even one created in the round', () => {
    expect(changeOf(row(12, 11, true), 10).change).toBe('RETRACTED');
  });

  it('calls a tombstone DELETED, with no statement and the id it had', () => {
    const tombstone: ChangeRow = { sequence: 14, createdSeq: null, retracted: false, statement: null, deletedId: 'statement:a:6-9' };
    expect(changeOf(tombstone, 10)).toEqual({ sequence: '14', change: 'DELETED', statement: null, deletedId: 'statement:a:6-9' });
  });
});

describe('madeAnew', () => {
  const state = (sequence: number, epoch: string | null) => ({ sequence, epoch, prunedUpTo: 0 });

  it('sees a counter that went back, or has another epoch, or none any more', () => {
    expect(madeAnew(state(40, 'e1'), state(3, 'e2'))).toBe(true);
    expect(madeAnew(state(40, 'e1'), state(90, 'e2'))).toBe(true);
    expect(madeAnew(state(40, 'e1'), state(0, null))).toBe(true);
    expect(madeAnew(state(40, null), state(0, null))).toBe(true);
  });

  it('takes a counter that moved on, or got its first epoch, for the same one', () => {
    expect(madeAnew(state(40, 'e1'), state(40, 'e1'))).toBe(false);
    expect(madeAnew(state(40, 'e1'), state(41, 'e1'))).toBe(false);
    expect(madeAnew(state(0, null), state(2, 'e1'))).toBe(false);
    expect(madeAnew(state(40, null), state(41, 'e1'))).toBe(false);
  });
});

describe('sequenceLost', () => {
  it('tells the client to start over without afterSequence, with the code and the reason', () => {
    const lost = sequenceLost('DELETIONS_PRUNED', 5, 12);
    expect({ message: lost.message, extensions: lost.extensions }).toEqual({
      message: 'statementChanges cannot go on without gaps: deletions up to sequence 12 were pruned, and this subscription resumes after 5. Subscribe again without afterSequence, and read afresh what you show.',
      extensions: { code: 'SEQUENCE_LOST', reason: 'DELETIONS_PRUNED' },
    });
    expect(sequenceLost('SEQUENCE_MADE_ANEW', 40).message).toContain('the change sequence was made anew (the database was emptied or replaced) after sequence 40');
  });
});

describe('parseSequence', () => {
  const refusal = (value: string, current: number): unknown => {
    try {
      parseSequence(value, current);
    } catch (error) {
      return { code: (error as GraphQLError).extensions.code, argument: (error as GraphQLError).extensions.argument, message: (error as Error).message };
    }
    return null;
  };

  it('takes a decimal sequence already handed out', () => {
    expect(parseSequence('0', 0)).toBe(0);
    expect(parseSequence('41', 42)).toBe(41);
    expect(parseSequence('42', 42)).toBe(42);
  });

  it('refuses what is no sequence, and one ahead of the last, naming afterSequence and the value', () => {
    expect(refusal('-1', 5)).toEqual({ code: 'BAD_USER_INPUT', argument: 'afterSequence', message: 'afterSequence must be a sequence as a change gave it (decimal digits); received "-1"' });
    expect(refusal('1e3', 5)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'afterSequence' });
    expect(refusal('9999999999999999', 5)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'afterSequence' });
    expect(refusal('6', 5)).toEqual({ code: 'BAD_USER_INPUT', argument: 'afterSequence', message: 'afterSequence must be a sequence already handed out; the last is 5, received 6' });
  });
});

describe('filterPredicates', () => {
  it('turns every anchor into a link from the statement, whatever its label, an article live or retracted', () => {
    expect(filterPredicates({ speaker: 'person:a', article: 'article:b', kind: 'DIRECT' })).toEqual([
      'EXISTS { (x:Entity {id: $speaker})-[:SAID]->(s) }',
      'EXISTS { (s)-[:APPEARS_IN]->(x:Article|RetractedArticle {id: $article}) }',
      's.kind = $kind',
    ]);
  });

  it('keeps the other conditions as filterClauses writes them', () => {
    const filter = { about: 'policy:p', stance: 'OPPOSES' as const, speakers: ['person:a'], since: '2025-03-01' };
    const { where } = filterClauses(filter);
    expect(filterPredicates(filter).slice(1)).toEqual(where);
    expect(filterPredicates({})).toEqual([]);
  });
});

describe('statementsChangedBy', () => {
  const result = (over: Partial<IngestedDocument>): IngestedDocument => ({ article: 'article:a', created: [], updated: [], evidenceAdded: [], removed: [], ...over });

  it('takes the statements a document created, updated or took evidence from, and no entity or article', () => {
    expect(
      statementsChangedBy(result({ created: ['article:a', 'person:p', 'statement:a:1-5'], updated: ['statement:a:6-9'], removed: ['statement:a:10-12'] })),
    ).toEqual(['statement:a:1-5', 'statement:a:6-9', 'statement:a:10-12']);
  });

  it('takes the quotes that gained evidence only when the article is new or changed: a re-ingest reports them again', () => {
    expect(statementsChangedBy(result({ created: ['article:a'], evidenceAdded: ['statement:b:1-5'] }))).toEqual(['statement:b:1-5']);
    expect(statementsChangedBy(result({ updated: ['article:a'], evidenceAdded: ['statement:b:1-5'] }))).toEqual(['statement:b:1-5']);
    expect(statementsChangedBy(result({ evidenceAdded: ['statement:b:1-5'] }))).toEqual([]);
  });
});

describe('live settings', () => {
  it('default to 10 subscriptions per connection and a 250 ms poll', () => {
    expect(loadConfig({}).live).toEqual({ subscriptionsPerConnection: 10, pollMs: 250 });
    expect(loadConfig({ SUBSCRIPTIONS_PER_CONNECTION: '3', LIVE_POLL_MS: '100' }).live).toEqual({ subscriptionsPerConnection: 3, pollMs: 100 });
  });

  it('refuse a poll too slow to deliver within 2 s, and no subscriptions at all', () => {
    let error: unknown;
    try {
      loadConfig({ SUBSCRIPTIONS_PER_CONNECTION: '0', LIVE_POLL_MS: '5000' });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toEqual([
      'SUBSCRIPTIONS_PER_CONNECTION must be a whole number from 1 to 1000; received "0"',
      'LIVE_POLL_MS must be a whole number from 10 to 1500; received "5000"',
    ]);
  });
});
