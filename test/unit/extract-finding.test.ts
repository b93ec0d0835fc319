/**
 * The rules that find statements on copied pages (issue 20): a quote broken over a line of
 * its own paragraph, a dateline before the first name, a photo caption with its credit,
 * "asked" after a question, a speaker and verb that introduce the next quote, and a generic
 * subject of a coordinated verb. The extractor runs from the text alone (no graph).
 */
import { gazetteerOf } from '../../src/extract/gazetteer';
import { blankAsides, layOut } from '../../src/extract/layout';
import { breaksInsideQuote } from '../../src/extract/quotes';
import { proposeBody } from '../helpers/extraction';

type Seen = { kind: string; speaker: string; text: string; venue?: string };

function statements(text: string, gazetteer = gazetteerOf([])): Seen[] {
  const { document } = proposeBody(text, gazetteer);
  return document.statements.map((s) => ({ kind: s.kind, speaker: s.speaker, text: s.text, ...(s.venue ? { venue: s.venue } : {}) }));
}

const line = (text: string, n: number): { start: number; end: number } => {
  const lines = text.split('\n');
  const start = lines.slice(0, n).reduce((a, l) => a + l.length + 1, 0);
  return { start, end: start + (lines[n] as string).length };
};

describe('a quote broken over a line inside its paragraph', () => {
  it('is one quote when the first line leaves it open and the second closes it', () => {
    const text = '“The first half of the quote.\nAnd its second half,” she said.';
    expect(breaksInsideQuote(text, line(text, 0), line(text, 1))).toBe(true);
    const layout = layOut(text);
    expect(layout.paragraphs).toHaveLength(1);
    expect(layout.quotes.map((q) => text.slice(q.start, q.end))).toEqual(['The first half of the quote.\nAnd its second half,']);
    expect(layout.stray).toEqual([]);
  });

  it('is not joined when the next line opens a quote of its own (a quote that runs on) or closes nothing', () => {
    const runsOn = '“A quote that runs on.\n“And goes on,” she said.';
    expect(breaksInsideQuote(runsOn, line(runsOn, 0), line(runsOn, 1))).toBe(false);
    const closed = '“A whole quote,” she said.\nAnd a “second” line.';
    expect(breaksInsideQuote(closed, line(closed, 0), line(closed, 1))).toBe(false);
    const stray = '“An open quote and nothing more.\nA plain line.';
    expect(breaksInsideQuote(stray, line(stray, 0), line(stray, 1))).toBe(false);
  });

  it('gives an announced statement broken over two lines to whoever the paragraph before announced', () => {
    expect(statements('Mayor Ingrid Solberg released the following statement on Tuesday.\n“The vote keeps us connected.\nI thank every councillor.”')).toEqual([
      { kind: 'DIRECT', speaker: 'person:ingrid-solberg', text: 'The vote keeps us connected.\nI thank every councillor.', venue: 'statement' },
    ]);
  });
});

describe('page furniture inside a paragraph', () => {
  it('blanks a dateline, so the place is not the paragraph’s first name', () => {
    const text = 'PORT ELLIS, WESTMARK – Mayor Ingrid Solberg spoke.\nWASHINGTON (AP) — Officials met.\nUS officials — the few who spoke — agreed.';
    expect(blankAsides(text).split('\n')).toEqual([`${' '.repeat(23)}Mayor Ingrid Solberg spoke.`, `${' '.repeat(18)}Officials met.`, 'US officials — the few who spoke — agreed.']);
  });

  it('reads a line that ends with a photo credit as a caption, whatever it quotes', () => {
    const text = 'Caption test\n“We will not cut the crossing,” Mayor Ingrid Solberg said on Tuesday. Petra Lund/Westmark Post\n“We will win,” Jane Doyle said. John Roe/AP\nThe union and the company/board met.';
    expect(layOut(text, 'Caption test').paragraphs.map((p) => p.kind)).toEqual(['title', 'furniture', 'furniture', 'body']);
  });
});

describe('speakers of questions and of quotes within quotes', () => {
  it('takes "asked" right after a question as its speech verb, but not "asked" alone elsewhere', () => {
    expect(statements('“Who pays when the fares go up?” Councillor Aron Maki asked the mayor.\nAsked about the fares, the mayor smiled.')).toEqual([
      { kind: 'DIRECT', speaker: 'person:aron-maki', text: 'Who pays when the fares go up?' },
    ]);
  });

  it('gives a quote after a finished one to the speaker whose verb introduces it, and leaves generic people out', () => {
    const found = statements('“Every winter, people would stop me and say, ‘Just close the route.’\nI told them, ‘As long as I am mayor, the boat will run,’” Ingrid Solberg said.');
    expect(found.map((s) => [s.speaker, s.text])).toEqual([
      ['person:ingrid-solberg', 'Every winter, people would stop me and say, ‘Just close the route.’\nI told them, ‘As long as I am mayor, the boat will run,’'],
      ['person:ingrid-solberg', 'As long as I am mayor, the boat will run,'],
    ]);
  });
});

describe('words put out on a page or a network', () => {
  it('takes "posted … that" as a speech verb, and a quote after "with her own comments:" as the clause subject’s', () => {
    expect(statements('Dorian Vell posted on the company’s page on the Quayside network that “no crossing will be cut.”\nHanne Roos reposted a clip of the debate with her own comments: “The route is safe.”')).toEqual([
      { kind: 'PARTIAL', speaker: 'person:dorian-vell', text: 'no crossing will be cut.' },
      { kind: 'DIRECT', speaker: 'person:hanne-roos', text: 'The route is safe.' },
    ]);
  });

  it('gives what follows "sent … a message:" to the subject, but not what follows "had one message:" (the writer’s framing)', () => {
    expect(statements('Dorian Vell sent the crews a short message: the timetable would not change.\nDorian Vell had one message: the boats would run.')).toEqual([
      { kind: 'INDIRECT', speaker: 'person:dorian-vell', text: 'The timetable would not change.' },
    ]);
  });

  it('does not take a noun of speech in a headline-case line as a statement', () => {
    expect(statements('Vell Comments on Harbour Board Vote for Skerrow Route: “The Route Is Safe”')).toEqual([]);
  });

  it('reads "posted" without "that" as no speech verb ("posted a loss")', () => {
    expect(statements('Westmark Ferries posted a loss on Tuesday as fuel costs rose sharply.')).toEqual([]);
  });
});

describe('subjects the verb does not follow directly', () => {
  it('steps over a time ("on Tuesday", "this week") and "went on to" between the subject and the verb', () => {
    expect(statements('Dorian Vell on Tuesday said the route would run all winter. Hanne Roos this week said the fares would rise. Roos went on to say the contract would be published.').map((s) => s.speaker)).toEqual([
      'person:dorian-vell',
      'person:hanne-roos',
      'person:hanne-roos',
    ]);
  });

  it('steps over an aside that opens with a title: "Kelly Doran, president of the association, said"', () => {
    expect(statements('“We have waited six years,” Kelly Doran, president of the Skerrow Fishermen’s Association, said.').map((s) => s.speaker)).toEqual(['person:kelly-doran']);
  });

  it('gives "the secretary" to whoever was named "Secretary of the Interior"', () => {
    expect(statements('Secretary of the Interior Ruth Ambler visited the quay. The secretary said the work was “long overdue.”').map((s) => s.speaker)).toEqual(['person:ruth-ambler']);
  });

  it('lets "Mr." outweigh a first name compromise reads as a woman’s, for "he" later', () => {
    expect(statements('Kelly Doran leads the association.\n“We waited,” Mr. Doran said. He said the boats would share the quay.').map((s) => s.speaker)).toEqual(['person:kelly-doran', 'person:kelly-doran']);
  });
});

describe('bodies the graph knows by a description', () => {
  const graph = gazetteerOf([
    { id: 'org:skerrow-dockers', type: 'Organization', kind: 'OTHER', name: 'Skerrow Dockers and Harbour Workers Association', aliases: ['the dockers’ union', 'the union'] },
    { id: 'org:westmark-ferries', type: 'Organization', kind: 'OTHER', name: 'Westmark Ferries', aliases: ['the company'] },
  ]);

  it('reads a name with "and" inside as one where the graph knows it, and "the union" through its aliases', () => {
    const text = 'Pay talks stalled after the Skerrow Dockers and Harbour Workers Association rejected the offer.\nThe dockers’ union also noted that the vote was close.\n“Our members will not be rushed,” the union said.';
    expect(statements(text, graph).map((s) => [s.kind, s.speaker])).toEqual([
      ['INDIRECT', 'org:skerrow-dockers'],
      ['DIRECT', 'org:skerrow-dockers'],
    ]);
  });

  it('leaves "the union" unresolved when no body of the article is known as one', () => {
    expect(statements('Westmark Ferries made an offer.\n“Our members will not be rushed,” the union said.')).toEqual([]);
  });
});

describe('the review list', () => {
  it('flags a quote its speaker relays as someone else’s position, and what continues it', () => {
    const { document } = proposeBody('“We cannot keep giving more,” was Dorian Vell’s position, union leader Hanne Roos said. “The next offer will be worse.”');
    expect(document.review.map((r) => [r.speaker, r.flags.includes('relayed')])).toEqual([
      ['person:hanne-roos', true],
      ['person:hanne-roos', true],
    ]);
  });
});
