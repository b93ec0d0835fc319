/**
 * The ninth finding round's rules (issue 20), from shapes read in fresh 2013-2016 reporting
 * and in heldout4's errors: double marks typed as two single ones (‘‘ ’’); a show's title
 * owned by a broadcaster's initials; an editor's note and a caption ending on its bracketed
 * credit as furniture; testimony paraphrased only after "that"; "was one of the members who";
 * a closing mark glued to the next sentence; a party’s members as no one named.
 */
import { pairQuotes } from '../../src/extract/quotes';
import { said } from '../helpers/extraction';


describe('double marks typed as two single ones', () => {
  it('pair ‘‘ with ’’, and “ with ’’, their words inside both characters of each mark', () => {
    const text = '‘‘We had minutes,’’ she said, and “not hours.’’';
    expect(pairQuotes(text).quotes.map((q) => text.slice(q.start, q.end))).toEqual(['We had minutes,', 'not hours.']);
  });

  it('give the quote to the speaker after it, as a curly double pair would', () => {
    expect(said('Closing them early “was the right call,’’ said Port Commissioner Ines Quarry.')).toEqual([['PARTIAL', 'person:ines-quarry', 'was the right call,']]);
  });

  it('leave a single pair and an apostrophe as they were', () => {
    const text = 'She called it ‘a near miss’ and the town’s luck.';
    expect(pairQuotes(text).quotes.map((q) => text.slice(q.start, q.end))).toEqual(['a near miss']);
  });
});

describe('a title in marks owned by a broadcaster’s initials', () => {
  it('is a show, not words, and the clause after it is still what was said', () => {
    expect(said('Councillor Ravi Bede told KRN’s ‘‘Sunday Desk’’ that the town would rebuild the sea wall.')).toEqual([
      ['INDIRECT', 'person:ravi-bede', 'The town would rebuild the sea wall.'],
    ]);
    expect(said('Mayor Lise Orme said on WTB’ “Coast Tonight” that the work would cost less.').map(([kind]) => kind)).toEqual(['INDIRECT']);
  });
});

describe('an editor’s note and a caption with its credit in brackets', () => {
  it('are furniture: no statement, and no antecedent for the next pronoun', () => {
    const text = [
      'Editor’s Note: On May 4, Alma Reyes stepped down from her post at the port.',
      'Councillor Theo Brandt climbed the crane. “It was rusted through,” he said.',
    ].join('\n\n');
    expect(said(text)).toEqual([['DIRECT', 'person:theo-brandt', 'It was rusted through,']]);
    expect(said('Alma Reyes said the crane was sound on Monday. (photo: Lena Holt / Harbour Images)')).toEqual([]);
  });
});

describe('testimony', () => {
  it('is no paraphrase when the words after the verb tell only before whom', () => {
    expect(said('Port Director Alma Reyes testifies before the Transport Committee during a hearing at City Hall on Monday.')).toEqual([]);
  });

  it('is one after "that"', () => {
    expect(said('Port Director Alma Reyes testified that the crane had passed its last inspection.')).toEqual([
      ['INDIRECT', 'person:alma-reyes', 'The crane had passed its last inspection.'],
    ]);
  });
});

describe('"X was one of the members of the committee who …"', () => {
  it('gives the words to X, not to the body the members sit on', () => {
    expect(said('Councillor Theo Brandt was one of the members of the Transport Committee who called on the director to resign.')).toEqual([
      ['INDIRECT', 'person:theo-brandt', 'Brandt called on the director to resign.'],
    ]);
  });
});

describe('a closing mark glued to the next sentence', () => {
  it('ends the quote’s sentence, so the quote keeps the speaker who introduced it', () => {
    const text = 'Water Board Chair Nadia Fell told the council on Tuesday:\n\n"Our duty is to keep the taps running. I take full responsibility."Fell described the burst as the "worst failure in decades."';
    expect(said(text).map(([kind, who]) => [kind, who])).toEqual([
      ['DIRECT', 'person:nadia-fell'],
      ['PARTIAL', 'person:nadia-fell'],
    ]);
  });
});

describe('a party’s member or members as the subject', () => {
  it('is no one named: "at least one Democrat noted" and "Republicans say" give no statement', () => {
    expect(said('At least one Democrat noted that Quarry’s idea of “full responsibility” seemed odd.\n\nRepublicans say the wall can wait until spring.')).toEqual([]);
  });
});

describe('a show title closed by a doubled single mark', () => {
  it('is read past both characters of its closing mark: "‘‘Morning Desk’’ show", "‘‘Morning Desk’’ on KTVQ"', () => {
    for (const text of ['Mayor Ana Ruiz told the ‘‘Morning Desk’’ show that the bridge would reopen in May.', 'Mayor Ana Ruiz told ‘‘Morning Desk’’ on KTVQ that the bridge would reopen in May.']) {
      expect(said(text)).toEqual([['INDIRECT', 'person:ana-ruiz', 'The bridge would reopen in May.']]);
    }
  });
});
