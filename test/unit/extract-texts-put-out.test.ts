/**
 * Statements found on real reporting without a plain "said" beside them (issue 20, fourth
 * round): a quote closed with the other kind of mark, "posted" after a quote, a claim
 * "according to a statement from" a body and "the statement said", "reminded … to", a claim
 * whose attribution ends in a long venue, and a standfirst that repeats the body's quote.
 * The extractor runs from the text alone (no graph).
 */
import { gazetteerOf } from '../../src/extract/gazetteer';
import { pairQuotes } from '../../src/extract/quotes';
import { proposeBody } from '../helpers/extraction';

type Seen = { kind: string; speaker: string; text: string };

const proposal = (text: string) => proposeBody(text, gazetteerOf([])).document;

const statements = (text: string): Seen[] => proposal(text).statements.map((s) => ({ kind: s.kind, speaker: s.speaker, text: s.text }));

const quoted = (text: string): string[] => pairQuotes(text).quotes.map((q) => text.slice(q.start, q.end));

describe('quotation marks of two kinds', () => {
  it('pairs an opening curly mark with a straight closing one, and the other way round', () => {
    expect(quoted('“We will appeal it." And more.')).toEqual(['We will appeal it.']);
    expect(quoted('"We will appeal it.” And more.')).toEqual(['We will appeal it.']);
    expect(pairQuotes('“We will appeal it." And more.').stray).toEqual([]);
  });

  it('still opens a straight quote inside a curly one, and leaves a straight mark after a space unpaired', () => {
    expect(quoted('“She called it "a farce" today,” he said.')).toEqual(['She called it "a farce" today,', 'a farce']);
    const open = pairQuotes('“An open quote and a mark " alone.');
    expect(open.quotes).toEqual([]);
    expect(open.stray.map((m) => m.mark)).toEqual(['“', '"']);
  });
});

describe('a quote whose closing mark the page dropped', () => {
  it('ends at the end of its paragraph when the reporting words come first, and is flagged for review', () => {
    const doc = proposal('Port Director Tomas Reyes said the crews had “worked through the night to clear the berths.\nThe port reopened on Monday.');
    expect(doc.statements.map((s) => [s.kind, s.speaker, s.text])).toEqual([['PARTIAL', 'person:tomas-reyes', 'worked through the night to clear the berths.']]);
    expect(doc.review.find((r) => r.statement === 0)?.flags).toContain('unclosed');
  });

  it('is not guessed when the quote opens the paragraph (the mark may be missing before the attribution)', () => {
    expect(pairQuotes('“We will not stop, the minister said.').quotes).toEqual([]);
  });
});

describe('texts put out without a plain "said"', () => {
  it('gives a quote to whoever "posted" it, and the next sentence of quote to the same person', () => {
    expect(statements('“The ruling ignores the crews,” Mayor Ilse Varga posted on social media late Friday. “We will appeal it."')).toEqual([
      { kind: 'DIRECT', speaker: 'person:ilse-varga', text: 'The ruling ignores the crews,' },
      { kind: 'DIRECT', speaker: 'person:ilse-varga', text: 'We will appeal it.' },
    ]);
  });

  it('reads "according to a statement from" a body as that body’s claim, and "the statement said" as its words', () => {
    const doc = proposal(
      'Dozens of ferries were held in port over the weekend, according to a statement from the Northgate Harbour Board.\nTwo more vessels “will stay at their moorings until the inspectors return” next week, the statement said.',
    );
    expect(doc.statements.map((s) => [s.kind, s.speaker])).toEqual([
      ['INDIRECT', 'org:northgate-harbour-board'],
      ['PARTIAL', 'org:northgate-harbour-board'],
    ]);
    expect(doc.entities.find((e) => e.id === 'org:northgate-harbour-board')?.type).toBe('Organization');
    expect(doc.review.find((r) => r.kind === 'PARTIAL')?.flags).toContain('last-speaker');
  });

  it('leaves "the statement said" unattributed when nobody put a statement out in the paragraphs before', () => {
    const doc = proposal('Ferries stayed in port.\nThe boats were old.\nThe crews went home.\nTwo vessels “will stay at their moorings,” the statement said.');
    expect(doc.statements).toEqual([]);
    expect(doc.review.map((r) => [r.statement, r.text])).toEqual([[null, 'will stay at their moorings,']]);
  });

  it('reads "reminded … to" as a speech verb, and "reminded" of a fact alone as none', () => {
    expect(statements('Port Director Tomas Reyes reminded passengers to check the timetable before travelling.').map((s) => s.speaker)).toEqual(['person:tomas-reyes']);
    expect(statements('Port Director Tomas Reyes reminded everyone of the old harbour.')).toEqual([]);
  });
});

describe('verbs of reflection and feeling that report', () => {
  it('reads "reflected that" and "expressed … gratitude/concern" as speech verbs, and "expressed" of a parcel as none', () => {
    expect(statements('Port Director Tomas Reyes reflected that “there is no quiet season” at the harbour.').map((s) => [s.kind, s.speaker])).toEqual([['PARTIAL', 'person:tomas-reyes']]);
    expect(statements('Port Director Tomas Reyes also expressed his gratitude to the crews for their work.').map((s) => [s.kind, s.speaker])).toEqual([['INDIRECT', 'person:tomas-reyes']]);
    expect(statements('Port Director Tomas Reyes expressed the parcel to the island on Monday.')).toEqual([]);
  });
});

describe('a summary line with no subject', () => {
  it('goes on with the speaker of the line before, flagged, and with nobody when no one spoke just before', () => {
    const doc = proposal('Port Director Tomas Reyes says the harbour will reopen on Monday.\n\nDescribes the closure as a “necessary pause.”');
    expect(doc.statements.map((s) => [s.kind, s.speaker])).toEqual([
      ['INDIRECT', 'person:tomas-reyes'],
      ['PARTIAL', 'person:tomas-reyes'],
    ]);
    expect(doc.review.find((r) => r.kind === 'PARTIAL')?.flags).toEqual(expect.arrayContaining(['subjectless', 'last-speaker']));
    expect(statements('The harbour was quiet.\nDescribes the closure as a “necessary pause.”')).toEqual([]);
  });
});

describe('a show named in quotation marks', () => {
  it('is no statement when the word after it calls it a show', () => {
    const found = statements('“We are sorry for the delays,” Port Director Tomas Reyes said in an interview on Channel Seven’s “Harbour Morning” show.');
    expect(found.map((s) => s.text)).toEqual(['We are sorry for the delays,']);
  });
});

describe('a claim whose attribution ends in a venue', () => {
  it('takes a venue of several words after the verb as part of the attribution', () => {
    expect(statements('At least 40 crossings were cancelled on Saturday, Port Director Tomas Reyes said at a news conference on Sunday morning.').map((s) => s.text)).toEqual([
      'At least 40 crossings were cancelled on Saturday.',
    ]);
  });
});

describe('a standfirst that repeats the body’s quote', () => {
  const repeat = 'breaks every promise the water company made to the valley when it bought the reservoir';

  it('is one statement: the body’s, where the words stand in full', () => {
    const found = statements(`Mayor Ilse Varga said the plan "${repeat}."\nThe council met on Monday.\n"This plan ${repeat}. We will see them in court," Varga said.`);
    expect(found).toEqual([{ kind: 'DIRECT', speaker: 'person:ilse-varga', text: `This plan ${repeat}. We will see them in court,` }]);
  });

  it('keeps a short fragment a lede weaves in, and the same words from another speaker', () => {
    const fragment = statements('Mayor Ilse Varga said the plan "breaks every promise" to the valley.\n"This plan breaks every promise. We will see them in court," Varga said.');
    expect(fragment.map((s) => s.kind)).toEqual(['PARTIAL', 'DIRECT']);
    const other = statements(`Councillor Ruth Amsel said the plan "${repeat}."\n"This plan ${repeat}. We will see them in court," Mayor Ilse Varga said.`);
    expect(other.map((s) => s.speaker)).toEqual(['person:ruth-amsel', 'person:ilse-varga']);
  });
});
