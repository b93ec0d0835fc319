/**
 * Who a speech verb's subject is: the noun phrase before or after the verb (a name, a
 * title, "the agency", a pronoun, "officials"), the subject of the main clause for a
 * participle, and how a phrase resolves to the article's entities (a pronoun to an earlier
 * subject, the last speaker, or the last person named).
 */
import type { Token } from './layout';
import { readsAsPersonName } from './person-name';
import { describedSpeaker } from './descriptions';
import { PARTY_WORDS } from './name-words';
import { firstIndex } from './sorted';
import { BE_FORMS, GENERIC_SPEAKERS, ORG_ANAPHORS, ORG_WORDS, SPOKESPEOPLE, STATEMENT_NOUNS, TIME_WORDS, TITLE_WORDS } from './lexicon';
import type { DocEntity, Mention } from './mentions';
import { type Item, type Frame, type AttributionScope, type VerbUse, type NounPhrase, type Speaker, type Resolution, text, wordAt, gapText, spaced, isModifier, speechVerbAt } from './frame';

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

const isTitleToken = (w: Token | null): boolean => w !== null && TITLE_WORDS.has(w.lower.replace(/\.$/, ''));

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
  if (m === null || m.kind !== 'name' || m.entity?.type === 'Organization' || titleNext) {
    const named = namedAfterDescription(ctx, frame, k + 1);
    if (named !== null) return named;
  }
  if (m === null || m.kind === 'place') return null;
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

const GENDER_OF: Readonly<Record<string, 'male' | 'female' | null>> = { male: 'male', female: 'female' };

/** The person a pronoun stands for; "I" and "we" inside a quote are its speaker. */
function resolvePronoun(ctx: AttributionScope, m: Mention, quoteSpeaker: DocEntity | null, depth = 0): Speaker | null {
  if (ctx.pronouns.has(m)) return ctx.pronouns.get(m) ?? null;
  // A pronoun whose antecedent is a pronoun is resolved through it, a few links deep at most.
  if (depth > PRONOUN_CHAIN) return null;
  const found = findAntecedent(ctx, m, quoteSpeaker, depth);
  ctx.pronouns.set(m, found);
  return found;
}

/** How far back an antecedent is looked for, in mentions, and how many pronouns may chain. */
const ANTECEDENT_REACH = 300;
const PRONOUN_CHAIN = 4;

function findAntecedent(ctx: AttributionScope, m: Mention, quoteSpeaker: DocEntity | null, depth: number): Speaker | null {
  const speaker = (entity: DocEntity, how: string): Speaker => ({ entity, via: 'pronoun', mention: m.text, flags: ['pronoun', how] });
  if (m.pronoun === 'first') return m.quote !== null && quoteSpeaker !== null ? speaker(quoteSpeaker, 'first-person') : null;
  if (m.pronoun === 'plural') return null;
  const neuter = m.pronoun === 'neuter';
  const gender = GENDER_OF[m.pronoun ?? ''] ?? null;
  // A name of unknown type stands for a person only when it reads as one: not "X" after "a post on X".
  const fitsPerson = (e: DocEntity): boolean => (e.type === 'Person' || (e.type === 'Unknown' && readsAsPersonName(e.name))) && (e.gender === null || gender === null || e.gender === gender);
  // "it" is a body that speaks for itself: an organisation, not an outlet (whose reports are the outlet rules').
  const fits = (e: DocEntity | null): e is DocEntity => e !== null && !e.outlet && e !== quoteSpeaker && (neuter ? e.type === 'Organization' : fitsPerson(e));
  const layout = ctx.layout;
  const paragraphOf = (c: Mention): number => (layout.sentences[c.sentence] as { paragraph: number }).paragraph;
  const paragraph = paragraphOf(m);
  const ordinal = ordinalOf(layout, paragraph);
  const entityOf = (c: Mention): DocEntity | null => (c.kind === 'name' ? c.entity : c.kind === 'pronoun' && c !== m ? (resolvePronoun(ctx, c, quoteSpeaker, depth + 1)?.entity ?? null) : null);

  const at = firstIndex(ctx.mentions.all, (other) => other.start >= m.start);
  // Outside a quote, a pronoun never refers to a word inside one ("“Probably,” he said").
  const before = ctx.mentions.all
    .slice(Math.max(0, at - ANTECEDENT_REACH), at)
    .filter((c) => (c.kind === 'name' || c.kind === 'pronoun') && (m.quote !== null || c.quote === null) && !afterIndefinite(layout.tokens, c) && !caseParty(layout.tokens, c));
  // (a) The subject of an earlier clause of the same sentence.
  for (let n = before.length - 1; n >= 0; n -= 1) {
    const c = before[n] as Mention;
    if (c.sentence !== m.sentence) break;
    if (c.subject && !c.subordinate && fits(entityOf(c))) return speaker(entityOf(c) as DocEntity, 'same-sentence');
  }
  // (a′) "In one radio interview, where he promised …, Whitlock predicted": the main subject after an opening clause.
  const ahead = subjectAfterOpening(ctx, m, fits);
  if (ahead !== null) return speaker(ahead, 'same-sentence');
  // (b) The subject of an earlier sentence of the same paragraph; one the text describes without naming stops the search.
  const earlier = subjectEarlierInParagraph(ctx, m, fits, entityOf, neuter);
  if (earlier !== undefined) return earlier === null ? null : speaker(earlier, 'same-paragraph');
  // (b′) The main subject of the sentence just before, ending the paragraph before: "A shaken Ruiz left the hall." then "“…,” she said."
  const previous = neuter ? null : previousSentenceSubject(ctx, m, fits);
  if (previous !== null) return speaker(previous, 'previous-sentence');
  // (c) Whoever spoke last, within three paragraphs with words; "it" goes first to the body an earlier sentence is about.
  const last = neuter ? null : lastSpeakerFitting(ctx, ordinal, fits);
  if (last !== null) return speaker(last, 'last-speaker');
  const main = earlierMainSubject(layout, before, m.sentence, ordinal, entityOf, fits);
  if (main !== null) return speaker(main, 'earlier-subject');
  if (neuter) {
    const body = lastSpeakerFitting(ctx, ordinal, fits);
    return body === null ? null : speaker(body, 'last-speaker');
  }
  // (e) The last person named, within three paragraphs with words.
  for (let n = before.length - 1; n >= 0; n -= 1) {
    const c = before[n] as Mention;
    if (ordinal - ordinalOf(layout, paragraphOf(c)) > 3) break;
    if (c.kind === 'name' && fits(c.entity) && !modifiesNoun(layout, c)) return speaker(c.entity as DocEntity, 'last-named');
  }
  return null;
}

/**
 * (b) The nearest main subject of an earlier sentence of the paragraph that the pronoun can
 * stand for. A person the text only describes ("The county manager said … He added …") is
 * whom the pronoun goes on with, not someone named before them: the search stops there with
 * null. Undefined when the paragraph has no such subject.
 */
function subjectEarlierInParagraph(
  ctx: AttributionScope,
  m: Mention,
  fits: (e: DocEntity | null) => e is DocEntity,
  entityOf: (c: Mention) => DocEntity | null,
  neuter: boolean,
): DocEntity | null | undefined {
  const all = ctx.mentions.all;
  const paragraph = paragraphOfSentence(ctx.layout, m.sentence);
  for (let n = firstIndex(all, (other) => other.start >= m.start) - 1; n >= 0; n -= 1) {
    const c = all[n] as Mention;
    if (c.sentence === m.sentence) continue;
    if (paragraphOfSentence(ctx.layout, c.sentence) !== paragraph) break;
    if (!c.subject || c.subordinate || (m.quote === null && c.quote !== null)) continue;
    if (c.kind === 'title' && !neuter) {
      const held = c.head === null ? null : ctx.registry.byTitle(c.head, c.start);
      // "A teacher left …, she said": one told of with "a" may be anyone the paragraph tells of in passing.
      if (held === null && definite(ctx.layout.tokens, c)) return null;
      if (held === null) continue;
      if (fits(held.entity)) return held.entity;
      continue;
    }
    if ((c.kind === 'name' || c.kind === 'pronoun') && !afterIndefinite(ctx.layout.tokens, c) && !caseParty(ctx.layout.tokens, c) && fits(entityOf(c))) return entityOf(c);
  }
  return undefined;
}

/** "The county manager", "the city’s fire chief": a description of one person, not "a teacher". */
function definite(tokens: readonly Token[], c: Mention): boolean {
  const first = tokens[c.first];
  return first !== undefined && (first.lower === 'the' || /['’]s$/u.test(first.text) || ['his', 'her', 'their', 'its'].includes(first.lower));
}

const paragraphOfSentence = (layout: AttributionScope['layout'], sentence: number): number => (layout.sentences[sentence] as { paragraph: number }).paragraph;

/**
 * (b′) A paragraph that opens on "“…,” he said" goes on with the person the paragraph before
 * ends on as its main subject, named, when no one spoke after them: the line that brings a
 * speaker in ("A clearly shaken Ruiz gave a short answer.") is nearer than whoever spoke
 * before it.
 */
function previousSentenceSubject(ctx: AttributionScope, m: Mention, fits: (e: DocEntity | null) => e is DocEntity): DocEntity | null {
  const layout = ctx.layout;
  const own = layout.sentences[m.sentence];
  const prior = layout.sentences[m.sentence - 1];
  if (own === undefined || prior === undefined || prior.paragraph === own.paragraph || ordinalOf(layout, own.paragraph) - ordinalOf(layout, prior.paragraph) !== 1) return null;
  const main = ctx.mentions.inSentence(m.sentence - 1).find((c) => c.subject && !c.subordinate && c.quote === null);
  // "A clearly shaken Ruiz": after "a", a name seen before is still that person.
  const seenBefore = main?.entity != null && (main.entity.seen[0] ?? Infinity) < main.start;
  if (main === undefined || main.kind !== 'name' || !fits(main.entity) || caseParty(layout.tokens, main) || (afterIndefinite(layout.tokens, main) && !seenBefore)) return null;
  const last = ctx.history[ctx.history.length - 1];
  if (last !== undefined && last.paragraph >= prior.paragraph) return null;
  return main.entity;
}

/** Words that open a sentence on a clause or phrase before its main subject: "When he …, X said". */
const OPENING_CLAUSE_WORDS = new Set(['in', 'on', 'at', 'after', 'before', 'when', 'while', 'as', 'since', 'though', 'although', 'if', 'during', 'once', 'until', 'where']);
/** How many mentions after a pronoun the main subject it stands for may be. */
const CATAPHOR_REACH = 6;

/**
 * A pronoun inside a sentence's opening clause stands for the sentence's main subject after
 * the comma that closes it ("When she arrived, Ruiz said …"), when that subject is a name.
 */
function subjectAfterOpening(ctx: AttributionScope, m: Mention, fits: (e: DocEntity | null) => e is DocEntity): DocEntity | null {
  const tokens = ctx.layout.tokens;
  const sentence = ctx.layout.sentences[m.sentence];
  const opener = sentence === undefined ? undefined : tokens[sentence.first];
  if (opener === undefined || opener.index === m.first || !OPENING_CLAUSE_WORDS.has(opener.lower) || m.quote !== null) return null;
  const all = ctx.mentions.all;
  const at = firstIndex(all, (other) => other.start > m.start);
  for (let n = at; n < Math.min(all.length, at + CATAPHOR_REACH); n += 1) {
    const c = all[n] as Mention;
    if (c.sentence !== m.sentence) return null;
    if (!c.subject || c.subordinate || c.kind !== 'name' || c.quote !== null) continue;
    const comma = /,\s*$/.test(ctx.layout.text.slice((tokens[c.first - 1] as Token).end, c.start));
    return comma && fits(c.entity) ? c.entity : null;
  }
  return null;
}

/** "the Biden administration", "Trump supporters": a name before a noun qualifies it and is nobody a pronoun stands for. */
function modifiesNoun(layout: AttributionScope['layout'], c: Mention): boolean {
  const next = layout.tokens[c.last + 1];
  const last = layout.tokens[c.last] as Token;
  return next !== undefined && next.sentence === c.sentence && /^\p{Ll}/u.test(next.text) && next.tags.has('Noun') && !next.tags.has('Verb') && !/['’]s$/.test(last.text) && /^ +$/.test(layout.text.slice(last.end, next.start));
}

/** The word between a case's parties: "Roe v. Wade", "Brown vs. Board". */
const VERSUS = new Set(['v', 'v.', 'vs', 'vs.', 'versus']);

/**
 * "Roe v. Wade", "Dobbs v. Jackson": a name on either side of "v." is a case's title, which no
 * pronoun stands for, whoever the parties were.
 */
function caseParty(tokens: readonly Token[], c: Mention): boolean {
  return VERSUS.has(tokens[c.first - 1]?.lower ?? '') || VERSUS.has(tokens[c.last + 1]?.lower ?? '');
}

/** How many lower-case words may stand between "a" and the name it describes: "a native", "a lifelong". */
const DESCRIBING_WORDS = 2;

/**
 * "Harold Whitlock, a native New Yorker": a capitalised run after "a" or "an" (and a
 * describing word or two) says what someone is, not who; a pronoun never stands for it.
 */
function afterIndefinite(tokens: readonly Token[], c: Mention): boolean {
  for (let k = c.first - 1; k >= Math.max(0, c.first - 1 - DESCRIBING_WORDS); k -= 1) {
    const w = tokens[k] as Token;
    if (w.sentence !== c.sentence) return false;
    if (w.lower === 'a' || w.lower === 'an') return true;
    if (!/^\p{Ll}/u.test(w.text)) return false;
  }
  return false;
}

function lastSpeakerFitting(ctx: AttributionScope, ordinal: number, fits: (e: DocEntity | null) => e is DocEntity): DocEntity | null {
  for (let n = ctx.history.length - 1; n >= Math.max(0, ctx.history.length - ANTECEDENT_REACH); n -= 1) {
    const h = ctx.history[n] as AttributionScope['history'][number];
    if (ordinal - ordinalOf(ctx.layout, h.paragraph) > 3) break;
    if (fits(h.speaker)) return h.speaker;
  }
  return null;
}

/**
 * (d) The main subject (the first subject of its main clause) of an earlier sentence, within
 * three paragraphs, nearest first: "She walked the ruins of Lahaina." then "From observation,
 * she said …" goes on with the walker, not the town; "OceanGate released a statement after
 * the Coast Guard said …" then "It said …" is OceanGate.
 */
function earlierMainSubject(
  layout: AttributionScope['layout'],
  before: readonly Mention[],
  sentence: number,
  ordinal: number,
  entityOf: (c: Mention) => DocEntity | null,
  fits: (e: DocEntity | null) => e is DocEntity,
): DocEntity | null {
  let n = before.length - 1;
  while (n >= 0) {
    const at = before[n] as Mention;
    if (ordinal - ordinalOf(layout, (layout.sentences[at.sentence] as { paragraph: number }).paragraph) > 3) break;
    // Going backwards, the last subject seen in a sentence is its first.
    let main: Mention | null = null;
    for (; n >= 0 && (before[n] as Mention).sentence === at.sentence; n -= 1) {
      const c = before[n] as Mention;
      if (c.subject && !c.subordinate) main = c;
    }
    const e = main === null || at.sentence === sentence ? null : entityOf(main);
    if (fits(e)) return e;
  }
  return null;
}

/** A paragraph's place among the paragraphs with words: distances are read in those. */
const ordinalOf = (layout: AttributionScope['layout'], paragraph: number): number => layout.paragraphs[paragraph]?.ordinal ?? paragraph;

/**
 * "the intelligence director continued": a title the article never gave anyone by that
 * wording is the last speaker, when that speaker spoke in this paragraph or the one with words before
 * and a title the article gave them has its head word, or, for "continued" and "added", no
 * title the article gave them says otherwise. Flagged, since it is a guess.
 */
function titledLastSpeaker(ctx: AttributionScope, m: Mention, flags: readonly string[], continuing: boolean): Speaker | null {
  const last = ctx.history[ctx.history.length - 1];
  const paragraph = (ctx.layout.sentences[m.sentence] as { paragraph: number }).paragraph;
  if (last === undefined || ordinalOf(ctx.layout, paragraph) - ordinalOf(ctx.layout, last.paragraph) > 1 || last.speaker.type === 'Organization' || m.head === null) return null;
  const head = m.head.toLowerCase().split(/\s+/).pop() as string;
  const titles = [...last.speaker.titles].map((t) => t.toLowerCase());
  if (titles.length > 0 ? !titles.some((t) => t.includes(head)) : !continuing) return null;
  return { entity: last.speaker, via: 'title', mention: m.text, flags: [...flags, 'title', 'last-speaker'] };
}

/** Turns a noun phrase into speakers, or says why it cannot. */
/** `continuing`: the verb is "continued" or "added", which goes on with someone who has just spoken. */
export function resolvePhrase(ctx: AttributionScope, np: NounPhrase, quoteSpeaker: DocEntity | null, continuing = false): Resolution {
  const mentionText = text(ctx).slice((np.mentions[0] ?? { start: 0 }).start, (np.mentions[np.mentions.length - 1] ?? { end: 0 }).end) || np.generic;
  if (np.generic !== null) return { ok: false, reason: 'generic', mention: np.generic, outlets: [] };
  const speakers: Speaker[] = [];
  for (const m of np.mentions) {
    const flags: string[] = [];
    if (np.spokesperson) flags.push('spokesperson');
    if (np.mentions.length > 1) flags.push('multiple-speakers');
    let found: Speaker | null = null;
    switch (m.kind) {
      case 'name':
        if (m.entity !== null && !partyMember(m)) found = { entity: m.entity, via: m.via ?? 'name', mention: m.text, flags: m.ambiguous ? [...flags, 'ambiguous'] : flags };
        break;
      case 'pronoun': {
        const p = resolvePronoun(ctx, m, quoteSpeaker);
        if (p !== null) found = { ...p, flags: [...flags, ...p.flags] };
        break;
      }
      case 'title': {
        const t = m.head === null ? null : ctx.registry.byTitle(m.head, m.start);
        if (t !== null) found = { entity: t.entity, via: t.via, mention: m.text, flags: [...flags, 'title'] };
        else found = titledLastSpeaker(ctx, m, flags, continuing);
        break;
      }
      case 'anaphor': {
        const e = m.head === null ? null : bodyNamed(ctx, m, ctx.registry.byAnaphor(m.head, m.start));
        if (e !== null) found = { entity: e, via: 'anaphor', mention: m.text, flags: [...flags, 'description'] };
        break;
      }
      case 'place':
        break;
    }
    if (found === null) return { ok: false, reason: 'unresolved', mention: mentionText, outlets: [] };
    speakers.push(found);
  }
  if (speakers.length === 0) return { ok: false, reason: 'unresolved', mention: mentionText, outlets: [] };
  if (speakers.every((s) => s.entity.outlet)) return { ok: false, reason: 'outlet', mention: mentionText, outlets: speakers.map((s) => s.entity) };
  return { ok: true, speakers };
}

/**
 * "at least one Democrat noted", "Republicans say": a party's member or members, unnamed; a
 * name the text gives no one (the graph's party, an organisation, is another matter).
 */
function partyMember(m: Mention): boolean {
  return m.entity?.graph == null && PARTY_WORDS.has(m.text.toLowerCase().replace(/s$/, ''));
}

/**
 * Whether an organisation named where an outlet would be ("according to X", "X reported",
 * "told X") is one: the graph says so, its name says so ("… Gazette"), or it is not a person
 * and not a body that speaks for itself ("the ministry").
 */
export function outletLike(ctx: AttributionScope, m: Mention): boolean {
  const e = entityOf(ctx, m);
  if (e === null) return false;
  if (e.outlet) return true;
  if (e.graph !== null || e.type === 'Person') return false;
  const tokens = ctx.layout.tokens.slice(m.first, m.last + 1);
  if (tokens.some((t) => t.tags.has('Person') || t.tags.has('FirstName') || t.tags.has('LastName') || t.tags.has('Honorific'))) return false;
  if (e.name.toLowerCase().split(/\s+/).some((w) => ORG_WORDS.has(w))) return false;
  // "Cheatle said": an unknown one-word name is far more often the surname of someone (named
  // in full or not) than an outlet, which the lexicon, an outlet's word ("Times") or the
  // article's own description ("the newspaper Corran") marks; only those speak as outlets,
  // and a name that reports, or speaks citing its sources ("Yonhap reported, citing").
  return !(e.type === 'Unknown' && !/\s/.test(e.name.trim())) || reportsAsOutlet(ctx, m);
}

/** "Semafor reported", "Yonhap said, citing two officials": what an outlet, not a person, does. */
const REPORTS_AFTER = /^[ \t]*(?:has |had |first )?report(?:ed|s|ing)\b/u;
const SAYS_CITING_AFTER = /^[ \t]*(?:said|says|reported)?[ \t]*,[ \t]*citing\b/u;
function reportsAsOutlet(ctx: AttributionScope, m: Mention): boolean {
  const end = (ctx.layout.tokens[m.last] as Token).end;
  const after = ctx.layout.text.slice(end, end + 40);
  return REPORTS_AFTER.test(after) || SAYS_CITING_AFTER.test(after);
}

/**
 * "the company said": the last name the head fits may be a thing ("the Titan", a name of no
 * known type) between the company's words and these; a body that spoke within three
 * paragraphs is surer.
 */
function bodyNamed(ctx: AttributionScope, m: Mention, named: DocEntity | null): DocEntity | null {
  if (named === null || named.type === 'Organization' || ORG_ANAPHORS[m.head ?? ''] === 'outlet') return named;
  const body = (e: DocEntity | null): e is DocEntity => e !== null && e.type === 'Organization' && !e.outlet;
  return lastSpeakerFitting(ctx, ordinalOf(ctx.layout, ctx.layout.sentences[m.sentence]?.paragraph ?? 0), body) ?? named;
}

/** The entity a mention stands for: an anaphor's ("the paper") is the last one its head fits. */
export function entityOf(ctx: AttributionScope, m: Mention): DocEntity | null {
  return m.kind === 'anaphor' && m.head !== null ? ctx.registry.byAnaphor(m.head, m.start) : m.entity;
}

export const markOutlet = (e: DocEntity): DocEntity => {
  e.outlet = true;
  e.type = 'Organization';
  return e;
};

export function mentionAfter(ctx: AttributionScope, frame: Frame, k: number): Mention | null {
  const w = wordAt(frame, k);
  if (w === null) return null;
  const m = ctx.mentions.startingAt(w.index) ?? (['the', 'a', 'an'].includes(w.lower) ? ctx.mentions.startingAt(w.index + 1) : null);
  return m !== null && m.kind !== 'place' && m.kind !== 'pronoun' ? m : null;
}

/** Determiners of a text already told of: "the statement said", "that letter read". */
const TEXT_DETERMINERS = new Set(['the', 'that', 'this']);
/** How far back, in paragraphs, "the statement" may point at the body or person who put it out. */
const TEXT_AUTHOR_REACH = 2;

/**
 * "according to a statement from U.S. Northern Command", "in a post by the mayor": the
 * author named after a text put out, from word `k` (the determiner or the noun).
 */
export function authorOfTextAt(ctx: AttributionScope, frame: Frame, k: number): Mention | null {
  const n = ['a', 'an', 'the', 'its', 'their', 'his', 'her'].includes(wordAt(frame, k)?.lower ?? '') ? k + 1 : k;
  if (!STATEMENT_NOUNS.has(wordAt(frame, n)?.lower ?? '') || !['from', 'by'].includes(wordAt(frame, n + 1)?.lower ?? '')) return null;
  return mentionAfter(ctx, frame, n + 2);
}

/**
 * "…, the statement said": a text told of before, as the subject of the speech verb at `k`
 * (or of "read"), speaks for whoever put it out: the last speaker that is not an outlet,
 * within a couple of paragraphs. A guess from context, so flagged for review.
 */
export function textAuthorBefore(ctx: AttributionScope, frame: Frame, k: number): Speaker | null {
  const noun = wordAt(frame, k - 1);
  const det = wordAt(frame, k - 2);
  if (noun === null || det === null || !STATEMENT_NOUNS.has(noun.lower) || !TEXT_DETERMINERS.has(det.lower)) return null;
  return lastSpeakerWithin(ctx, frame, TEXT_AUTHOR_REACH, text(ctx).slice(det.start, noun.end), ['description', 'last-speaker']);
}

/** The last speaker that is not an outlet, within `reach` paragraphs with words before the frame's. */
function lastSpeakerWithin(ctx: AttributionScope, frame: Frame, reach: number, mention: string, flags: readonly string[]): Speaker | null {
  const ordinal = ordinalOf(ctx.layout, ctx.layout.sentences[frame.sentence]?.paragraph ?? 0);
  for (let n = ctx.history.length - 1; n >= 0; n -= 1) {
    const h = ctx.history[n] as AttributionScope['history'][number];
    if (ordinal - ordinalOf(ctx.layout, h.paragraph) > reach) return null;
    if (!h.speaker.outlet) return { entity: h.speaker, via: 'anaphor', mention, flags };
  }
  return null;
}

/** The line before a summary line. */
const SUMMARY_REACH = 1;

/**
 * "Describes the move as a “mid-cycle adjustment.”", "Says the talks will resume": a
 * summary line that opens with a speech verb in the present and no subject goes on with the
 * speaker of the line before (a standfirst or live blog under its lede), flagged for review.
 */
export function openingVerbSpeaker(ctx: AttributionScope, frame: Frame, k: number): Speaker | null {
  const verb = wordAt(frame, k);
  if (k !== 0 || verb === null || !/^\p{Lu}\p{Ll}+s$/u.test(verb.text)) return null;
  return lastSpeakerWithin(ctx, frame, SUMMARY_REACH, verb.text, ['subjectless', 'last-speaker']);
}
