/**
 * The text the rules read, offset for offset the same as the source, with the asides that
 * would break a name from its verb or its title blanked: party and state tags, the dots of
 * titles and initials, datelines and a linked name's pop-up.
 */
import { TITLE_WORDS } from './lexicon';
import { LEXICON } from './person-name';

/** "(D-Ore.)", ", R-Tex.,": a party and state tag after a name, set off by brackets or commas. */
const PARTY_TAG = /\s?\(\s?[DRI]-[A-Z][A-Za-z.]{1,6}\s?\)|,\s?[DRI]-[A-Z][A-Za-z.]{1,6},/g;
/** The dot of a title abbreviated before a name ("Sen. Marta Kellison", "Dr. Kwame Asante"). */
const TITLE_DOT = /\b(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Capt|Sgt|Adm|Rev|Hon|Supt|Insp|Atty)\.(?= \p{Lu})/gu;
/**
 * A name's initial before a capitalised word ("E. Martin Estrada", "Harold J. Whitlock said");
 * the next word is kept to tell a sentence's end, and whether a second capitalised word follows.
 */
const INITIAL_DOT = /\b\p{Lu}\.(?= (\p{Lu}\p{Ll}+)( \p{Lu}\p{Ll})?)/gu;
/** Words that open a sentence after a single capital that ends one ("… Plan B. The council said"). */
const AFTER_SENTENCE_END = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'As', 'For', 'But', 'And', 'He', 'She', 'It', 'They', 'We', 'This', 'That', 'After', 'When', 'If', 'Its', 'His', 'Her', 'Their']);
/** compromise's tags of a first name ("Michael S. Regan"): what a middle initial follows. */
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

/**
 * Whether the single capital at `at` is a name's initial rather than a sentence's last word:
 * it is when the word before it is a first name or a title ("Attorney E. Martin Estrada"), or
 * when no word comes before it in its clause; after any other word ("Plan B. Harbour Master
 * Ann Lee said") the dot ends a sentence, so that two sentences do not run into one name.
 */
function isNameInitial(all: string, at: number, next: string, surnameOnly: boolean): boolean {
  if (AFTER_SENTENCE_END.has(next) || /[\p{L}\p{N}.'’]/u.test(all.charAt(at - 1))) return false;
  const before = /(\p{L}+)[ \t]$/u.exec(all.slice(Math.max(0, at - 40), at))?.[1];
  const firstName = before !== undefined && FIRST_NAME_TAGS.has(LEXICON[before.toLowerCase()] as string);
  // "Harold J. Whitlock said": one capitalised word after the initial is a surname only after a first name.
  if (surnameOnly) return firstName;
  return before === undefined || firstName || TITLE_WORDS.has(before.toLowerCase());
}

/** "LINCOLN, NE – ", "WASHINGTON (AP) — ": the place (and agency) a paragraph is filed from, in capitals before a dash. */
const DATELINE = /^\p{Lu}{2}[\p{Lu}.,' ()]{0,24}[–—-] /gmu;

/**
 * The text the rules read, offset for offset the same as the source: party and state tags
 * after a name become spaces, so that "Sen. Marta Kellison (D-Ore.) said" reads as a name
 * followed by its verb; a title's abbreviation dot and a name's initial's dot become a
 * space, so that the title and the name stay one run; a dateline becomes spaces, so that the place is not read as the
 * paragraph's first name.
 */
export function blankAsides(source: string): string {
  const blank = (m: string): string => ' '.repeat(m.length);
  return source
    .replace(PARTY_TAG, blank)
    .replace(TITLE_DOT, (m) => `${m.slice(0, -1)} `)
    // Not the last letter of "U.S." nor of "D.C.".
    .replace(INITIAL_DOT, (m, next: string, second: string | undefined, at: number, all: string) => (isNameInitial(all, at, next, second === undefined) ? `${m.slice(0, -1)} ` : m))
    .replace(DATELINE, blank)
    .replace(LINE, blankNamePopup);
}

const LINE = /[^\n]+/g;

/** A capitalised word glued to the capital that follows it: "McConnell|Addison". */
const GLUED_NAME = /\p{Lu}\p{Ll}{2,}(?=\p{Lu})/gu;

/** How many glued words before a " MORE" are tried as the start of a pop-up. */
const POPUP_TRIES = 3;

/**
 * "Jane DoeJane (Janie) Marie DoeSenator says … MORE (D-Ore.)" (an invented instance of the shape):
 * a page that links a name may print the link's pop-up inside the sentence: the full name,
 * glued to the surname before it, then the headlines of related stories up to "MORE". The
 * pop-up becomes spaces, so that the name goes on to its own sentence. Each stretch of a line
 * up to a " MORE" is read once, and a few glued words in it are tried.
 */
function blankNamePopup(line: string): string {
  let out = '';
  let from = 0;
  for (let more = line.indexOf(' MORE'); more !== -1; more = line.indexOf(' MORE', from)) {
    const stretch = line.slice(from, more);
    const junction = /\p{L}/u.test(line.charAt(more + 5)) ? null : popupStart(stretch);
    out += junction === null ? line.slice(from, more + 5) : stretch.slice(0, junction) + ' '.repeat(more + 5 - from - junction);
    from = more + 5;
  }
  return from === 0 ? line : out + line.slice(from);
}

/** Where a pop-up starts in `stretch`: right after a glued word that its rest names again. */
function popupStart(stretch: string): number | null {
  let tries = 0;
  for (const m of stretch.matchAll(GLUED_NAME)) {
    const junction = (m.index ?? 0) + m[0].length;
    if (stretch.includes(m[0], junction)) return junction;
    tries += 1;
    if (tries >= POPUP_TRIES) return null;
  }
  return null;
}
