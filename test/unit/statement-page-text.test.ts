/**
 * A statement page's Cypher text is kept by the shape of its request (which filter fields are
 * given, the order, whether there is a cursor, what is brought along), so its values must
 * all travel as parameters: two requests of one shape get one text and their own values, and
 * exactly the parameters the text names are sent. The kept texts are bounded; a shape whose
 * text went out of the map gets the same text again.
 */
import { ALL_INCLUDES, NO_INCLUDES, PAGE_ORDERS, SCAN_PER_ROW, translateStatementPage, type StatementIncludes } from '../../src/graph/statement/statement.cypher';

const named = (text: string): string[] => [...new Set(Array.from(text.matchAll(/\$(\w+)/g), (m) => m[1] as string))].sort();

describe('translateStatementPage', () => {
  it('gives one text to requests of one shape, each with its own values', () => {
    const june = translateStatementPage({ since: '2023-06-01', until: '2023-06-30', kinds: ['DIRECT'] }, 21, null, NO_INCLUDES, PAGE_ORDERS.NEWEST_FIRST);
    const july = translateStatementPage({ since: '2023-07-01', until: '2023-07-31', kinds: ['INDIRECT', 'DIRECT'] }, 11, null, NO_INCLUDES, PAGE_ORDERS.NEWEST_FIRST);
    expect(july.cypher).toBe(june.cypher);
    expect(june.params).toEqual({ kinds: ['DIRECT'], windowFrom: '2023-06-01', windowTo: '2023-06-30~', afterKey: '\uffff', limit: 21 });
    expect(july.params).toEqual({ kinds: ['INDIRECT', 'DIRECT'], windowFrom: '2023-07-01', windowTo: '2023-07-31~', afterKey: '\uffff', limit: 11 });
  });

  it('sends exactly the parameters its text names, for anchored and unanchored pages, with and without a cursor', () => {
    const filters = [{}, { about: 'policy:x' }, { speaker: 'person:y', since: '2023-01-01' }, { until: '2023-02-01', stance: 'SUPPORTS' }, { article: 'article:z', reportedByAny: ['organization:w'] }];
    for (const filter of filters) {
      for (const order of Object.values(PAGE_ORDERS)) {
        for (const after of [null, ['2023-01-01|k', 'statement:s'] as const]) {
          const { cypher, params } = translateStatementPage(filter, 21, after, ALL_INCLUDES, order);
          expect(Object.keys(params).sort()).toEqual(named(cypher));
          if (after !== null) expect(params.afterKey).toBe('2023-01-01|k');
        }
      }
    }
    expect(Object.keys(translateStatementPage({ about: 'policy:x' }, 21, null).params).sort()).toEqual(['about', 'afterKey', 'limit', 'scan']);
  });

  it('gives a shape the same text after more shapes than it keeps were asked', () => {
    const first = translateStatementPage({ speaker: 'person:a' }, 5, null, NO_INCLUDES);
    const fields = ['speaker', 'about', 'reportedBy', 'evidence', 'statementFields', 'entityFields', 'roles', 'articles', 'articleText', 'firstEvidenceOnly'] as const;
    // 1 024 combinations of includes, each with two orders: past the bound.
    for (let mask = 0; mask < 1 << fields.length; mask++) {
      const includes = Object.fromEntries(fields.map((f, i) => [f, (mask & (1 << i)) !== 0])) as unknown as StatementIncludes;
      translateStatementPage({ kind: 'DIRECT' }, 5, null, includes, PAGE_ORDERS.OLDEST_FIRST);
      translateStatementPage({ kind: 'DIRECT' }, 5, null, includes, PAGE_ORDERS.NEWEST_FIRST);
    }
    const again = translateStatementPage({ speaker: 'person:b' }, 7, null, NO_INCLUDES);
    expect(again.cypher).toBe(first.cypher);
    expect(first.params).toEqual({ speaker: 'person:a', afterKey: '', limit: 5, scan: 5 * SCAN_PER_ROW });
    expect(again.params).toEqual({ speaker: 'person:b', afterKey: '', limit: 7, scan: 7 * SCAN_PER_ROW });
  });
});
