/**
 * Pairing quotation marks: every kind of mark, nesting, apostrophes that are not closing
 * marks, quotes that run over paragraphs, and marks that pair with nothing.
 */
import { opensWithQuote, pairQuotes } from '../../src/extract/quotes';

/** The quoted words with their depth, in text order. */
function quoted(text: string, runsOn = false): { words: string; mark: string; nested: boolean; runsOn: boolean }[] {
  return pairQuotes(text, 0, text.length, { runsOn }).quotes.map((q) => ({ words: text.slice(q.start, q.end), mark: q.mark, nested: q.parent !== null, runsOn: q.runsOn }));
}

describe('pairing quotation marks', () => {
  it('pairs curly double quotes and keeps the trailing comma inside the span', () => {
    expect(quoted('“We have, we have taken a step back,” Waltz told reporters.')).toEqual([{ words: 'We have, we have taken a step back,', mark: '“', nested: false, runsOn: false }]);
  });

  it('reads ’ between letters as an apostrophe, not the end of a single quote', () => {
    const text = 'Trump “had a real question, and he said ‘let’s pause, I want to give you a chance to think about that.’” Ukraine’s allies agreed.';
    expect(quoted(text)).toEqual([
      { words: 'had a real question, and he said ‘let’s pause, I want to give you a chance to think about that.’', mark: '“', nested: false, runsOn: false },
      { words: 'let’s pause, I want to give you a chance to think about that.', mark: '‘', nested: true, runsOn: false },
    ]);
  });

  it('pairs straight double quotes with straight single quotes nested inside, apostrophes left alone', () => {
    const text = `"My insurer told me, 'One more claim and we're done with you,'" Raman said. "So yes, I'm relieved."`;
    expect(quoted(text)).toEqual([
      { words: "My insurer told me, 'One more claim and we're done with you,'", mark: '"', nested: false, runsOn: false },
      { words: "One more claim and we're done with you,", mark: "'", nested: true, runsOn: false },
      { words: "So yes, I'm relieved.", mark: '"', nested: false, runsOn: false },
    ]);
  });

  it('pairs straight single quotes used as the outer marks, with double quotes inside', () => {
    const text = `'In October the chairman told us, "We are not a sacking club," and we believed him,' Pryce said.`;
    expect(quoted(text)).toEqual([
      { words: 'In October the chairman told us, "We are not a sacking club," and we believed him,', mark: "'", nested: false, runsOn: false },
      { words: 'We are not a sacking club,', mark: '"', nested: true, runsOn: false },
    ]);
  });

  it("keeps a plural possessive (players') inside a single-quoted passage when a later mark closes it", () => {
    const text = `'The players' effort was never the problem. We just couldn't buy a goal.'`;
    expect(quoted(text)).toEqual([{ words: "The players' effort was never the problem. We just couldn't buy a goal.", mark: "'", nested: false, runsOn: false }]);
    expect(quoted('the Supporters’ Trust said')).toEqual([]);
  });

  it('keeps a quote of several sentences whole', () => {
    expect(quoted('“We are not cancelling Dresden. We are sequencing it,” Lindqvist told analysts.').map((q) => q.words)).toEqual(['We are not cancelling Dresden. We are sequencing it,']);
  });

  it('ends a quote left open at the paragraph end when the next paragraph opens another', () => {
    const text = `"They're building a wall," Moss said. "When it's closed, my boat isn't going anywhere.`;
    expect(quoted(text, true)).toEqual([
      { words: "They're building a wall,", mark: '"', nested: false, runsOn: false },
      { words: "When it's closed, my boat isn't going anywhere.", mark: '"', nested: false, runsOn: true },
    ]);
    expect(opensWithQuote(`"I've fished here for thirty years."`, 0, 10)).toBe(true);
  });

  it('reports marks that pair with nothing instead of guessing a span', () => {
    const text = '“We will not stop, the minister said.';
    const paired = pairQuotes(text, 0, text.length);
    expect(paired).toEqual({ quotes: [], stray: [{ at: 0, mark: '“' }] });
  });

  it('works on a slice of a longer text, with ids from firstId', () => {
    const text = 'Headline\nShe said “yes.”';
    const paired = pairQuotes(text, 9, text.length, { firstId: 4 });
    expect(paired.quotes).toEqual([{ id: 4, mark: '“', open: 18, close: 23, start: 19, end: 23, parent: null, runsOn: false }]);
  });
});
