/**
 * Paraphrases: a clause with a speech verb and no quote ("Greaves said the first contracts
 * would be signed …"), the claim-first order ("…, Waltz confirmed Wednesday."), an outlet
 * reporting in its own name, and a claim sourced "according to" a person or body.
 */
import type { Token } from './layout';
import { BE_FORMS, isParticiple, TITLE_WORDS } from './lexicon';
import { TEXT_NOUNS } from './texts';
import { isShowTitle } from './quotes';
import { type Item, type Frame, type AttributionScope, type VerbUse, type NounPhrase, type Speaker, text, wordAt, gapText, isModifier, speechVerbAt, spaced } from './frame';
import { subjectOf, resolvePhrase, outletLike, entityOf, markOutlet, authorOfTextAt, textAuthorBefore, openingVerbSpeaker } from './speakers';
import { REPORT_NOUNS, sourceNamedAt } from './reporting';
import { afterListener } from './listeners';
import type { Mention } from './mentions';
import { readsAsPersonName } from './person-name';

export interface Paraphrase {
  readonly verb: VerbUse;
  readonly phrase: NounPhrase;
  readonly speakers: readonly Speaker[];
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly rule: 'indirect-speech-verb' | 'indirect-claim-then-verb' | 'indirect-according-to' | 'indirect-message-colon';
  /** "according to the regional governor": the description that names no one, when the source is one (no speakers then). */
  readonly described?: string;
}

/**
 * Whether the sentence holds a quote, or a speech verb besides the one at `k` whose subject
 * is someone: "CNN reported that Waltz suggested …" relays Waltz's words, while in "Police
 * said they believe …, CNN reported" or "Officials said …, according to CNN" the subject names
 * nobody, and the outlet is the one who vouches for the claim.
 */
function reportsOthers(ctx: AttributionScope, frame: Frame, k: number): boolean {
  return frame.items.some((item, j) => {
    if (j === k) return false;
    if (item.kind === 'quote') return true;
    const use = item.kind === 'word' ? speechVerbAt(ctx, frame, j) : null;
    if (use === null) return false;
    const np = use.participle ? null : subjectOf(ctx, frame, use);
    return np === null || np.how === 'main-clause' || !namesNobody(ctx, np);
  });
}

/** "Police", "officials", "a source": a subject that resolves to no one and is no outlet. */
function namesNobody(ctx: AttributionScope, np: NounPhrase): boolean {
  const res = resolvePhrase(ctx, np, null);
  return !res.ok && res.reason !== 'outlet';
}

/**
 * Paraphrases: "Greaves said the first contracts would be signed …", "Macron announced a
 * meeting … and called for …", and the claim-first order "The administration has suspended
 * …, Waltz confirmed Wednesday." A verb whose clause holds a quote is left to the quote.
 */
export function paraphrases(ctx: AttributionScope, frame: Frame, used: ReadonlySet<number>): Paraphrase[] {
  const out: Paraphrase[] = [];
  for (let k = 0; k < frame.items.length; k += 1) {
    if (used.has(k)) continue;
    const use = speechVerbAt(ctx, frame, k);
    if (use === null || use.verb.lemma === 'continue' || (use.coordinated && use.verb.ownClauseOnly === true)) continue;
    // "… until Whitcombe confirmed that she was committed …" inside someone else's reported
    // clause is part of what that person said, not a statement of its own.
    if (out.some((p) => p.rule === 'indirect-speech-verb' && p.start <= use.token.start && use.token.start < p.end)) continue;
    const report = subjectOf(ctx, frame, use) === null ? (reportSubject(ctx, frame, k) ?? textSubject(ctx, frame, k)) : null;
    const np = report?.phrase ?? subjectOf(ctx, frame, use);
    // "…, Pell Ruiz, with the parks service, told CNN": "told" never puts its subject
    // after it; the name there is the listener, and the speaker is in an aside not read.
    if (np === null || (np.how === 'after' && use.verb.lemma === 'tell')) continue;
    const speakers = report?.speakers ?? speakersOf(ctx, frame, k, np);
    if (speakers === null) continue;
    const found = claimThenVerb(ctx, frame, k, use, np, speakers) ?? (np.how === 'after' ? null : verbThenClaim(ctx, frame, k, use, np, speakers));
    if (found !== null) out.push(found);
  }
  return out;
}

/** How far back, in paragraphs, "the report" may point at the outlet that last reported in its own name. */
const REPORT_REACH = 3;
/** How many speakers back it may look, so that a long paragraph of statements costs no more per verb. */
const REPORT_SPEAKERS = 40;

/**
 * "The report claims …", "The story said …": a report named as one already told of, right
 * before the verb at `k`, is the outlet that last reported in its own name ("…, according to
 * a report from the Wall Street Journal"), within a few paragraphs.
 */
function reportSubject(ctx: AttributionScope, frame: Frame, k: number): { phrase: NounPhrase; speakers: readonly Speaker[] } | null {
  const noun = wordAt(frame, k - 1);
  const the = wordAt(frame, k - 2);
  if (noun === null || the === null || the.lower !== 'the' || !REPORT_NOUNS.has(noun.lower)) return null;
  const paragraph = ctx.layout.sentences[frame.sentence]?.paragraph ?? 0;
  for (let n = ctx.history.length - 1; n >= Math.max(0, ctx.history.length - REPORT_SPEAKERS); n -= 1) {
    const h = ctx.history[n] as AttributionScope['history'][number];
    if (paragraph - h.paragraph > REPORT_REACH) break;
    if (!h.speaker.outlet) continue;
    const phrase: NounPhrase = { mentions: [], generic: null, firstItem: k - 2, lastItem: k - 1, spokesperson: false, how: 'before' };
    return { phrase, speakers: [{ entity: h.speaker, via: 'anaphor', mention: text(ctx).slice(the.start, noun.end), flags: ['outlet-speaker', 'description'] }] };
  }
  return null;
}

/** "The statement said …", "Says the talks …": the speaker from context (speakers.ts), as the subject of the verb at `k`. */
function textSubject(ctx: AttributionScope, frame: Frame, k: number): { phrase: NounPhrase; speakers: readonly Speaker[] } | null {
  const author = textAuthorBefore(ctx, frame, k) ?? openingVerbSpeaker(ctx, frame, k);
  if (author === null) return null;
  return { phrase: { mentions: [], generic: null, firstItem: k - 2, lastItem: k - 1, spokesperson: false, how: 'before' }, speakers: [author] };
}

/** Who speaks through the verb at `k` with subject `np`, or null when no one does. */
function speakersOf(ctx: AttributionScope, frame: Frame, k: number, np: NounPhrase): readonly Speaker[] | null {
  const res = resolvePhrase(ctx, np, null);
  // An outlet is the speaker of what it reports ("The Tribune reported that …"), unless
  // what it reports is someone else's words ("CNN reported that Waltz suggested …").
  const outletSpeakers = !res.ok && res.reason === 'outlet' && !reportsOthers(ctx, frame, k) ? res.outlets.map((entity): Speaker => ({ entity, via: 'name', mention: res.mention ?? entity.name, flags: ['outlet-speaker'] })) : [];
  if (!res.ok && outletSpeakers.length === 0) return null;
  const speakers = res.ok ? res.speakers.filter((s) => !s.entity.outlet) : outletSpeakers;
  return speakers.length === 0 ? null : speakers;
}

/** How many words, none a verb, may follow the attribution of a claim: "said in a news conference on Tuesday afternoon". */
const CLAIM_TAIL_WORDS = 10;

/** Claim first, attribution last: "…, National Security Adviser Mike Waltz confirmed Wednesday." */
function claimThenVerb(ctx: AttributionScope, frame: Frame, k: number, use: VerbUse, np: NounPhrase, speakers: readonly Speaker[]): Paraphrase | null {
  const items = frame.items;
  const sentence = ctx.layout.sentences[frame.sentence];
  if (use.participle || use.coordinated || np.how === 'main-clause' || sentence === undefined) return null;
  const claimEnd = np.how === 'after' ? k - 1 : np.firstItem - 1;
  // What follows the verb up to the next comma: a time or a listener, never a new clause.
  const tailFrom = np.how === 'after' ? np.lastItem + 1 : k + 1;
  let tail = tailFrom;
  while (tail < items.length && !/[,;:]/.test(gapText(ctx, frame, tail - 1, tail))) tail += 1;
  const afterWords = items.slice(tailFrom, tail);
  // The attribution closes the sentence, or only an -ing clause follows it.
  const rest = items.slice(tail);
  const closes = rest.length === 0 || (rest.every((i) => i.kind === 'word') && rest[0]?.kind === 'word' && isParticiple(rest[0].token.lower));
  const opener = items[0]?.kind === 'word' ? items[0].token : null;
  const participialOpening = opener !== null && opener.tags.has('Verb') && /(ed|ing)$/.test(opener.lower);
  if (
    claimEnd >= 3 &&
    closes &&
    !participialOpening &&
    /,\s*$/.test(gapText(ctx, frame, claimEnd, claimEnd + 1)) &&
    items.slice(0, claimEnd + 1).every((i) => i.kind === 'word') &&
    items.slice(0, claimEnd + 1).some((i) => i.kind === 'word' && i.token.tags.has('Verb') && !i.token.tags.has('Gerund')) &&
    !(items[0]?.kind === 'word' && items[0].token.tags.has('Preposition') && !adverbialOpener(ctx, frame, claimEnd)) &&
    afterWords.length <= CLAIM_TAIL_WORDS &&
    // An -ing word there is a noun ("said during a press briefing"), a clause would need a verb of its own.
    afterWords.every((i) => i.kind === 'word' && !(i.token.tags.has('Verb') && !i.token.tags.has('Gerund')))
  ) {
    const claim = text(ctx).slice((items[0] as Item).start, (items[claimEnd] as Item).end);
    return { verb: use, phrase: np, speakers, start: sentence.start, end: sentence.end, text: sentenceCase(claim), rule: 'indirect-claim-then-verb' };
  }
  return null;
}

/** How many words a phrase of time or manner opening a claim may have: "In all,", "At the same time,". */
const OPENER_WORDS = 4;

/**
 * "In all, damage was found along 12 rows, she said": a short opening phrase set off by a
 * comma, with no verb, before a clause that has one. "After the vote ended, she said" (a
 * clause of its own, not a claim) stays out.
 */
function adverbialOpener(ctx: AttributionScope, frame: Frame, claimEnd: number): boolean {
  const items = frame.items;
  for (let j = 0; j < Math.min(OPENER_WORDS, claimEnd); j += 1) {
    const w = wordAt(frame, j);
    if (w === null || (w.tags.has('Verb') && j > 0)) return false;
    if (/^\s*,\s*$/.test(gapText(ctx, frame, j, j + 1))) return items.slice(j + 1, claimEnd + 1).some((i) => i.kind === 'word' && i.token.tags.has('Verb') && !i.token.tags.has('Gerund'));
  }
  return false;
}

/** How many words a venue, a time and a listener may take between a verb and its "that": "said early Friday morning during a House Ways and Means Committee hearing that". */
const WORDS_BEFORE_THAT = 14;

/** "Greaves said the first contracts would be signed …": the clause after the verb at `k`. */
function verbThenClaim(ctx: AttributionScope, frame: Frame, k: number, use: VerbUse, np: NounPhrase, speakers: readonly Speaker[]): Paraphrase | null {
  const items = frame.items;
  const last = clauseEnd(ctx, frame, k + 1);
  if (last <= k) return null;
  const clause = items.slice(k + 1, last + 1);
  // A quotation mark left unpaired in the clause opens words the quote rules could not close: not a
  // paraphrase. A show's title in marks ("told ABC’s “This Week” that …") is nobody's words.
  const titles = clause.filter((i) => i.kind === 'quote' && isShowTitle(text(ctx), i.quote));
  if (clause.some((i) => i.kind === 'quote' && !titles.includes(i))) return null;
  const from0 = (clause[0] as Item).start;
  let clauseText = text(ctx).slice(from0, (items[last] as Item).end);
  for (const t of titles) clauseText = clauseText.slice(0, t.start - from0) + ' '.repeat(t.end - t.start) + clauseText.slice(t.end - from0);
  if (/[“"]/.test(clauseText)) return null;
  // What was said starts after "that" when only the venue, the time or the listener come before it.
  let from = k + 1;
  const that = clause.findIndex((i) => i.kind === 'word' && i.token.lower === 'that');
  // No verb there: compromise tags "under" a verb's prefix ("revealed under questioning that …"), a
  // capitalised possessive "is" ("told ABC’s “This Week” that"), and a body's name may hold a verb
  // ("during a House Ways and Means Committee hearing that …").
  // An -ing word after a body's name is a noun too ("a … Committee hearing that").
  const verbBeforeThat = (i: Item, j: number): boolean => {
    if (i.kind !== 'word' || !i.token.tags.has('Verb') || i.token.tags.has('Prefix') || /^\p{Lu}/u.test(i.token.text)) return false;
    const prev = clause[j - 1];
    return !(i.token.tags.has('Gerund') && prev?.kind === 'word' && /^\p{Lu}/u.test(prev.token.text) && j > 1);
  };
  if (that !== -1 && that <= WORDS_BEFORE_THAT && !clause.slice(0, that).some(verbBeforeThat)) from = k + 1 + that + 1;
  else if (use.verb.lemma === 'tell') from = skipTime(frame, afterListener(ctx, frame, k));
  // "testifies before the House Oversight Committee during a hearing" (a caption's words and a
  // story's alike) tells where a witness spoke; testimony is paraphrased only after "that".
  if (from === k + 1 && (announcesKnownThing(frame, use) || use.verb.lemma === 'testify')) return null;
  const words = items.slice(from, last + 1).filter((i): i is Extract<Item, { kind: 'word' }> => i.kind === 'word');
  const takesObject = use.verb.takesObject === true;
  if (words.length < (takesObject ? 2 : 3)) return null;
  // A clause has a verb of its own, not only an -ing form ("told him following the game").
  if (!takesObject && !words.some((w) => w.token.tags.has('Verb') && !w.token.tags.has('Gerund'))) return null;
  const said = text(ctx).slice((items[from] as Item).start, (items[last] as Item).end);
  const startItem = np.how === 'before' && np.lastItem < k ? np.firstItem : k;
  const paraphrase = takesObject
    ? `${shortName(speakers)} ${use.token.text.replace(/ing$/, 'ed')} ${text(ctx).slice((items[k + 1] as Item).start, (items[last] as Item).end)}`
    : said;
  return {
    verb: use,
    phrase: np,
    speakers,
    start: (items[startItem] as Item).start,
    end: (items[last] as Item).end,
    text: sentenceCase(paraphrase),
    rule: 'indirect-speech-verb',
  };
}

/** "told the briefing today the cable …": a word of time after the listener is when, not what was said. */
function skipTime(frame: Frame, from: number): number {
  const when = (w: Token | null): boolean => w !== null && (w.tags.has('Date') || ['today', 'yesterday', 'tonight'].includes(w.lower));
  const w = wordAt(frame, from);
  if (when(w)) return from + 1;
  return ['on', 'this', 'last'].includes(w?.lower ?? '') && when(wordAt(frame, from + 1)) ? from + 2 : from;
}

/** Determiners of something the reader already knows of: "announced the shooting", "announced their findings". */
const DEFINITE = new Set(['the', 'their', 'his', 'her', 'its', 'our', 'this', 'that', 'these', 'those']);

/**
 * "Trump announced the agency’s decision", "police announced the arrest": "announced" with a
 * definite object tells that something was made known, in the reporter's words; with a
 * new one ("announced higher tariffs on dozens of countries") it gives what was said.
 */
function announcesKnownThing(frame: Frame, use: VerbUse): boolean {
  return use.verb.lemma === 'announce' && DEFINITE.has(wordAt(frame, use.index + 1)?.lower ?? '');
}

/**
 * "The bridge will close for six months, according to Arjun Mehta": a sentence without a
 * quote or a speech verb that names its source with "according to" or "per".
 */
export function sourcedClaim(ctx: AttributionScope, frame: Frame): Paraphrase | null {
  const items = frame.items;
  const sentence = ctx.layout.sentences[frame.sentence];
  if (sentence === undefined || items.some((i) => i.kind === 'quote')) return null;
  for (let k = 0; k < items.length; k += 1) {
    const w = wordAt(frame, k);
    const according = w?.lower === 'according' && wordAt(frame, k + 1)?.lower === 'to';
    const named = sourceNamedAt(ctx, frame, k);
    // "according to a statement from X": X put the words out itself, so it is no outlet.
    const author = named === null && according ? authorOfTextAt(ctx, frame, k + 2) : null;
    const m = named ?? author;
    const np: NounPhrase | null = m === null ? null : { mentions: [m], generic: null, firstItem: k, lastItem: frame.itemOfToken.get(m.last) ?? k, spokesperson: false, how: 'after' };
    const resolved = m === null || np === null ? null : author !== null ? authorSpeakers(ctx, np) : sourceSpeakers(ctx, frame, m, np);
    // "according to the regional governor": no one resolved, but a title that a passage nearby may name (drafts.ts, describedSpeakers).
    const described = resolved === null && according ? describedTitleAt(frame, k + 2) : null;
    const speakers = resolved ?? (described === null ? null : []);
    if (speakers === null) continue;
    const phrase: NounPhrase = np ?? { mentions: [], generic: null, firstItem: k, lastItem: described?.last ?? k, spokesperson: false, how: 'after' };
    const before = items.slice(0, k).filter((i) => i.kind === 'word');
    const after = items.slice((described?.last ?? phrase.lastItem) + 1).filter((i) => i.kind === 'word');
    const claim = before.length >= after.length ? before : after;
    if (claim.length < 3 || !claim.some((i) => i.token.tags.has('Verb'))) continue;
    const from = claim[0] as Item;
    const to = claim[claim.length - 1] as Item;
    return {
      verb: { verb: { lemma: 'according' }, index: k, token: w as Token, participle: false, coordinated: false },
      phrase,
      speakers,
      start: sentence.start,
      end: sentence.end,
      text: sentenceCase(text(ctx).slice(from.start, to.end)),
      rule: 'indirect-according-to',
      ...(described === null ? {} : { described: described.text }),
    };
  }
  return null;
}

/** How many describing words may stand between "the" and the title: "the regional governor". */
const DESCRIBING_WORDS = 2;

/**
 * "according to the regional governor", "according to a provincial governor": a description
 * whose head is a title and that ends the clause, from item `n`; its words and last item.
 */
function describedTitleAt(frame: Frame, n: number): { text: string; last: number } | null {
  if (!['the', 'a'].includes(wordAt(frame, n)?.lower ?? '')) return null;
  for (let j = n + 1; j <= n + 1 + DESCRIBING_WORDS; j += 1) {
    const w = wordAt(frame, j);
    if (w === null || !/^\p{Ll}/u.test(w.text)) return null;
    if (TITLE_WORDS.has(w.lower)) {
      if (wordAt(frame, j + 1) !== null) return null;
      const words = frame.items.slice(n, j + 1).map((i) => (i.kind === 'word' ? i.token.text : ''));
      return { text: ['the', ...words.slice(1)].join(' '), last: j };
    }
  }
  return null;
}

/** The author of a text named after "according to"; a name that does not read as a person's is a body's. */
function authorSpeakers(ctx: AttributionScope, np: NounPhrase): readonly Speaker[] | null {
  const res = resolvePhrase(ctx, np, null);
  for (const s of res.ok ? res.speakers : []) if (s.entity.type === 'Unknown' && !readsAsPersonName(s.entity.name)) s.entity.type = 'Organization';
  if (res.ok) return res.speakers;
  return res.reason === 'outlet' ? res.outlets.map((entity): Speaker => ({ entity, via: 'name', mention: res.mention ?? entity.name, flags: [] })) : null;
}

/**
 * Who a sentence's claim belongs to when "according to" names its source: a person or body,
 * or an outlet reporting in its own name ("…, according to a report from the Wall Street
 * Journal"), unless the sentence reports someone's words through it with a speech verb.
 */
function sourceSpeakers(ctx: AttributionScope, frame: Frame, m: Mention, np: NounPhrase): readonly Speaker[] | null {
  if (outletLike(ctx, m)) {
    const e = entityOf(ctx, m);
    if (e === null || reportsOthers(ctx, frame, -1)) return null;
    return [{ entity: markOutlet(e), via: m.via ?? 'name', mention: m.text, flags: ['outlet-speaker'] }];
  }
  const res = resolvePhrase(ctx, np, null);
  return res.ok ? res.speakers : null;
}

/**
 * "Ortberg personally delivered a tough message: if members reject the offer, the next one
 * will be worse": a sentence without a quote whose first clause has a subject and names what
 * was put out (a message, statement, warning), then a colon and a clause with a verb, is the
 * subject's paraphrase of what follows the colon.
 */
export function messageClaim(ctx: AttributionScope, frame: Frame): Paraphrase | null {
  const items = frame.items;
  const sentence = ctx.layout.sentences[frame.sentence];
  if (sentence === undefined || items.some((i) => i.kind === 'quote')) return null;
  let colon = -1;
  for (let k = 1; k < items.length && colon === -1; k += 1) if (/:/.test(gapText(ctx, frame, k - 1, k))) colon = k;
  if (colon === -1 || !items.slice(0, colon).some((i) => i.kind === 'word' && TEXT_NOUNS.has(i.token.lower))) return null;
  const claim = items.slice(colon).filter((i): i is Extract<Item, { kind: 'word' }> => i.kind === 'word');
  if (claim.length < 3 || !claim.some((i) => i.token.tags.has('Verb'))) return null;
  for (let k = 0; k < colon; k += 1) {
    const w = wordAt(frame, k);
    const m = w === null ? null : ctx.mentions.startingAt(w.index);
    if (m === null || !m.subject || m.kind === 'place' || outletLike(ctx, m)) continue;
    const last = frame.itemOfToken.get(m.last) ?? k;
    const np: NounPhrase = { mentions: [m], generic: null, firstItem: k, lastItem: last, spokesperson: false, how: 'before' };
    const res = resolvePhrase(ctx, np, null);
    const verb = wordAt(frame, last + 1);
    // "Senate Republicans have an immediate message: …" is the writer's framing, not something put out.
    if (!res.ok || verb === null || BE_FORMS.has(verb.lower) || ['have', 'has', 'had'].includes(verb.lower)) return null;
    return {
      verb: { verb: { lemma: verb.lower }, index: last + 1, token: verb, participle: false, coordinated: false },
      phrase: np,
      speakers: res.speakers,
      start: sentence.start,
      end: sentence.end,
      text: sentenceCase(text(ctx).slice((claim[0] as Item).start, (claim[claim.length - 1] as Item).end)),
      rule: 'indirect-message-colon',
    };
  }
  return null;
}

/** The last item of the clause that starts at `from`. */
function clauseEnd(ctx: AttributionScope, frame: Frame, from: number): number {
  const items = frame.items;
  for (let k = from + 1; k < items.length; k += 1) {
    const gap = gapText(ctx, frame, k - 1, k);
    if (/[:;—–]/.test(gap)) return k - 1;
    const w = wordAt(frame, k);
    if (w === null) continue;
    if (/,/.test(gap) && isParticiple(w.lower) && speechVerbAt(ctx, frame, k) !== null) return k - 1;
    if (w.lower === 'per' || (w.lower === 'according' && wordAt(frame, k + 1)?.lower === 'to')) return k - 1;
    if (/,/.test(gap) && creditCloses(ctx, frame, k)) return k - 1;
    if (['and', 'but'].includes(w.lower)) {
      let v = k + 1;
      while (wordAt(frame, v) !== null && isModifier(wordAt(frame, v) as Token)) v += 1;
      if (speechVerbAt(ctx, frame, v) !== null) return k - 1;
    }
  }
  return items.length - 1;
}

/** How many words an outlet's credit at a sentence's end may have before its verb: "the Anadolu news agency". */
const CREDIT_WORDS = 5;

/** "…, the Valley Courier reported.": from item `k` a short phrase and a speech verb close the sentence. */
function creditCloses(ctx: AttributionScope, frame: Frame, k: number): boolean {
  const items = frame.items;
  for (let n = k + 1; n < Math.min(items.length, k + 1 + CREDIT_WORDS); n += 1) {
    if (wordAt(frame, n) === null || !spaced(ctx, frame, n - 1, n)) return false;
    if (speechVerbAt(ctx, frame, n) !== null) return n === items.length - 1;
  }
  return false;
}

function shortName(speakers: readonly Speaker[]): string {
  return speakers
    .map((s) => (s.entity.type === 'Person' && !s.entity.surnameOnly ? (s.entity.name.split(/\s+/).pop() ?? s.entity.name) : s.entity.name))
    .join(' and ');
}

function sentenceCase(words: string): string {
  // A hard-wrapped paragraph's line breaks (layout.ts, `wrapsOn`) are spaces in the words retold.
  const trimmed = words.replace(/[\s,;:]+$/, '').replace(/^that\s+/i, '').split('\n').map((line) => line.trim()).join(' ');
  const body = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(body) ? body : `${body}.`;
}
