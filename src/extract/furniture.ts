/**
 * Lines of a page that are not the article: buttons, prompts, notices, headlines of other
 * stories, and photo captions that end on their credit. Each is judged from the line's own
 * text; layout.ts marks the paragraphs they make as furniture, so nothing in them becomes a
 * statement.
 */

/** Lines that are the page around the article, not the article. */
const FURNITURE = [
  /^leave a (comment|reply)\b/i,
  /^scroll down\b/i,
  /\bshare (this|your thoughts|on)\b/i,
  /^sign up\b/i,
  /^subscribe\b/i,
  /^(read more|related|see also|more on this|recommended|advertisement|sponsored)\b/i,
  /^(click|tap) here\b/i,
  /^skip to (main )?content\b/i,
  /^select an ai action\b/i,
  /^follow us\b/i,
  /^\d+\s+comments?$/i,
  /^(image|photo|picture|video) (caption|credit)?:?/i,
  // A note the editors add about the article ("Editor's Note: On July 23, … resigned") is
  // no one's statement, and the names in it must not become the next pronoun's antecedent.
  /^editors?['’]?s? note\b/i,
  // A caption that ends on its credit in brackets ("… on Monday. (photo: Jo Roe / Getty Images)").
  /\((photo|image|picture|video)( credit)?: [^()]*\)$/i,
  /^(copyright|©)/i,
  /all rights reserved/i,
];

/**
 * "(By Mario Rossi -- Getty Images)", "(Jane Roe/AP)": a credit in brackets after a caption's
 * last full stop, a photographer and an agency joined by a dash or a slash.
 */
const BRACKETED_CREDIT = /[.!?]\s*\((?:By |Photo by |Photo: )?\p{Lu}[\p{L}.' ]*(?:--|—|–|\/)\s*\p{Lu}[\p{L}.' ]*\)$/u;

/**
 * A photo caption ends with its credit, a photographer and an agency joined by a slash and
 * no full stop after them ("… Sen. Jane Doe said Friday. John Roe/AP", "Saul Loeb/Getty
 * Images", "Petra Lund/Westmark Post"): whatever it quotes, the article quotes again in its
 * body.
 */
export function endsWithPhotoCredit(line: string): boolean {
  if (BRACKETED_CREDIT.test(line) || endsWithNamedCredit(line)) return true;
  const words = line.split(/\s+/);
  if (words.length <= 3 || /[.!?"”’)]$/.test(line)) return false;
  for (let k = words.length - 1; k >= words.length - 3; k -= 1) {
    const word = words[k] as string;
    if (word.includes('/')) return /^\p{Lu}[\p{L}'.-]*\/\p{Lu}[\p{L}]*$/u.test(word);
    if (!/^\p{Lu}/u.test(word)) return false;
  }
  return false;
}

/**
 * "… were injured in the conflicts. ST PHOTO: LIM YAOHUI", "… near Bodalla on Sunday. Photo:
 * AP", "… towards the police. Credit: AP": a caption's last sentence, then the word that
 * names a credit (a short capitalised tag may open it) and a colon, then the credit's few
 * capitalised words. The caption retells what the body reports, so nothing in it is a
 * statement of its own.
 */
const CREDIT_WORD = /\b(?:Photo|PHOTO|Picture|PICTURE|Image|IMAGE|Credit|CREDIT|Photograph|PHOTOGRAPH)s?:\s?/u;
/** What ends the caption before its credit: a sentence's stop, or the stop and a short tag ("ST"). */
const BEFORE_CREDIT = [/[.!?]["”’]?\s+$/u, /[.!?]["”’]?\s+\p{Lu}{1,4}\s$/u];
/** How far from a line's end a credit may start: "KP PHOTO: KENT NISHIMURA / GETTY IMAGES". */
const CREDIT_REACH = 72;
/** How many words a credit after its colon may have: "Kent Nishimura / Getty Images". */
const CREDIT_WORDS = 6;

function endsWithNamedCredit(line: string): boolean {
  const from = Math.max(0, line.length - CREDIT_REACH);
  const found = CREDIT_WORD.exec(line.slice(from));
  if (found === null) return false;
  const at = from + found.index;
  const credit = line.slice(at + found[0].length);
  const words = credit.replace(/\.$/, '').split(/\s+/).filter((w) => w !== '/' && w !== '&');
  const caption = line.slice(Math.max(0, at - 8), at);
  return BEFORE_CREDIT.some((re) => re.test(caption)) && !credit.includes(':') && words.length > 0 && words.length <= CREDIT_WORDS && words.every((w) => /^\p{Lu}/u.test(w));
}

const HEADLINE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'to', 'for', 'and', 'or', 'at', 'by', 'with', 'as', 'from', 'vs', 'after']);

/**
 * A headline inside the page (another story's, a press release's): six words or more, every
 * word but the small ones capitalised, no full stop at the end ("Ricketts Comments on Supreme
 * Court Upholding TikTok Law: “America’s National Security Comes First”").
 */
export function isHeadline(line: string): boolean {
  const words = line.split(/\s+/).map((w) => w.replace(/^[“"‘'(]+/, '')).filter((w) => /\p{L}/u.test(w));
  if (words.length < 6 || /[.!?]$/.test(line.replace(/[”"’')]+$/, ''))) return false;
  return words.every((w) => /^[\p{Lu}\d]/u.test(w) || HEADLINE_SMALL_WORDS.has(w.toLowerCase()));
}

/** Whether a line is one of the page's own words: buttons, prompts, captions, credits. */
export function isPageFurniture(line: string): boolean {
  return FURNITURE.some((re) => re.test(line));
}

export function isFurniture(line: string): boolean {
  if (isPageFurniture(line)) return true;
  // A short line without a full stop is a heading or a button, not reporting; one of four
  // words or more ending in a colon introduces what follows ("A statement from the trust reads:").
  const words = line.split(/\s+/).length;
  if (words >= 4 && /:$/.test(line)) return false;
  return words <= 8 && !/[.!?]["'”’)]*$/.test(line) && !/["“”]/.test(line);
}
