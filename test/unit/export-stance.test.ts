/**
 * The stance of each topic link in the exports (src/ingest/export.ts, jsonld.ts): the CSV
 * has it per topic, and JSON-LD carries it and reads it back into the document ingest takes.
 */
import type { ArticleDocument } from '../../src/ingest/document';
import { toCsv, type ExportedArticle } from '../../src/ingest/export';
import { documentsFromJsonLd, toJsonLd } from '../../src/ingest/jsonld';

const TEXT = 'Stance test\n“Tariffs are a tax,” Ann said. Bob defended them.';

const exported = (): ExportedArticle => ({
  document: {
    article: { id: 'article:stance-test', title: 'Stance test', text: TEXT, publishedAt: '2025-03-05' },
    entities: [
      { id: 'person:ann', type: 'Person', name: 'Ann' },
      { id: 'person:bob', type: 'Person', name: 'Bob' },
      { id: 'place:utopia', type: 'Place', name: 'Utopia' },
      { id: 'policy:tariff', type: 'Policy', name: 'Tariff' },
    ],
    mentions: ['person:ann', 'person:bob'],
    sequences: [],
    statements: [
      {
        kind: 'DIRECT',
        speaker: 'person:ann',
        text: 'Tariffs are a tax',
        start: 13,
        end: 30,
        about: ['policy:tariff', 'place:utopia'],
        stances: [{ about: 'policy:tariff', stance: 'OPPOSES' }],
      },
      { kind: 'INDIRECT', speaker: 'person:bob', text: 'Bob defended the tariff', start: 44, end: 61, about: ['policy:tariff'], stances: [{ about: 'policy:tariff', stance: 'SUPPORTS', confidence: 0.75 }] },
      { kind: 'INDIRECT', speaker: 'person:bob', text: 'Bob spoke', start: 40, end: 43 },
    ],
  },
  statementIds: ['statement:stance-test:13-30', 'statement:stance-test:2', 'statement:stance-test:3'],
});

describe('stances in the exports', () => {
  it('CSV: the stance on each topic, in the order of the topics, UNCLEAR where none was given', () => {
    const [header, ...rows] = toCsv([exported()]).trimEnd().split('\r\n');
    const columns = header?.split(',') ?? [];
    const stanceOf = (row: string | undefined): string | undefined => row?.split(',')[columns.indexOf('about_stance')];
    expect(columns.slice(-2)).toEqual(['end', 'about_stance']);
    expect(rows.map(stanceOf)).toEqual(['OPPOSES;UNCLEAR', 'SUPPORTS', '']);
  });

  it('JSON-LD: each stance a node of its own, read back into the same stances', () => {
    const jsonld = toJsonLd([exported()]) as { '@graph': Record<string, unknown>[] };
    const quotation = jsonld['@graph'].find((n) => n['@id'] === 'statement:stance-test:2');
    expect(quotation?.['nkg:stance']).toEqual([{ '@type': 'nkg:Stance', 'nkg:about': { '@id': 'policy:tariff' }, 'nkg:value': 'SUPPORTS', 'nkg:confidence': 0.75 }]);
    const [document] = documentsFromJsonLd(JSON.parse(JSON.stringify(jsonld)) as { '@graph': Record<string, unknown>[] }) as ArticleDocument[];
    expect(document?.statements.map((s) => s.stances)).toEqual([
      [{ about: 'policy:tariff', stance: 'OPPOSES' }],
      [{ about: 'policy:tariff', stance: 'SUPPORTS', confidence: 0.75 }],
      [],
    ]);
  });
});
