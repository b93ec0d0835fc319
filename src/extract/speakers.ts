/**
 * Who a speech verb's subject is: the noun phrase before or after the verb (a name, a
 * title, "the agency", a pronoun, "officials"), across asides and appositives, and the
 * subject of the main clause for a participle or a coordinated verb. Whom the phrase stands
 * for is referents.ts's.
 */
import type { Token } from './layout';
import { describedSpeaker } from './descriptions';
import { BE_FORMS, GENERIC_SPEAKERS, SPOKESPEOPLE, TIME_WORDS, TITLE_WORDS } from './lexicon';
import type { Mention } from './mentions';
import { isTitleWord } from './name-words';
import { type Item, type Frame, type AttributionScope, type VerbUse, type NounPhrase, text, wordAt, gapText, spaced, isModifier, speechVerbAt } from './frame';
import { resolvePhrase } from './referents';

export { resolvePhrase, outletLike, entityOf, markOutlet, mentionAfter, authorOfTextAt, textAuthorBefore, openingVerbSpeaker } from './referents';

function phraseEndingAt(ctx: AttributionScope, frame: Frame, j: number, how: NounPhrase['how']): NounPhrase | null {
  const token = wordAt(frame, j);
  if (token === null) return null;
  const m = ctx.mentions.endingAt(token.index);
  const served = m === null ? null : personServing(ctx, m);
  if (served !== null) return { mentions: [served], generic: null, firstItem: frame.itemOfToken.get(served.first) ?? j, lastItem: j, spokesperson: false, how };
  const holder = m === null || m.possessive ? null : titleHolder(ctx, frame, m);
  if (holder !== null) return { mentions: [holder.mention], generic: null, firstItem: holder.firstItem, lastItem: j, spokesperson: false, how };
  const represented = m === null ? representedBy(ctx, frame, j) : null;
  if (represented !== null) return { ...represented, how };
  const described = m === null || m.kind === 'title' ? describedSpeaker(ctx, frame, j) : null;
  if (described !== null) return { ...described, how };
  if (m !== null && m.kind !== 'place' && !m.possessive) {
    const list: Mention[] = [m];
    let first = frame.itemOfToken.get(m.first) ?? j;
    const and = wordAt(frame, first - 1);
    if (and?.lower === 'and') {
      const other = wordAt(frame, first - 2);
      const prior = other === null ? null : ctx.mentions.endingAt(other.index);
      if (prior !== null && (prior.kind === 'name' || prior.kind === 'title') && !prior.possessive) {
        list.unshift(prior);
        first = frame.itemOfToken.get(prior.first) ?? first;
        if (wordAt(frame, first - 1)?.lower === 'both') first -= 1;
      }
    }
    const spokes = wordAt(frame, first - 2);
    const spokesperson = wordAt(frame, first - 1)?.lower === 'for' && spokes !== null && SPOKESPEOPLE.has(spokes.lower);
    if (spokesperson) first -= 2;
    // "the city’s finance director Omar Haddad": determiners and possessors belong to the phrase.
    const determiner = (w: Token | null): boolean => w !== null && (['a', 'an', 'the', 'its', 'his', 'her', 'their'].includes(w.lower) || /['’]s$/.test(w.text) || w.tags.has('Possessive'));
    while (first > 0 && determiner(wordAt(frame, first - 1)) && spaced(ctx, frame, first - 1, first)) first -= 1;
    return { mentions: list, generic: null, firstItem: first, lastItem: j, spokesperson, how };
  }
  if (GENERIC_SPEAKERS.has(token.lower) || (token.tags.has('Plural') && !token.tags.has('ProperNoun') && !token.tags.has('Pronoun'))) {
    let first = j;
    while (first > 0) {
      const w = wordAt(frame, first - 1);
      if (w === null || !spaced(ctx, frame, first - 1, first) || !(w.tags.has('Adjective') || w.tags.has('Noun') || w.tags.has('Determiner') || w.tags.has('Possessive'))) break;
      first -= 1;
    }
    return { mentions: [], generic: text(ctx).slice((frame.items[first] as Item).start, token.end), firstItem: first, lastItem: j, spokesperson: false, how };
  }
  return null;
}

/**
 * "Col. Steven McCraw of the Texas Department of Public Safety said", "Mayor Ana Ruiz of
 * Tampa said": a body or place after "of" says where the person named before it serves; the
 * person is the subject, not the body.
 */
function personServing(ctx: AttributionScope, m: Mention): Mention | null {
  const tokens = ctx.layout.tokens;
  if ((m.kind !== 'name' && m.kind !== 'place') || m.possessive) return null;
  const of = tokens[m.first]?.lower === 'of' ? m.first : tokens[m.first - 1]?.lower === 'of' ? m.first - 1 : -1;
  const before = tokens[of - 1];
  const ofToken = tokens[of];
  if (before === undefined || ofToken === undefined || !/^ +$/.test(text(ctx).slice(before.end, ofToken.start))) return null;
  const person = ctx.mentions.endingAt(before.index);
  return person !== null && person.kind === 'name' && person.entity?.type === 'Person' && !person.possessive ? person : null;
}

/**
 * "The CEO of cybersecurity company CrowdStrike said": the subject is whoever holds the
 * title at the body or place named after "of", not the body itself. A title mention whose
 * head is the body's name and the title ("crowdstrike ceo"), which is how the article's
 * "CrowdStrike CEO George Kurtz" was indexed; unresolved if nobody was given it.
 */
function titleHolder(ctx: AttributionScope, frame: Frame, m: Mention): { mention: Mention; firstItem: number } | null {
  if (m.kind !== 'name' && m.kind !== 'place') return null;
  if (m.kind === 'name' && m.entity?.type === 'Person') return null;
  const own = ownTitleHolder(ctx, frame, m);
  if (own !== null) return own;
  let k = (frame.itemOfToken.get(m.first) ?? 0) - 1;
  // Lower-case words that describe the body: "of cybersecurity company CrowdStrike".
  for (let steps = 0; steps < 3; steps += 1) {
    const w = wordAt(frame, k);
    if (w === null || w.lower === 'of' || !/^\p{Ll}/u.test(w.text) || w.tags.has('Verb') || !spaced(ctx, frame, k, k + 1)) break;
    k -= 1;
  }
  const of = wordAt(frame, k);
  const title = wordAt(frame, k - 1);
  if (of?.lower !== 'of' || title === null || !isTitleToken(title) || !spaced(ctx, frame, k - 1, k) || !spaced(ctx, frame, k, k + 1)) return null;
  // "chief executive", "deputy director": the title's other words before its head.
  let titleItem = k - 1;
  while (titleItem > k - 4 && isTitleToken(wordAt(frame, titleItem - 1)) && spaced(ctx, frame, titleItem - 1, titleItem)) titleItem -= 1;
  const titleText = text(ctx).slice((frame.items[titleItem] as Item).start, title.end);
  const det = wordAt(frame, titleItem - 1);
  const firstItem = det !== null && ['the', 'its', 'a', 'an'].includes(det.lower) && spaced(ctx, frame, titleItem - 1, titleItem) ? titleItem - 1 : titleItem;
  const start = (frame.items[firstItem] as Item).start;
  const place = m.text.replace(/^of\s/i, '').trimStart().replace(/^the\s/i, '').trimStart();
  // The one person the article itself gave the bare title ("the chief executive") holds it at this body too.
  const head = ctx.registry.byTitle(`${place} ${titleText}`, m.start) === null && ctx.registry.byTitle(titleText, m.start, true) !== null ? titleText : `${place} ${titleText}`;
  return {
    mention: { ...m, kind: 'title', first: title.index, start, text: text(ctx).slice(start, m.end), entity: null, via: null, ambiguous: false, head },
    firstItem,
  };
}

/**
 * "The head of the Federal Emergency Management Agency (FEMA) warned": the mention rules read
 * the title into the body's name ("head of the Federal" before "Emergency Management
 * Agency"); whoever holds the title speaks, not the body.
 */
function ownTitleHolder(ctx: AttributionScope, frame: Frame, m: Mention): { mention: Mention; firstItem: number } | null {
  const tokens = ctx.layout.tokens;
  const first = tokens[m.first];
  if (m.kind !== 'name' || m.entity?.type !== 'Organization' || !isTitleToken(first ?? null)) return null;
  let of = m.first + 1;
  while (of < m.last && isTitleToken(tokens[of] ?? null)) of += 1;
  if (tokens[of]?.lower !== 'of') return null;
  const titleText = text(ctx).slice((first as Token).start, (tokens[of - 1] as Token).end);
  const firstItem = frame.itemOfToken.get(m.first) ?? 0;
  const det = wordAt(frame, firstItem - 1);
  const from = det !== null && ['the', 'its', 'a', 'an'].includes(det.lower) && spaced(ctx, frame, firstItem - 1, firstItem) ? firstItem - 1 : firstItem;
  const start = (frame.items[from] as Item).start;
  const head = `${m.entity.name} ${titleText}`;
  return { mention: { ...m, kind: 'title', start, text: text(ctx).slice(start, m.end), entity: null, via: null, ambiguous: false, head }, firstItem: from };
}

/** Who speaks for someone without being named: "Ohtani’s lawyers", "the senator’s spokeswoman". */
const REPRESENTATIVES = new Set(['lawyer', 'lawyers', 'attorney', 'attorneys', 'representative', 'representatives', 'spokesperson', 'spokespeople', 'spokesman', 'spokeswoman', 'publicist', 'agent', 'agents']);

/**
 * "Ohtani’s representatives said": by the annotation's convention, the words of whoever speaks
 * for a person or body are theirs (as with "a spokesperson for X"), flagged as a spokesperson's.
 */
function representedBy(ctx: AttributionScope, frame: Frame, j: number): Omit<NounPhrase, 'how'> | null {
  const head = wordAt(frame, j);
  const before = wordAt(frame, j - 1);
  if (head === null || before === null || !REPRESENTATIVES.has(head.lower) || !spaced(ctx, frame, j - 1, j)) return null;
  const m = ctx.mentions.endingAt(before.index);
  if (m === null || m.kind !== 'name' || !m.possessive || m.entity === null || m.entity.outlet) return null;
  return { mentions: [m], generic: null, firstItem: frame.itemOfToken.get(m.first) ?? j - 1, lastItem: j, spokesperson: true };
}

/** How far back from "who" the "one of" of "was one of the members of the committee who" may be. */
const ONE_OF_REACH = 10;

/**
 * "Rep. Ana Ruiz was one of the members of the committee who called on …": the ones "who"
 * called include the subject of "was one of", and the subject is the one the sentence is
 * about; the body the members belong to did not speak as a body.
 */
function oneOfThose(ctx: AttributionScope, frame: Frame, who: number): NounPhrase | null {
  for (let n = who - 2; n >= Math.max(1, who - ONE_OF_REACH); n -= 1) {
    if (!spaced(ctx, frame, n, n + 1)) return null;
    if (wordAt(frame, n)?.lower !== 'one' || wordAt(frame, n + 1)?.lower !== 'of') continue;
    const be = wordAt(frame, n - 1);
    if (be === null || !BE_FORMS.has(be.lower) || !spaced(ctx, frame, n - 1, n) || n < 2) return null;
    return phraseEndingAt(ctx, frame, n - 2, 'before');
  }
  return null;
}

/** A title word as the names read them (name-words.ts `isTitleWord`): "NTSB member", "Board Member" as much as "spokesman". */
const isTitleToken = (w: Token | null): boolean => w !== null && isTitleWord(w);

/**
 * Words that open an aside between a subject and its verb: a relative clause, a description,
 * or where and when ("Sen. Kay Bailey Hutchison, in her Dallas neighborhood, said").
 */
const ASIDE_OPENERS = new Set(['who', 'which', 'whose', 'a', 'an', 'the', 'its', 'his', 'her', 'their', 'aged', 'now', 'once', 'himself', 'herself', 'also', 'in', 'at', 'on', 'from', 'during', 'speaking', 'however']);

/** The subject written before the verb at `k`, across modifiers ("also", "reportedly") and appositives ("Roth, who …, said"). */
export function subjectBefore(ctx: AttributionScope, frame: Frame, k: number): NounPhrase | null {
  let j = k - 1;
  while (j >= 0) {
    const w = wordAt(frame, j);
    if (w === null || !spaced(ctx, frame, j, j + 1)) break;
    const skip = isModifier(w) ? 1 : timeBefore(frame, j) || goesOnTo(frame, j);
    if (skip === 0) break;
    j -= skip;
  }
  if (j < 0 || wordAt(frame, j) === null) return null;
  // "Whip Dick Durbin who said", "Okafor, who also said": the relative pronoun stands for the phrase before it.
  if (wordAt(frame, j)?.lower === 'who' && j > 0 && /^\s*,?\s*$/.test(gapText(ctx, frame, j - 1, j))) {
    const antecedent = oneOfThose(ctx, frame, j) ?? phraseEndingAt(ctx, frame, j - 1, 'appositive');
    if (antecedent !== null) return antecedent;
  }
  const gap = gapText(ctx, frame, j, j + 1);
  if (/^\s*$/.test(gap)) return phraseEndingAt(ctx, frame, j, 'before');
  // "The Coastal Safety Authority (CSA) said": the initials in brackets belong to the name before them.
  if (/^\)\s*$/.test(gap) && j > 0 && /^\s*\($/.test(gapText(ctx, frame, j - 1, j))) return phraseEndingAt(ctx, frame, j - 1, 'before');
  if (!/^\s*,\s*$/.test(gap)) return null;

  // "Priya Raman, who runs a café …, said": step back over comma-delimited asides.
  let end = j;
  // A name inside an aside ("the company that operated the vessel known as the Titan, which …,
  // says") is kept only in case no aside before it opens on the subject.
  let inside: NounPhrase | null = null;
  for (let round = 0; round < 3; round += 1) {
    let s = end;
    while (s > 0 && wordAt(frame, s - 1) !== null && !/[,:;“”"‘’]/.test(gapText(ctx, frame, s - 1, s))) s -= 1;
    if (s === 0 || !/,/.test(gapText(ctx, frame, s - 1, s))) return inside;
    const lastWord = wordAt(frame, end) as Token;
    const m = ctx.mentions.endingAt(lastWord.index);
    const beforeComma = wordAt(frame, s - 1);
    // "Its chair, Sabine Roth, said": a name set off by commas after a description is the subject;
    // after another name ("the University of California, Davis,") it belongs to that name.
    const continuesName = beforeComma !== null && /^\p{Lu}/u.test(beforeComma.text) && !(m !== null && m.kind === 'name' && m.last > m.first);
    const head = wordAt(frame, s) as Token;
    // "Brian Bryant, president of the machinists’ union, said": a title in lower case opens an aside, whatever it names.
    const titleAside = (TITLE_WORDS.has(head.lower) && /^\p{Ll}/u.test(head.text)) || ownersTitle(frame, s, end);
    if (m !== null && m.kind === 'name' && (frame.itemOfToken.get(m.first) ?? -1) <= s && !continuesName && !titleAside) return { mentions: [m], generic: null, firstItem: s, lastItem: end, spokesperson: false, how: 'appositive' };
    const nameGoesOn = continuesName && m !== null && m.kind === 'name' && (frame.itemOfToken.get(m.first) ?? -1) <= s;
    const aside = ASIDE_OPENERS.has(head.lower) || titleAside || /^\d/.test(head.text) || nameGoesOn;
    if (!aside) return inside;
    end = s - 1;
    if (nameGoesOn) continue;
    const np = phraseEndingAt(ctx, frame, end, 'appositive');
    if (np === null || np.mentions.length === 0) continue;
    if (np.firstItem === 0 || /[,;:—–]\s*$/.test(gapText(ctx, frame, np.firstItem - 1, np.firstItem))) return np;
    inside ??= np;
  }
  return inside;
}

/**
 * "Dennis Muilenburg, Boeing’s president and CEO, said": an aside that opens on a possessive
 * and holds a title says what the name before it is, as "the company’s president" does.
 */
function ownersTitle(frame: Frame, from: number, to: number): boolean {
  let owner = from;
  while (owner < Math.min(to, from + OWNER_WORDS) && !isPossessive(wordAt(frame, owner))) owner += 1;
  if (!isPossessive(wordAt(frame, owner))) return false;
  for (let i = owner + 1; i <= Math.min(to, owner + OWNER_WORDS); i += 1) {
    if (isTitleToken(wordAt(frame, i))) return true;
  }
  return false;
}

const isPossessive = (w: Token | null): boolean => w !== null && /['’]s$/u.test(w.text);

/** How many words an owner's name, and the words before its title, may have. */
const OWNER_WORDS = 4;

/** The words of a time that end at item `j` ("on Wednesday", "this week", "late Friday"): how many, or 0. */
function timeBefore(frame: Frame, j: number): number {
  const w = wordAt(frame, j);
  if (w === null || !TIME_WORDS.has(w.lower)) return 0;
  // "Wednesday morning": a part of the day after a day counts with it (once: the words are few).
  const partOfDay = ['morning', 'afternoon', 'evening', 'night'].includes(w.lower) && TIME_WORDS.has(wordAt(frame, j - 1)?.lower ?? '');
  const first = partOfDay ? j - 1 : j;
  const before = wordAt(frame, first - 1);
  return j - first + (before !== null && ['on', 'this', 'last', 'late', 'early', 'earlier', 'later'].includes(before.lower) ? 2 : 1);
}

/** "He went on to say …": "went on to" before a speech verb keeps its subject. */
function goesOnTo(frame: Frame, j: number): number {
  const lower = (k: number): string => wordAt(frame, k)?.lower ?? '';
  return lower(j) === 'to' && lower(j - 1) === 'on' && ['went', 'goes', 'go', 'going'].includes(lower(j - 2)) ? 3 : 0;
}

/** The subject written after the verb: "“…,” said Henrik Aalto". */
export function subjectAfter(ctx: AttributionScope, frame: Frame, k: number): NounPhrase | null {
  const token = wordAt(frame, k + 1);
  if (token === null || !spaced(ctx, frame, k, k + 1)) return null;
  const m = ctx.mentions.startingAt(token.index) ?? (['the', 'a', 'an'].includes(token.lower) ? ctx.mentions.startingAt(token.index + 1) : null);
  const titleNext = m !== null && titleRightAfter(ctx, m);
  if (m === null || m.kind !== 'name' || m.entity?.type === 'Organization' || titleNext || m.possessive) {
    const named = namedAfterDescription(ctx, frame, k + 1);
    if (named !== null) return named;
  }
  // "said Harbourside’s mayor": the possessor is not who spoke.
  if (m === null || m.kind === 'place' || m.possessive) return null;
  const last = frame.itemOfToken.get(m.last) ?? k + 1;
  return { mentions: [m], generic: null, firstItem: k + 1, lastItem: last, spokesperson: false, how: 'after' };
}

/** "Harbour Ferries spokesman": a title right after a name, with no comma between ("Jane Roe, Director of …" is an aside). */
function titleRightAfter(ctx: AttributionScope, m: Mention): boolean {
  const last = ctx.layout.tokens[m.last];
  const next = ctx.layout.tokens[m.last + 1];
  return last !== undefined && next !== undefined && isTitleToken(next) && /^ +$/.test(text(ctx).slice(last.end, next.start));
}

/** How many words a description before the name it gives may have: "their spokesman, Senior Chief". */
const DESCRIPTION_WORDS = 6;
const DESCRIPTION_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our']);

/**
 * "“…,” said Amtrak spokesman Cliff Black", "said their spokesman, Senior Chief Dave Nagle":
 * a description after the verb (a body's name, a possessive, a title) followed by a person's
 * name is that person's; the body or the pronoun first in line is not the speaker.
 */
function namedAfterDescription(ctx: AttributionScope, frame: Frame, from: number): NounPhrase | null {
  let titled = false;
  for (let n = from; n < Math.min(frame.items.length, from + DESCRIPTION_WORDS); ) {
    const w = wordAt(frame, n);
    if (w === null || (n > from && /[.;:!?()—–]/.test(gapText(ctx, frame, n - 1, n)))) return null;
    const m = ctx.mentions.startingAt(w.index);
    if (n > from && (titled || isTitleToken(w)) && m?.kind === 'name' && m.entity?.type === 'Person') {
      return { mentions: [m], generic: null, firstItem: from, lastItem: frame.itemOfToken.get(m.last) ?? n, spokesperson: false, how: 'after' };
    }
    // "added Harbourside’s Ada Venn": a name's possessive describes the person named after it.
    if (m?.kind === 'name' && m.possessive) {
      titled = true;
      n = (frame.itemOfToken.get(m.last) ?? n) + 1;
      continue;
    }
    // The body the title is held at, whatever type its name was given: "Harbour Ferries spokesman".
    if (m?.kind === 'name' && (m.entity?.type === 'Organization' || titleRightAfter(ctx, m))) {
      n = (frame.itemOfToken.get(m.last) ?? n) + 1;
      continue;
    }
    if (isTitleToken(w)) titled = true;
    else if (!DESCRIPTION_OPENERS.has(w.lower) && !/['’]s$/u.test(w.text)) return null;
    n += 1;
  }
  return null;
}

/**
 * Who an -ing clause or a coordinated verb belongs to: the subject of the speech verb before
 * it, or the nearest subject before it. A coordinated verb shares its subject even inside a
 * subordinate clause ("When Alison Greaves stood up … and said …").
 */
function mainClauseSubject(ctx: AttributionScope, frame: Frame, k: number, depth = 0, coordinated = false): NounPhrase | null {
  if (depth > 3) return null;
  for (let v = k - 1; v >= 0; v -= 1) {
    const use = speechVerbAt(ctx, frame, v, { afterQuote: true });
    if (use === null) continue;
    const np = subjectOf(ctx, frame, use, depth + 1);
    if (np === null) continue;
    const res = resolvePhrase(ctx, np, null);
    if (res.ok && res.speakers.some((s) => !s.entity.outlet)) return { ...np, how: 'main-clause' };
  }
  for (let n = k - 1; n >= 0; n -= 1) {
    const w = wordAt(frame, n);
    const m = w === null ? null : ctx.mentions.endingAt(w.index);
    // "people would come to me and say": a generic subject nearer than any name is the subject.
    if (m === null && w !== null && wordAt(frame, n + 1)?.tags.has('Verb') === true && GENERIC_SPEAKERS.has(w.lower)) return phraseEndingAt(ctx, frame, n, 'main-clause');
    if (m === null || !m.subject || (m.subordinate && !coordinated) || m.kind === 'place') continue;
    if (m.entity?.outlet) continue;
    return { mentions: [m], generic: null, firstItem: frame.itemOfToken.get(m.first) ?? n, lastItem: n, spokesperson: false, how: 'main-clause' };
  }
  return null;
}

/** Words after which an -ing form of a speech verb belongs to the main clause's subject. */
const PARTICIPLE_PREPOSITIONS = new Set(['by', 'after', 'while']);

/** Verbs that put out a text: "after posting a meme that …" tells of the text, not of words said. */
const PUTTING_OUT = new Set(['post', 'tweet', 'write', 'share', 'publish', 'release', 'issue']);

/**
 * "kicked off the morning by saying …", "while noting that …": a verb of saying after one of
 * these speaks for the main clause's subject; one with an object, or one that puts out a
 * text, does not.
 */
function afterPreposition(frame: Frame, use: VerbUse): boolean {
  return use.verb.takesObject !== true && !PUTTING_OUT.has(use.verb.lemma) && PARTICIPLE_PREPOSITIONS.has(wordAt(frame, use.index - 1)?.lower ?? '');
}

export function subjectOf(ctx: AttributionScope, frame: Frame, use: VerbUse, depth = 0): NounPhrase | null {
  if (use.coordinated) return mainClauseSubject(ctx, frame, use.index - 1, depth, true);
  if (use.participle && (/,\s*$/.test(gapText(ctx, frame, use.index - 1, use.index)) || afterPreposition(frame, use))) return mainClauseSubject(ctx, frame, use.index, depth);
  const before = subjectBefore(ctx, frame, use.index);
  if (before !== null) return before;
  const prev = frame.items[use.index - 1];
  if (prev === undefined || prev.kind === 'quote') return subjectAfter(ctx, frame, use.index);
  if (!/,\s*$/.test(gapText(ctx, frame, use.index - 1, use.index))) return null;
  // "…, said the company." inverts its subject; in "…, said the company is “…”" the phrase
  // after the verb opens the clause said, and the subject was in an aside not read.
  const after = subjectAfter(ctx, frame, use.index);
  return after === null || endsClause(ctx, frame, after.lastItem) ? after : null;
}

/** Whether the clause ends after item `j`: punctuation, a quote or the sentence's end follow it. */
function endsClause(ctx: AttributionScope, frame: Frame, j: number): boolean {
  return j + 1 >= frame.items.length || frame.items[j + 1]?.kind === 'quote' || /[,.;:!?—–(]/.test(gapText(ctx, frame, j, j + 1));
}
