/**
 * Attribution rules on small made-up paragraphs: who speaks, which kind, venue and outlets
 * kept apart, nested quotes, pronouns, titles, and what is left out rather than guessed.
 * The extractor runs from the text alone here (no graph).
 */
import { Gazetteer } from '../../src/extract/mentions';
import type { StatementInput } from '../../src/ingest/document';
import { validateDocument } from '../../src/ingest/validate';
import { proposeBody } from '../helpers/extraction';

type Seen = Pick<StatementInput, 'kind' | 'speaker' | 'text'> & { venue?: string | null; reportedBy?: string[]; quotedIn?: string | null };

function statements(text: string, gazetteer?: Gazetteer): Seen[] {
  const { document } = proposeBody(text, gazetteer);
  const validation = validateDocument(document);
  expect(validation.ok ? [] : validation.problems).toEqual([]);
  return document.statements.map((s) => ({
    kind: s.kind,
    speaker: s.speaker,
    text: s.text,
    ...(s.venue ? { venue: s.venue } : {}),
    ...(s.reportedBy ? { reportedBy: s.reportedBy } : {}),
    ...(s.quotedIn ? { quotedIn: s.quotedIn.replace(/^statement:test-article:/, '') } : {}),
  }));
}

function leftOut(text: string): { text: string; flags: readonly string[]; speakerMention: string | null }[] {
  const { document } = proposeBody(text);
  return document.review.filter((r) => r.statement === null).map((r) => ({ text: r.text, flags: r.flags, speakerMention: r.speakerMention }));
}

describe('attributing quotes', () => {
  it('takes the speaker named right after the quote, in either order, and the venue from the same sentence', () => {
    expect(statements('“We will appeal,” said Jane Doyle, the union’s general secretary. “We will win,” Doyle told reporters.')).toEqual([
      { kind: 'DIRECT', speaker: 'person:jane-doyle', text: 'We will appeal,' },
      { kind: 'DIRECT', speaker: 'person:jane-doyle', text: 'We will win,', venue: 'told reporters' },
    ]);
  });

  it('makes a fragment inside the reporting sentence PARTIAL and a whole sentence after a colon DIRECT', () => {
    expect(statements('Mayor Ana Ruiz warned the cuts “will close two libraries” next year. Ruiz added: “We have no other choice.”')).toEqual([
      { kind: 'PARTIAL', speaker: 'person:ana-ruiz', text: 'will close two libraries' },
      { kind: 'DIRECT', speaker: 'person:ana-ruiz', text: 'We have no other choice.' },
    ]);
  });

  it('resolves a pronoun to the last fitting person, and a title to the person who holds it', () => {
    expect(
      statements('Health Minister Ravi Patel opened the clinic on Monday. He said the waiting list had halved.\n“Nobody should wait a year for a scan,” the health minister told reporters.'),
    ).toEqual([
      { kind: 'INDIRECT', speaker: 'person:ravi-patel', text: 'The waiting list had halved.' },
      { kind: 'DIRECT', speaker: 'person:ravi-patel', text: 'Nobody should wait a year for a scan,', venue: 'told reporters' },
    ]);
  });

  it('gives a quote-only paragraph to the speaker of the paragraph before', () => {
    expect(statements('“The river rose a metre in an hour,” said Lena Vogt, a farmer.\n“We lost everything in the lower field.”')).toEqual([
      { kind: 'DIRECT', speaker: 'person:lena-vogt', text: 'The river rose a metre in an hour,' },
      { kind: 'DIRECT', speaker: 'person:lena-vogt', text: 'We lost everything in the lower field.' },
    ]);
  });

  it('makes a quote inside a quote its own statement, by the person the outer speaker quotes', () => {
    const text = 'Daniel Frey fired the whole team on Friday. “He looked at me and said, ‘We are done here,’ and walked out,” Sam Okoro recalled.';
    const found = statements(text);
    const outer = 'He looked at me and said, ‘We are done here,’ and walked out,';
    const start = `Test article\n${text}`.indexOf(outer);
    expect(found).toEqual([
      { kind: 'DIRECT', speaker: 'person:sam-okoro', text: outer },
      { kind: 'DIRECT', speaker: 'person:daniel-frey', text: 'We are done here,', quotedIn: `${start}-${start + outer.length}` },
    ]);
  });

  it('keeps the outlet that reports apart from the venue where it was said, nearest the article first', () => {
    expect(statements('“We are ready,” Petra Kovacs told Reuters, according to the Harbour Gazette.')).toEqual([
      { kind: 'DIRECT', speaker: 'person:petra-kovacs', text: 'We are ready,', venue: 'told Reuters', reportedBy: ['org:harbour-gazette', 'org:reuters'] },
    ]);
    expect(statements('In an interview with Radio Norte, Mayor Ana Ruiz said the budget “will not survive the summer.”')).toEqual([
      { kind: 'PARTIAL', speaker: 'person:ana-ruiz', text: 'will not survive the summer.', venue: 'interview with Radio Norte', reportedBy: ['org:radio-norte'] },
    ]);
  });

  it('reads "X reported" and "per X" as outlets, not speakers', () => {
    expect(statements('The Valley Times reported that Mayor Ana Ruiz warned the budget would fail. Ruiz said she would resign in May, per the Valley Times.')).toEqual([
      { kind: 'INDIRECT', speaker: 'person:ana-ruiz', text: 'The budget would fail.', reportedBy: ['org:valley-times'] },
      { kind: 'INDIRECT', speaker: 'person:ana-ruiz', text: 'She would resign in May.', reportedBy: ['org:valley-times'] },
    ]);
  });

  it('takes the words of a spokesperson as the organisation’s', () => {
    expect(statements('The Coastal Agency said in a statement that the beach would reopen. A spokesperson for the agency added that “the water is safe.”')).toEqual([
      { kind: 'INDIRECT', speaker: 'org:coastal-agency', text: 'The beach would reopen.', venue: 'statement' },
      { kind: 'PARTIAL', speaker: 'org:coastal-agency', text: 'the water is safe.', venue: 'statement' },
    ]);
  });
});

describe('paraphrases', () => {
  it.each(['said', 'told reporters', 'added', 'warned', 'confirmed', 'suggested', 'mentioned', 'indicated', 'insisted'])('makes "%s that …" an INDIRECT statement by its subject', (verb) => {
    expect(statements(`Councillor Ana Ruiz ${verb} that the budget would be cut by a third.`)).toEqual([
      expect.objectContaining({ kind: 'INDIRECT', speaker: 'person:ana-ruiz' }),
    ]);
  });

  it('reads "announced", "called for", "described … as" and the claim-first order', () => {
    expect(
      statements('Mayor Ana Ruiz announced a review of the budget and called for a hiring freeze. Ruiz described the deficit as a warning. The library will close in June, the city’s finance director Omar Haddad confirmed on Tuesday.'),
    ).toEqual([
      { kind: 'INDIRECT', speaker: 'person:ana-ruiz', text: 'Ruiz announced a review of the budget.' },
      { kind: 'INDIRECT', speaker: 'person:ana-ruiz', text: 'Ruiz called for a hiring freeze.' },
      { kind: 'INDIRECT', speaker: 'person:ana-ruiz', text: 'Ruiz described the deficit as a warning.' },
      { kind: 'INDIRECT', speaker: 'person:omar-haddad', text: 'The library will close in June.' },
    ]);
  });

  it('gives "according to" a person as the source of the claim', () => {
    expect(statements('The bridge will close for six months, according to Arjun Mehta, the council’s chief engineer.')).toEqual([
      { kind: 'INDIRECT', speaker: 'person:arjun-mehta', text: 'The bridge will close for six months.' },
    ]);
  });

  it('makes both speakers of "both X and Y suggested" say it', () => {
    expect(statements('Both Ana Ruiz and Omar Haddad suggested the deficit could be closed by spring.').map((s) => s.speaker)).toEqual(['person:ana-ruiz', 'person:omar-haddad']);
  });

  it('does not make a statement of what somebody declined to say or was told', () => {
    expect(statements('Ana Ruiz declined to say whether the budget would pass. Omar Haddad was told the job was gone.')).toEqual([]);
  });
});

describe('what is left for the analyst', () => {
  it('leaves a quote without a speaker out of the statements, flagged, rather than guessing one', () => {
    expect(statements('The so-called “green corridor” opened on Monday. Officials said the road was “the safest route.”')).toEqual([]);
    expect(leftOut('The so-called “green corridor” opened on Monday. Officials said the road was “the safest route.”')).toEqual([
      { text: 'green corridor', flags: ['unattributed'], speakerMention: null },
      { text: 'the safest route.', flags: ['unattributed', 'generic-speaker'], speakerMention: 'Officials' },
    ]);
  });

  it('ignores page furniture', () => {
    expect(statements('Ana Ruiz said the budget would pass.\nScroll down to leave a comment and share your thoughts.\nLeave a Comment\nShare this article')).toEqual([
      { kind: 'INDIRECT', speaker: 'person:ana-ruiz', text: 'The budget would pass.' },
    ]);
  });

  it('uses the graph as the gazetteer: a surname resolves to the existing entity and its id', () => {
    const graph = new Gazetteer([{ id: 'person:ana-maria-ruiz', type: 'Person', name: 'Ana María Ruiz', aliases: ['Ruiz', 'Mayor Ruiz'], kind: null, titles: ['Mayor of Dunmore'] }]);
    expect(statements('“The budget is balanced,” Ruiz said.', graph)).toEqual([{ kind: 'DIRECT', speaker: 'person:ana-maria-ruiz', text: 'The budget is balanced,' }]);
  });
});
