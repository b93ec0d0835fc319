/**
 * Finds every quoted passage in a text by pairing quotation marks: curly double (“ ”),
 * straight double ("), and curly single (‘ ’), where a ’ between letters is an apostrophe
 * ("let’s", "Ukraine’s") and not a closing mark. Returns the spans inside the marks.
 */
export interface QuotedSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly mark: string;
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

export function quotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const open: { mark: string; at: number }[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    const top = open[open.length - 1];
    if (c === '“' || c === '‘') {
      open.push({ mark: c, at: i });
    } else if (c === '”' || (c === '’' && top?.mark === '‘' && !isLetter(text[i + 1]))) {
      const want = c === '”' ? '“' : '‘';
      const index = open.map((o) => o.mark).lastIndexOf(want);
      if (index === -1) throw new Error(`unbalanced ${c} at ${i}`);
      const opener = open[index] as { mark: string; at: number };
      open.length = index;
      spans.push({ start: opener.at + 1, end: i, text: text.slice(opener.at + 1, i), mark: want });
    } else if (c === '"') {
      if (top?.mark === '"') {
        open.pop();
        spans.push({ start: top.at + 1, end: i, text: text.slice(top.at + 1, i), mark: '"' });
      } else {
        open.push({ mark: '"', at: i });
      }
    }
  }
  if (open.length > 0) throw new Error(`unclosed quotation mark at ${open.map((o) => o.at).join(', ')}`);
  return spans.sort((a, b) => a.start - b.start);
}
