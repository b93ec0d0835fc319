/**
 * How real reporting names where words came from (issue 20, patterns 4, 5, 6 and described
 * speakers): outlets reporting in their own name, venues on social platforms, occasions named
 * once and pointed back at, shows, interviews a guest gave, texts read out by someone else,
 * and speakers known only by a description. Passages written for these tests; the extractor
 * runs from the text alone unless a graph is given.
 */
import { gazetteerOf } from '../../src/extract/gazetteer';
import type { EntityInput } from '../../src/ingest/document';
import { proposeBody } from '../helpers/extraction';

type Seen = { kind: string; speaker: string; text: string; venue?: string; reportedBy?: readonly string[] };

const proposal = (text: string, graph: readonly EntityInput[] = []) => proposeBody(text, gazetteerOf(graph));

function statements(text: string, graph: readonly EntityInput[] = []): Seen[] {
  return proposal(text, graph).document.statements.map((s) => ({
    kind: s.kind,
    speaker: s.speaker,
    text: s.text,
    ...(s.venue ? { venue: s.venue } : {}),
    ...(s.reportedBy && s.reportedBy.length > 0 ? { reportedBy: s.reportedBy } : {}),
  }));
}

const outlet = (id: string, name: string): EntityInput => ({ id, type: 'Organization', name, aliases: [], kind: 'NEWS_OUTLET' });
const person = (id: string, name: string): EntityInput => ({ id, type: 'Person', name, aliases: [] });

describe('an outlet as the source', () => {
  it('reports in its own name through "according to a report from" and "The report said"', () => {
    expect(statements('Mayor Jane Doyle met the developers twice, according to a report from the Hartley Herald.\nThe report said the meetings were not recorded.')).toEqual([
      { kind: 'INDIRECT', speaker: 'org:hartley-herald', text: 'Mayor Jane Doyle met the developers twice.' },
      { kind: 'INDIRECT', speaker: 'org:hartley-herald', text: 'The meetings were not recorded.' },
    ]);
  });

  it('is no speaker when it reports someone else’s words, and "the report" with no outlet before it is nobody', () => {
    expect(statements('According to the Hartley Herald, Mayor Jane Doyle said the budget was short.').map((s) => s.speaker)).toEqual(['person:jane-doyle']);
    expect(statements('The report said the meetings were not recorded.')).toEqual([]);
  });

  it('keeps its name as subject across "first reported"', () => {
    expect(statements('The Coastal Courier first reported that the council planned a sale.')).toEqual([{ kind: 'INDIRECT', speaker: 'org:coastal-courier', text: 'The council planned a sale.' }]);
  });

  it('is the outlet of words given "in comments to" it', () => {
    expect(statements('Chair Nadia Ferrant said in comments to the Harbour Chronicle that the docks “lose money every winter.”')).toEqual([
      { kind: 'PARTIAL', speaker: 'person:nadia-ferrant', text: 'lose money every winter.', venue: 'comments to the Harbour Chronicle', reportedBy: ['org:harbour-chronicle'] },
    ]);
  });
});

describe('venues on social platforms', () => {
  it('reads "posted on her platform, Threads", "said on social media" and "in a post on X" as posts', () => {
    const seen = statements('Senator Ilse Varga posted on her social media platform, Threads, that the tax would wait.\nMayor Jane Doyle said on social media that the vote was fair.\n“It is over,” Paul Ames wrote in a post on X.');
    expect(seen.map((s) => s.venue)).toEqual(['post on Threads', 'post on social media', 'post on X']);
  });

  it('does not read a platform into "on" that no posting verb governs', () => {
    expect(statements('Mayor Jane Doyle said the ban on X would hurt small shops.').map((s) => s.venue)).toEqual([undefined]);
  });
});

describe('an occasion named once', () => {
  it('is the venue of a later sentence that points back at it ("who held the conference", "in her post")', () => {
    const seen = statements(
      'In a press conference at City Hall, Mayor Jane Doyle said the budget was short.\nDeputy Mayor Paul Ames, who held the conference with Doyle, told the press, “We will find the money.”\nSenator Ilse Varga posted on Threads that the tax would wait.\nIn her post, Varga said the delay would “give families breathing room.”',
    );
    expect(seen.map((s) => [s.speaker, s.venue])).toEqual([
      ['person:jane-doyle', 'press conference'],
      ['person:paul-ames', 'press conference'],
      ['person:ilse-varga', 'post on Threads'],
      ['person:ilse-varga', 'post on Threads'],
    ]);
  });

  it('gives a guest’s interview, with its outlet, to the answers that follow; "testifying before" a body too', () => {
    const graph = [outlet('org:channel-nine-news', 'Channel Nine News'), person('person:otto-brandl', 'Otto Brandl')];
    expect(statements('Much of the reaction traced back to an interview Finance Minister Otto Brandl had on Channel Nine News on Monday.\nBrandl responded: “The tax is not going away.”', graph)).toEqual([
      { kind: 'DIRECT', speaker: 'person:otto-brandl', text: 'The tax is not going away.', venue: 'interview on Channel Nine News', reportedBy: ['org:channel-nine-news'] },
    ]);
    expect(statements('The vote came while Treasurer Mia Holt was testifying before a budget committee.\n“We have about 90 days,” Holt said.').map((s) => s.venue)).toEqual(['budget committee']);
  });

  it('is not carried to words said "earlier"', () => {
    const seen = statements('Mayor Jane Doyle told reporters, “The budget is short.”\nDoyle earlier said the city would borrow.');
    expect(seen.map((s) => s.venue)).toEqual(['told reporters', undefined]);
  });

  it('in a sentence that names a show, is the show rather than the outlet the words were told to', () => {
    expect(statements('“We will look at the timing,” Otto Brandl told Radio Kestrel’s Mara Olsen on “The Morning Desk.”')).toEqual([
      { kind: 'DIRECT', speaker: 'person:otto-brandl', text: 'We will look at the timing,', venue: 'The Morning Desk', reportedBy: ['org:radio-kestrel'] },
    ]);
  });
});

describe('a text read out by someone else', () => {
  it('is its author’s, with the text as venue, when the author is named with it', () => {
    expect(statements('A letter from the jailed editor Tomas Vrana was read out by his daughter at a rally.\n“I am not afraid of the court,” she read from the letter.')).toEqual([
      { kind: 'DIRECT', speaker: 'person:tomas-vrana', text: 'I am not afraid of the court,', venue: 'letter' },
    ]);
  });

  it('is nobody’s when no author is named: never the reader’s', () => {
    const p = proposal('Councillor Paul Ames spoke at the school.\n“We will rebuild the school,” Ames read from a letter written by the head teacher.');
    expect(p.document.statements).toEqual([]);
    expect(p.document.review.map((r) => [r.statement, r.flags.includes('unattributed')])).toEqual([[null, true]]);
  });
});

describe('speakers known by a description', () => {
  it('gives "<Organisation> spokeswoman" the organisation’s voice, like "a spokesperson for"', () => {
    const graph = [{ id: 'org:hartley-council', type: 'Organization', name: 'Hartley Council', aliases: [], kind: 'OTHER' } as EntityInput];
    expect(statements('“We will not comment,” a Hartley Council spokeswoman said.', graph)).toEqual([{ kind: 'DIRECT', speaker: 'org:hartley-council', text: 'We will not comment,' }]);
  });

  it('makes no statement of an unnamed official, and lists the quote as a generic speaker’s', () => {
    const p = proposal('“Nobody planned for this,” a senior administration official told reporters.\nA senior administration official said the talks would resume.');
    expect(p.document.statements).toEqual([]);
    expect(p.document.review.map((r) => [r.speakerMention, r.flags.includes('generic-speaker')])).toEqual([['a senior administration official', true]]);
  });
});
