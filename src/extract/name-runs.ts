/**
 * Where a run of capitalised words that names someone or something ends: across "of", "de",
 * "van" and a body's "for" and "and", a possessive inside a body's name, the lower-case half of
 * a hyphenated given name; not across the "of" after a titled full name. mentions.ts reads
 * what the runs name; this file only bounds them.
 */
import type { Token } from './layout';
import { DEPARTMENT_WORDS, OUTLET_WORDS, speechVerb, TITLE_WORDS } from './lexicon';
import { type NameTitles, sameRun, spaceBetween } from './name-titles';
import { isBodyHead, isCapital, isTitleWord, MEMBERS_BODIES, POSSESSIVE } from './name-words';

export class NameRuns {
  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
    private readonly titles: NameTitles,
    /** Whether the article or the graph knows this name. */
    private readonly known: (name: string) => boolean,
  ) {}

  private sameRun(a: Token, b: Token): boolean {
    return sameRun(this.text, a, b);
  }

  private spaceBetween(a: Token, b: Token): boolean {
    return spaceBetween(this.text, a, b);
  }

  /** Where a run of capitalised words from `i` ends, with "of", "de", "van" ... inside it. */
  end(i: number, last: number): number {
    let j = i;
    while (j < last && (!POSSESSIVE.test((this.tokens[j] as Token).text) || this.possessiveInName(j))) {
      const next = this.tokens[j + 1] as Token;
      if ((this.sameRun(this.tokens[j] as Token, next) || this.possessiveInName(j)) && isCapital(next) && (!(next.tags.has('Date') && !next.tags.has('Person')) || /-/.test(next.text) || this.monthSurname(j))) {
        j += 1;
      } else if (this.hyphenTail(i, j)) {
        j += 1;
      } else if (next.lower === 'of' && this.titledFullName(i, j)) {
        break;
      } else if (this.bodyOfThe(i, j, last)) {
        j += 3;
      } else if (['of', 'de', 'van', 'von', 'der', 'bin', 'al', 'da', 'du', 'la', 'le', 'for', 'and', '&'].includes(next.lower) && j + 2 <= last && this.sameRun(this.tokens[j] as Token, next) && this.sameRun(next, this.tokens[j + 2] as Token) && isCapital(this.tokens[j + 2] as Token)) {
        if (['and', 'for'].includes(next.lower)) {
          // "Machinists and Aerospace Workers" goes on only where the whole run is a name the article or the graph knows,
          // or where a body's head noun opened it ("Centers for Disease Control and Prevention").
          const k = this.capitalsFrom(j + 2, last);
          const bodyGoesOn = this.bodyHeaded(i, j, next.lower) && !this.namesSomeone(j + 2, k);
          if (!bodyGoesOn && !this.known(this.text.slice((this.tokens[i] as Token).start, (this.tokens[k] as Token).end))) break;
          j = k;
        } else {
          j += 2;
        }
      } else {
        break;
      }
    }
    return j;
  }

  /**
   * "Adun Sam-on", "Yoon Hee-keun said": the lower-case half of a hyphenated given name
   * belongs to the name that ends on it. A hyphenated modifier ("Kremlin-backed separatists",
   * "Trump-era rules") goes on into the noun it modifies, so the tail joins only when no
   * lower-case noun follows it, and only after a first word of the name or before another.
   */
  hyphenTail(i: number, j: number): boolean {
    const head = this.tokens[j] as Token;
    const tail = this.tokens[j + 1];
    if (tail === undefined || tail.sentence !== head.sentence || tail.quote !== head.quote || this.text.slice(head.end, tail.start) !== '-') return false;
    if (!/^\p{Ll}+$/u.test(tail.text) || !tail.tags.has('Hyphenated')) return false;
    const after = this.tokens[j + 2];
    const runsOn = after !== undefined && after.sentence === tail.sentence && this.spaceBetween(tail, after);
    if (runsOn && isCapital(after)) return true;
    const modifies = runsOn && !isCapital(after) && (after.tags.has('Noun') || after.tags.has('Adjective')) && !after.tags.has('Pronoun');
    return j > i && !modifies;
  }

  /**
   * "Theresa May yesterday revealed": a month's name right after a given name is a surname, not
   * a date ("in May 2017" has no given name before it; "Theresa May 5" a number after it).
   */
  monthSurname(j: number): boolean {
    const given = this.tokens[j] as Token;
    const month = this.tokens[j + 1];
    const after = this.tokens[j + 2];
    if (month === undefined || !month.tags.has('Month') || given.tags.has('Date')) return false;
    if (!(given.tags.has('FirstName') || given.tags.has('Person'))) return false;
    return after === undefined || after.sentence !== month.sentence || !/^\d/.test(after.text);
  }

  /**
   * "Mayor Carmen Yulín Cruz of San Juan": once a title and a first name have named someone
   * in full, an "of" opens where the title holds, not more of the name.
   */
  titledFullName(i: number, j: number): boolean {
    const run = this.tokens.slice(this.titles.titleStart(i), j + 1);
    const lastTitle = run.map((t) => isTitleWord(t)).lastIndexOf(true);
    if (lastTitle < 0) return false;
    const name = run.slice(lastTitle + 1);
    return name.length >= 2 && (name[0] as Token).tags.has('FirstName') && !name.some((t) => isTitleWord(t) || DEPARTMENT_WORDS.has(t.lower) || t.lower === 'of');
  }

  /**
   * "Ministry of the Interior and Safety", "Office of the Director of National Intelligence":
   * a run that opens on a body's head noun goes on across "of the" into the capitals after it
   * (and from there across "and", as `bodyHeaded` allows once an "of" has joined the run).
   */
  bodyOfThe(i: number, j: number, last: number): boolean {
    if (j !== i || !isBodyHead((this.tokens[i] as Token).lower) || j + 3 > last) return false;
    const [of, the, name] = [this.tokens[j + 1], this.tokens[j + 2], this.tokens[j + 3]] as Token[];
    const joined = this.sameRun(this.tokens[j] as Token, of) && this.sameRun(of, the) && this.sameRun(the, name);
    return joined && of.lower === 'of' && the.lower === 'the' && isCapital(name) && !isTitleWord(name);
  }

  /**
   * "Centers for Disease Control and Prevention", "Department of Health and Human Services":
   * a run that opens on a body's head noun goes on across "for"; across "and" only once an
   * "of" or "for" has joined it, so "the Council and Mayor Ruiz" stays two names.
   */
  bodyHeaded(i: number, j: number, link: string): boolean {
    if (!isBodyHead((this.tokens[i] as Token).lower)) return false;
    return link === 'for' || this.tokens.slice(i + 1, j).some((t) => t.lower === 'of' || t.lower === 'for');
  }

  /**
   * Whether the first verb within a few words after token `j`, in its sentence, is a verb of
   * saying: "the Pentagon said", "the Kremlin on Saturday said", "the Politburo also said".
   */
  speaksNext(j: number): boolean {
    const sentence = (this.tokens[j] as Token).sentence;
    for (let k = j + 1; k <= j + 4; k += 1) {
      const t = this.tokens[k];
      if (t === undefined || t.sentence !== sentence) return false;
      if (t.tags.has('Verb')) return speechVerb(t.lower) !== null;
    }
    return false;
  }

  /**
   * Whether the capitalised words from `from` to `to` name a person, by title or first name:
   * "the Department of Justice and FBI Director Christopher Wray" is a body and a man.
   */
  namesSomeone(from: number, to: number): boolean {
    return this.tokens.slice(from, to + 1).some((t) => isTitleWord(t) || t.tags.has('FirstName') || t.tags.has('Person'));
  }

  /**
   * "International Longshoremen’s Association", "Dockworkers’ Association": a possessive inside a
   * body's name, when the capitalised word right after it is the head of such a name; "Trump’s
   * Administration" is read as two names, as most possessives before a capital are.
   */
  possessiveInName(j: number): boolean {
    const t = this.tokens[j] as Token;
    const next = this.tokens[j + 1];
    if (next === undefined || !isCapital(next) || !MEMBERS_BODIES.has(next.lower)) return false;
    // "Dockworkers’ Association": a plural's apostrophe stands between the two words.
    const plural = /s$/.test(t.text) && /^['’]\s+$/.test(this.text.slice(t.end, next.start)) && t.sentence === next.sentence && t.quote === next.quote;
    return plural || (POSSESSIVE.test(t.text) && this.sameRun(t, next));
  }

  /** The last token of the run of capitalised words from `k`. */
  capitalsFrom(k: number, last: number): number {
    let end = k;
    while (end < last && this.sameRun(this.tokens[end] as Token, this.tokens[end + 1] as Token) && isCapital(this.tokens[end + 1] as Token)) end += 1;
    return end;
  }

  /** Whether `the … j` is an outlet's name ending on a word that is also a title's ("the Associated Press"), not a title ("the Deputy Press Secretary"). */
  outletNameEnd(i: number, j: number): boolean {
    const t = this.tokens[j] as Token;
    const after = this.tokens[j + 1];
    if (!isCapital(t) || !OUTLET_WORDS.has(t.lower) || j < i + 2) return false;
    if (after !== undefined && this.sameRun(t, after) && TITLE_WORDS.has(after.lower)) return false;
    return this.tokens.slice(i + 1, j).every((w) => isCapital(w) && !isTitleWord(w));
  }
}
