/**
 * The fourteenth names round's rules (issue 20): how a name is bounded, joined to its short
 * forms and typed from the text alone, met on devset/heldout8 and heldout5 and on fresh pages
 * (devset/wild14-names). Each shape is one fixture in test/fixtures/extract/ (pattern-1-*
 * of this round), written for these tests with fictional people, bodies and places; the ids
 * asserted are those a graph that knows nobody gets.
 */
import { extractText, needsReview } from '../../src/extract/extract';
import { fixtureSpeakers as speakers, said } from '../helpers/extraction';

describe('a hyphenated given name', () => {
  it('keeps its lower-case half ("Pak Dong-hwan", "Ruan Mei-lin"), and the surname alone finds it', () => {
    expect(speakers('pattern-1-hyphenated-given-name')).toEqual(['person:pak-dong-hwan', 'person:pak-dong-hwan', 'person:ruan-mei-lin']);
  });

  it('is found again by its family name opening a sentence ("Ruan said")', () => {
    expect(said('Harbour fire\nOfficer Ruan Mei-lin told reporters that the doors were locked. Ruan said the alarms had failed.')).toEqual([
      ['INDIRECT', 'person:ruan-mei-lin', 'The doors were locked.'],
      ['INDIRECT', 'person:ruan-mei-lin', 'The alarms had failed.'],
    ]);
  });

  it('leaves a hyphenated modifier to the noun it modifies', () => {
    expect(said('Harbour fire\nThe Arvane-backed inspectors said the doors had been locked.').map(([, speaker]) => speaker)).not.toContain('person:arvane-backed');
    expect(said('Harbour fire\nOfficer Nam Gu-jun said the doors had been locked.')).toEqual([['INDIRECT', 'person:nam-gu-jun', 'The doors had been locked.']]);
  });
});

describe('a titled full name followed by "of"', () => {
  it('ends before the "of": the place after it is where the title holds, and the surname finds the person', () => {
    expect(speakers('pattern-1-titled-name-before-of')).toEqual(['person:elena-soto-brava', 'person:elena-soto-brava', 'person:hal-renner']);
  });
});

describe('a surname the text gave a title', () => {
  it('is not completed by a later full name given without the title', () => {
    expect(speakers('pattern-1-titled-surname-apart')).toEqual(['person:varga', 'person:varga', 'person:varga']);
  });

  it('is completed by a later full name with a title, as before', () => {
    expect(said('Storm aid\nMayor Brava said the roads were open. Later Mayor Elena Brava said the power was back.').map(([, speaker]) => speaker)).toEqual(['person:elena-brava', 'person:elena-brava']);
  });

  it('is not completed by a name of the other gender', () => {
    expect(said('Storm aid\nMr. Brava said the roads were open. Elena Brava said the power was back.').map(([, speaker]) => speaker)).toEqual(['person:brava', 'person:elena-brava']);
  });
});

describe('a body and a second surname', () => {
  it('keeps a person a person when "its" may belong to a thing named between', () => {
    expect(said('Budget vote\n\nDravik Ulmo voted against the budget and its cuts. Ulmo said the plan would close two clinics.').map(([, speaker]) => speaker)).toEqual(['person:dravik-ulmo']);
  });

  it('lists for review a second surname read as the earlier full name’s, which may be someone else', () => {
    const proposed = extractText('Markets\n\nJon Tarrow runs the fund.\n\n“Shares will fall,” Tarrow Maddox said.', { title: 'Markets' }).document;
    expect(proposed.statements.map((s) => s.speaker)).toEqual(['person:jon-tarrow']);
    expect(proposed.review.map((r) => [r.flags.includes('ambiguous'), needsReview(r)])).toEqual([[true, true]]);
  });

  it('types a name followed by "its" as a body, and reads "Quiroz Lenz" as Ada Quiroz’s two surnames', () => {
    expect(speakers('pattern-1-its-body-and-two-surnames')).toEqual(['org:northgate-rail', 'org:northgate-rail', 'person:ada-quiroz', 'person:ada-quiroz', 'person:ada-quiroz']);
  });
});

describe('a headline’s full name', () => {
  const speakersUnder = (title: string): string[] => extractText(`${title}\n\n"Let us talk about water first," Brava told reporters.\n`, { title }).document.statements.map((s) => s.speaker);

  it('is known to the body’s surname, though the headline is no mention', () => {
    expect(speakersUnder('Mayor Elena Brava answers critics over storm aid')).toEqual(['person:elena-brava']);
  });

  it('is not read from a headline in title case', () => {
    expect(speakersUnder('Mayor Elena Brava Answers Critics Over Storm Aid')).toEqual(['person:brava']);
  });
});

describe('an outlet whose last word is also a title’s', () => {
  it('("the Associated Press") is a name, and its initials find it', () => {
    const body = 'Ferry row\n\nThe ferry was late, the Associated Press reported. Officials were not told, AP reported.\n';
    expect(said(body).map(([, speaker]) => speaker)).toEqual(['org:associated-press', 'org:associated-press']);
  });
});

describe('a storm named like a person', () => {
  it('is nobody "he" can stand for, though the page calls it "who" and later by its first name', () => {
    const body =
      'Storm nears the coast\nThe governor of the island, Ines Calder, said today that Hurricane Nora, who is expected to arrive tomorrow, is "the worst in memory".\n\nRain will go on until Saturday as Nora passes, he said.\n\n"It is going to hit the whole island," he said.\n';
    expect(said(body).map(([, speaker]) => speaker)).not.toContain('person:hurricane-nora');
  });
});
