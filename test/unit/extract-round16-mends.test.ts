/**
 * What the review of round 16's merged change found: shapes the new furniture and occasion
 * rules took too much from, each kept as main had it (layout.ts `markSummaryBullets`,
 * occasion-time.ts, occasion.ts `heldByMainVerb`, named-occasions.ts' headlines).
 */
import { extractText } from '../../src/extract/extract';

/** Each statement as [its first words, speaker, venue]; the text's first line is its headline. */
function statementsOf(text: string): Array<[string, string, string | null]> {
  const { statements } = extractText(text, { title: text.split('\n')[0] }).document;
  return statements.map((s) => [s.text.slice(0, 24), s.speaker, s.venue ?? null]);
}

describe('round 16 mends', () => {
  it('keeps a bulleted list the body introduces with a colon as statements, not a summary box', () => {
    const text = 'Relief for Corran\n\nPremier Ilse Varga announced new relief measures on Monday.\n\nSpeaking in Corran, Varga said:\n\n• “Every family will be housed before winter.”\n\n• “The crews will be paid double.”\n\nThe measures cost millions.\n';
    expect(statementsOf(text).map(([words]) => words)).toEqual(expect.arrayContaining(['Every family will be hou', 'The crews will be paid d']));
  });

  it('gives the occasion to "After all, she said", which sets no time of its own', () => {
    const text = 'Varga speaks\n\nPremier Ilse Varga held a press conference in Corran on Monday.\n\nAfter all, she said: “We are ready for the winter storms.”\n';
    expect(statementsOf(text)).toContainEqual(['We are ready for the win', 'person:ilse-varga', 'press conference']);
  });

  it('does not set words apart by a weekday when the occasion’s sentence names two', () => {
    const text = 'Varga speaks\n\nPremier Ilse Varga, who toured the valley on Sunday, held a press conference in Corran on Monday.\n\nVarga said Monday that the crews had done well.\n';
    expect(statementsOf(text)).toEqual([['The crews had done well.', 'person:ilse-varga', 'press conference']]);
  });

  it('reads a perfect inside a relative clause as no stance held by the main verb', () => {
    const text = 'Varga speaks\n\nPremier Ilse Varga gave an interview to the Corran Courier on Monday.\n\nShe thanked the crews who had worked all night, adding that the town owed them.\n';
    expect(statementsOf(text)).toEqual([['The town owed them.', 'person:ilse-varga', 'interview']]);
  });

  it('keeps a headline’s town hall that names where the speaker spoke', () => {
    const text = 'Town Hall Meeting: Varga Promises Homes\n\nPremier Ilse Varga promised new homes to every family, she said.\n';
    expect(statementsOf(text).map(([, , venue]) => venue)).toEqual(['Town Hall Meeting']);
  });
});
