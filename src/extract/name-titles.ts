/**
 * The titles around a name, as the mentions read them: where a title before a name starts
 * ("former deputy assistant secretary of defense"), whether the capitals after its "of" are
 * where it holds or who holds it ("the mayor of Port Anselm", "Attorney General of Minnesota
 * Keith Ellison"), and a title set off by commas after the name ("Jon Holden, president of
 * the union,"). mentions.ts finds the runs of capitals and what they name; this file says
 * which of their words are a title.
 */
import type { Token } from './layout';
import { DEPARTMENT_WORDS, ORG_DESCRIPTORS, ORG_WORDS, OUTLET_WORDS } from './lexicon';
import { afterOf, isAcronym, isPlaceWord, isTitleWord, POSSESSIVE } from './name-words';

/** Whether only white space stands between two tokens. */
export const spaceBetween = (text: string, a: Token, b: Token): boolean => /^\s+$/.test(text.slice(a.end, b.start));

/** Whether two tokens are one run of words: the same sentence, the same quote, only space between. */
export const sameRun = (text: string, a: Token, b: Token): boolean => a.sentence === b.sentence && a.quote === b.quote && spaceBetween(text, a, b);

/** How many words a title set off after a name may have before its "of …". */
const APPOSED_TITLE_WORDS = 6;

export class NameTitles {
  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {}

  private sameRun(a: Token, b: Token): boolean {
    return sameRun(this.text, a, b);
  }

  /**
   * "Attorney General of Minnesota Keith Ellison", "Director of System Operations Dan
   * Woodfin": the capitals after a title's "of" name where the title holds before they name
   * who holds it, so the person's name starts at its first name; without a first name the
   * compromise knows, at the first word that is no place ("President of Ukraine Volodymyr
   * Zelensky"). Two words at least stay the name.
   */
  afterTitleDomain(core: number, j: number): number {
    if (!afterOf(this.tokens, core) || j - core < 2) return core;
    const isFirstName = (t: Token): boolean => t.tags.has('FirstName') && !isPlaceWord(t);
    for (let k = core + 1; k < j; k += 1) {
      if (isFirstName(this.tokens[k] as Token)) return this.tokens.slice(core, k).some(isFirstName) ? core : k;
    }
    let start = core;
    while (j - start >= 2 && isPlaceWord(this.tokens[start] as Token)) start += 1;
    return start;
  }

  /** Where a name's title starts, counting lower-case title words before the run at `i`: "former deputy assistant secretary of defense". */
  titleStart(i: number): number {
    let first = i;
    while (first > 0) {
      const before = this.tokens[first - 1] as Token;
      if (!this.sameRun(before, this.tokens[first] as Token)) break;
      if (ORG_DESCRIPTORS.has(before.lower)) break;
      // "Secretary of the Treasury", "Chancellor of the Exchequer": "the" after "of" is the title's.
      const ofThe = before.lower === 'the' && this.tokens[first - 2]?.lower === 'of';
      if (isTitleWord(before) || DEPARTMENT_WORDS.has(before.lower) || before.lower === 'of' || ofThe || (before.tags.has('Actor') && !before.tags.has('Plural'))) first -= 1;
      else break;
    }
    return first;
  }

  /**
   * "Secretary of State Tillerson", "President Macri": a name right after a title word is the
   * holder's, however compromise tags it; "Governor of Texas" ends its title on "of", and the
   * place after it stays a place.
   */
  titledPerson(core: number, titleText: string | null): boolean {
    const before = this.tokens[core - 1];
    return titleText !== null && before !== undefined && !['of', 'the', 'for', 'and'].includes(before.lower) && (isTitleWord(before) || DEPARTMENT_WORDS.has(before.lower));
  }

  /**
   * "the mayor of Port Anselm": the name after a title's "of" is where the title holds, not who
   * holds it; a body's name there ("chairman of Boeing Co") keeps its own type.
   */
  titleDomain(i: number, j: number, core: number, titleText: string | null, recognised: boolean): boolean {
    // "supporters of Democratic …": an "of" with no title before it is no title's.
    return titleText !== null && this.thingAfterOf(i, j, core, recognised) && this.tokens.slice(this.titleStart(i), core).some(isTitleWord);
  }

  /** Whether the run `i`..`j` after an "of" or "the" before its core names a thing, not a person or a body the text knows. */
  thingAfterOf(i: number, j: number, core: number, recognised: boolean): boolean {
    const before = this.tokens[core - 1];
    if (recognised || before === undefined || !['of', 'the'].includes(before.lower)) return false;
    const run = this.tokens.slice(i, j + 1);
    if (run.some((t) => ORG_WORDS.has(t.lower.replace(POSSESSIVE, '')) || OUTLET_WORDS.has(t.lower))) return false;
    return !run.some((t) => t.tags.has('Person') || t.tags.has('FirstName') || t.tags.has('Honorific') || t.tags.has('Organization') || isAcronym(t));
  }

  /**
   * A title set off by commas after the name ending at `j`: "George Kurtz, the company's
   * chief executive," or "Jon Holden, president of the union," gives "chief executive" or
   * "president of the union", so that "the chief executive" and "the president" later find
   * the person. The aside is short and its head word a title.
   */
  apposedTitle(j: number): string | null {
    const name = this.tokens[j] as Token;
    const first = this.tokens[j + 1];
    if (first === undefined || first.sentence !== name.sentence || first.quote !== name.quote || !/^\s*,\s*$/.test(this.text.slice(name.end, first.start))) return null;
    let k = j + 1;
    // "the", "its", "the company's": what comes before the title itself.
    while (k <= j + 3 && k < this.tokens.length && (['the', 'a', 'an', 'its', 'his', 'her', 'their'].includes((this.tokens[k] as Token).lower) || /['’]s$/.test((this.tokens[k] as Token).text))) k += 1;
    const start = k;
    let head: Token | null = null;
    for (; k <= start + APPOSED_TITLE_WORDS && k < this.tokens.length; k += 1) {
      const t = this.tokens[k] as Token;
      if (t.sentence !== name.sentence || t.quote !== name.quote || t.tags.has('Verb')) return null;
      if (t.lower === 'of') break;
      if (isTitleWord(t)) head = t;
      const next = this.tokens[k + 1];
      if (next === undefined || next.sentence !== t.sentence || /[,;:]/.test(this.text.slice(t.end, next.start))) break;
    }
    if (head === null || start >= this.tokens.length) return null;
    const end = this.asideEnd(k, name.sentence);
    // "Gov. Wes Moore, Secretary of Transportation Pete Buttigieg and …": a list of people, not a title.
    const aside = this.tokens.slice(start, end + 1);
    if (aside.some((t) => t.lower === 'and' || (t.tags.has('FirstName') && !isTitleWord(t)))) return null;
    return this.text.slice((this.tokens[start] as Token).start, (this.tokens[end] as Token).end);
  }

  /** The last token of an aside that goes on from `k` to the next comma or the sentence's end, a few words at most. */
  asideEnd(k: number, sentence: number): number {
    let end = k;
    while (end < k + APPOSED_TITLE_WORDS) {
      const t = this.tokens[end] as Token;
      const next = this.tokens[end + 1];
      if (next === undefined || next.sentence !== sentence || /[,;:]/.test(this.text.slice(t.end, next.start))) break;
      end += 1;
    }
    return end;
  }
}
