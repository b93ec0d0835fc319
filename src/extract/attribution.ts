/**
 * Who said it, and how it reached the article. The rules read one sentence at a time as a
 * *frame*: its words, with each quote inside it folded into a single item, so that
 * "“…,” Waltz told reporters" and "Ratcliffe told Fox Business that Trump “…”" have the
 * same shape however long the quote is. A nested quote is read the same way, with the outer
 * quote's words as its frame.
 *
 * A quote is attributed, in order of confidence, to the speaker named right after it
 * ("“…,” Mulroy said", "“…,” said Henrik Aalto"), to the subject of the nearest speech verb
 * before it ("Mulroy warned the move “…”", "…, telling Fox, “…”"), or to the person
 * "according to" names. A clause with a speech verb and no quote is a paraphrase. Outlets
 * ("according to the FT", "CNN reported", "per FT") and venues ("told reporters", "in a
 * televised address") are read from the same frame and kept apart.
 */
import type { Layout, Token } from './layout';
import {
  BE_FORMS,
  GENERIC_SPEAKERS,
  NEGATIONS,
  ORG_WORDS,
  SPOKESPEOPLE,
  VENUE_NOUNS,
  VERB_MODIFIERS,
  isParticiple,
  speechVerb,
  type SpeechVerb,
} from './lexicon';
import type { DocEntity, Mention, Mentions, Registry, Via } from './mentions';
import type { Quote } from './quotes';

export type Item =
  | { readonly kind: 'word'; readonly token: Token; readonly start: number; readonly end: number }
  | { readonly kind: 'quote'; readonly quote: Quote; readonly start: number; readonly end: number };

/** One sentence seen from one level: its own words, and each quote one level down as one item. */
export interface Frame {
  readonly sentence: number;
  /** The quote whose words these are; null for the sentence outside quotes. */
  readonly container: number | null;
  readonly items: readonly Item[];
  readonly itemOfToken: ReadonlyMap<number, number>;
}

export function frameOf(layout: Layout, sentence: number, container: number | null): Frame {
  const s = layout.sentences[sentence];
  const items: Item[] = [];
  const itemOfToken = new Map<number, number>();
  if (s === undefined) return { sentence, container, items, itemOfToken };
  for (let i = s.first; i <= s.last; i += 1) {
    const token = layout.tokens[i] as Token;
    if (token.quote === container) {
      itemOfToken.set(i, items.length);
      items.push({ kind: 'word', token, start: token.start, end: token.end });
      continue;
    }
    // The quote one level below the container that holds this word, if any.
    let q: number | null = token.quote;
    let child: number | null = null;
    while (q !== null) {
      const parent: number | null = (layout.quotes[q] as Quote).parent;
      if (parent === container) {
        child = q;
        break;
      }
      q = parent;
    }
    if (child === null) continue;
    const last = items[items.length - 1];
    if (last?.kind === 'quote' && last.quote.id === child) continue;
    const quote = layout.quotes[child] as Quote;
    items.push({ kind: 'quote', quote, start: quote.open, end: quote.runsOn ? quote.close : quote.close + 1 });
  }
  return { sentence, container, items, itemOfToken };
}

/** What the rules need besides the frame: the text, its mentions, the registry, and who has spoken so far. */
export interface AttributionScope {
  readonly layout: Layout;
  readonly mentions: Mentions;
  readonly registry: Registry;
  /** Speakers of the statements made so far, oldest first. */
  readonly history: { readonly speaker: DocEntity; readonly paragraph: number; readonly sentence: number }[];
  readonly pronouns: Map<Mention, Speaker | null>;
}

export interface VerbUse {
  readonly verb: SpeechVerb;
  readonly index: number;
  readonly token: Token;
  readonly participle: boolean;
  /** "… and warned": the subject is the one of the verb before. */
  readonly coordinated: boolean;
}

export interface NounPhrase {
  readonly mentions: readonly Mention[];
  /** "officials", "analysts": somebody, but nobody in particular. */
  readonly generic: string | null;
  readonly firstItem: number;
  readonly lastItem: number;
  /** "a spokesperson for the agency": the words are the agency's. */
  readonly spokesperson: boolean;
  readonly how: 'before' | 'after' | 'appositive' | 'main-clause';
}

export interface Speaker {
  readonly entity: DocEntity;
  readonly via: Via;
  readonly mention: string;
  readonly flags: readonly string[];
}

export type Resolution =
  | { readonly ok: true; readonly speakers: readonly Speaker[] }
  | { readonly ok: false; readonly reason: 'generic' | 'unresolved' | 'outlet'; readonly mention: string | null; readonly outlets: readonly DocEntity[] };

const text = (ctx: AttributionScope): string => ctx.layout.text;
const wordAt = (frame: Frame, k: number): Token | null => {
  const item = frame.items[k];
  return item?.kind === 'word' ? item.token : null;
};
const gapText = (ctx: AttributionScope, frame: Frame, a: number, b: number): string => {
  const x = frame.items[a];
  const y = frame.items[b];
  return x && y ? text(ctx).slice(x.end, y.start) : '';
};
const spaced = (ctx: AttributionScope, frame: Frame, a: number, b: number): boolean => /^\s*$/.test(gapText(ctx, frame, a, b));
const isModifier = (t: Token): boolean => VERB_MODIFIERS.has(t.lower) || (t.tags.has('Adverb') && !t.tags.has('QuestionWord')) || NEGATIONS.has(t.lower) || t.tags.has('Negative');

/** The speech verb at item `k`, unless it is negated ("declined to say"), passive ("was told") or a participle phrase opening the sentence ("Asked about …"). */
export function speechVerbAt(ctx: AttributionScope, frame: Frame, k: number, options: { afterQuote?: boolean } = {}): VerbUse | null {
  const token = wordAt(frame, k);
  if (token === null) return null;
  const verb = speechVerb(token.lower);
  if (verb === null) return null;
  if (verb.afterQuoteOnly && !options.afterQuote) return null;
  const participle = isParticiple(token.lower);
  // compromise reads some -ing forms as adjectives ("telling"); after a comma they open a clause.
  const clauseOpening = participle && /,\s*$/.test(gapText(ctx, frame, k - 1, k));
  if (!token.tags.has('Verb') && !clauseOpening && !['said', 'says', 'told'].includes(token.lower)) return null;

  let j = k - 1;
  let negated = false;
  while (j >= 0) {
    const w = wordAt(frame, j);
    if (w === null || !spaced(ctx, frame, j, j + 1)) break;
    if (NEGATIONS.has(w.lower) || w.tags.has('Negative')) negated = true;
    if (isModifier(w) || w.lower === 'to' || w.lower === 'declined' || w.lower === 'refused') j -= 1;
    else break;
  }
  if (negated) return null;
  const before = wordAt(frame, j);
  if (before !== null && spaced(ctx, frame, j, j + 1) && BE_FORMS.has(before.lower) && !participle) return null;
  const firstWord = frame.items.findIndex((i) => i.kind === 'word');
  if (k === firstWord && ['asked', 'told', 'pressed', 'questioned', 'reached', 'contacted'].includes(token.lower)) return null;

  if (verb.needsAfter) {
    let ok = false;
    for (let n = k + 1; n < Math.min(frame.items.length, k + 8); n += 1) {
      const item = frame.items[n] as Item;
      if (item.kind === 'quote') {
        ok = verb.lemma === 'call' || verb.lemma === 'describe';
        break;
      }
      if (/[:;]/.test(gapText(ctx, frame, n - 1, n))) break;
      if (verb.needsAfter.includes(item.token.lower)) {
        ok = true;
        break;
      }
    }
    if (!ok) return null;
  }
  const prev = wordAt(frame, k - 1);
  const coordinated = prev !== null && ['and', 'but', 'or'].includes(prev.lower) && spaced(ctx, frame, k - 1, k);
  return { verb, index: k, token, participle, coordinated };
}

/** The noun phrase that ends at item `j`: a name, pronoun, title or description; names joined by "and" count as several. */
function phraseEndingAt(ctx: AttributionScope, frame: Frame, j: number, how: NounPhrase['how']): NounPhrase | null {
  const token = wordAt(frame, j);
  if (token === null) return null;
  const m = ctx.mentions.endingAt(token.index);
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

/** The subject written before the verb at `k`, across modifiers ("also", "reportedly") and appositives ("Roth, who …, said"). */
function subjectBefore(ctx: AttributionScope, frame: Frame, k: number): NounPhrase | null {
  let j = k - 1;
  while (j >= 0) {
    const w = wordAt(frame, j);
    if (w === null || !isModifier(w) || !spaced(ctx, frame, j, j + 1)) break;
    j -= 1;
  }
  if (j < 0 || wordAt(frame, j) === null) return null;
  const gap = gapText(ctx, frame, j, j + 1);
  if (/^\s*$/.test(gap)) return phraseEndingAt(ctx, frame, j, 'before');
  if (!/^\s*,\s*$/.test(gap)) return null;

  // "Priya Raman, who runs a café …, said": step back over comma-delimited asides.
  let end = j;
  for (let round = 0; round < 3; round += 1) {
    let s = end;
    while (s > 0 && wordAt(frame, s - 1) !== null && !/[,:;“”"‘’]/.test(gapText(ctx, frame, s - 1, s))) s -= 1;
    if (s === 0 || !/,/.test(gapText(ctx, frame, s - 1, s))) return null;
    const lastWord = wordAt(frame, end) as Token;
    const m = ctx.mentions.endingAt(lastWord.index);
    const beforeComma = wordAt(frame, s - 1);
    // "Its chair, Sabine Roth, said": a name set off by commas after a description is the subject;
    // after another name ("the University of California, Davis,") it belongs to that name.
    const continuesName = beforeComma !== null && /^\p{Lu}/u.test(beforeComma.text);
    if (m !== null && m.kind === 'name' && (frame.itemOfToken.get(m.first) ?? -1) <= s && !continuesName) return { mentions: [m], generic: null, firstItem: s, lastItem: end, spokesperson: false, how: 'appositive' };
    const head = wordAt(frame, s) as Token;
    const nameGoesOn = continuesName && m !== null && m.kind === 'name' && (frame.itemOfToken.get(m.first) ?? -1) <= s;
    const aside = ['who', 'which', 'whose', 'a', 'an', 'the', 'its', 'his', 'her', 'their', 'aged', 'now', 'once', 'himself', 'herself', 'also'].includes(head.lower) || /^\d/.test(head.text) || nameGoesOn;
    if (!aside) return null;
    end = s - 1;
    if (nameGoesOn) continue;
    const np = phraseEndingAt(ctx, frame, end, 'appositive');
    if (np !== null && np.mentions.length > 0) return np;
  }
  return null;
}

/** The subject written after the verb: "“…,” said Henrik Aalto". */
function subjectAfter(ctx: AttributionScope, frame: Frame, k: number): NounPhrase | null {
  const token = wordAt(frame, k + 1);
  if (token === null || !spaced(ctx, frame, k, k + 1)) return null;
  const m = ctx.mentions.startingAt(token.index) ?? (['the', 'a', 'an'].includes(token.lower) ? ctx.mentions.startingAt(token.index + 1) : null);
  if (m === null || m.kind === 'place') return null;
  const last = frame.itemOfToken.get(m.last) ?? k + 1;
  return { mentions: [m], generic: null, firstItem: k + 1, lastItem: last, spokesperson: false, how: 'after' };
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
    if (m === null || !m.subject || (m.subordinate && !coordinated) || m.kind === 'place') continue;
    if (m.entity?.outlet) continue;
    return { mentions: [m], generic: null, firstItem: frame.itemOfToken.get(m.first) ?? n, lastItem: n, spokesperson: false, how: 'main-clause' };
  }
  return null;
}

export function subjectOf(ctx: AttributionScope, frame: Frame, use: VerbUse, depth = 0): NounPhrase | null {
  if (use.coordinated) return mainClauseSubject(ctx, frame, use.index - 1, depth, true);
  if (use.participle && /,\s*$/.test(gapText(ctx, frame, use.index - 1, use.index))) return mainClauseSubject(ctx, frame, use.index, depth);
  const before = subjectBefore(ctx, frame, use.index);
  if (before !== null) return before;
  const prev = frame.items[use.index - 1];
  if (prev === undefined || prev.kind === 'quote' || /,\s*$/.test(gapText(ctx, frame, use.index - 1, use.index))) return subjectAfter(ctx, frame, use.index);
  return null;
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

/** The index of the first mention starting at or after `start`; mentions are in document order. */
function firstMentionFrom(all: readonly Mention[], start: number): number {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid] as Mention).start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findAntecedent(ctx: AttributionScope, m: Mention, quoteSpeaker: DocEntity | null, depth: number): Speaker | null {
  const speaker = (entity: DocEntity, how: string): Speaker => ({ entity, via: 'pronoun', mention: m.text, flags: ['pronoun', how] });
  if (m.pronoun === 'first') return m.quote !== null && quoteSpeaker !== null ? speaker(quoteSpeaker, 'first-person') : null;
  if (m.pronoun === 'plural') return null;
  const gender = GENDER_OF[m.pronoun ?? ''] ?? null;
  const fits = (e: DocEntity | null): e is DocEntity => e !== null && (e.type === 'Person' || e.type === 'Unknown') && !e.outlet && (e.gender === null || gender === null || e.gender === gender) && e !== quoteSpeaker;
  const layout = ctx.layout;
  const paragraph = (layout.sentences[m.sentence] as { paragraph: number }).paragraph;
  const entityOf = (c: Mention): DocEntity | null => (c.kind === 'name' ? c.entity : c.kind === 'pronoun' && c !== m ? (resolvePronoun(ctx, c, quoteSpeaker, depth + 1)?.entity ?? null) : null);

  const at = firstMentionFrom(ctx.mentions.all, m.start);
  // Outside a quote, a pronoun never refers to a word inside one ("“Probably,” he said").
  const before = ctx.mentions.all
    .slice(Math.max(0, at - ANTECEDENT_REACH), at)
    .filter((c) => (c.kind === 'name' || c.kind === 'pronoun') && (m.quote !== null || c.quote === null));
  // (a) The subject of an earlier clause of the same sentence.
  for (let n = before.length - 1; n >= 0; n -= 1) {
    const c = before[n] as Mention;
    if (c.sentence !== m.sentence) break;
    if (c.subject && !c.subordinate && fits(entityOf(c))) return speaker(entityOf(c) as DocEntity, 'same-sentence');
  }
  // (b) The subject of an earlier sentence of the same paragraph.
  for (let n = before.length - 1; n >= 0; n -= 1) {
    const c = before[n] as Mention;
    if (c.sentence === m.sentence) continue;
    if ((layout.sentences[c.sentence] as { paragraph: number }).paragraph !== paragraph) break;
    if (c.subject && !c.subordinate && fits(entityOf(c))) return speaker(entityOf(c) as DocEntity, 'same-paragraph');
  }
  // (c) Whoever spoke last, within three paragraphs.
  for (let n = ctx.history.length - 1; n >= Math.max(0, ctx.history.length - ANTECEDENT_REACH); n -= 1) {
    const h = ctx.history[n] as AttributionScope['history'][number];
    if (paragraph - h.paragraph > 3) break;
    if (fits(h.speaker)) return speaker(h.speaker, 'last-speaker');
  }
  // (d) The last person named, within three paragraphs.
  for (let n = before.length - 1; n >= 0; n -= 1) {
    const c = before[n] as Mention;
    if (paragraph - (layout.sentences[c.sentence] as { paragraph: number }).paragraph > 3) break;
    if (c.kind === 'name' && fits(c.entity)) return speaker(c.entity as DocEntity, 'last-named');
  }
  return null;
}

/**
 * "the intelligence director continued": a title the article never gave anyone by that
 * wording is the last speaker, when that speaker spoke in this paragraph or the one before
 * and a title the article gave them has its head word, or, for "continued" and "added", no
 * title the article gave them says otherwise. Flagged, since it is a guess.
 */
function titledLastSpeaker(ctx: AttributionScope, m: Mention, flags: readonly string[], continuing: boolean): Speaker | null {
  const last = ctx.history[ctx.history.length - 1];
  const paragraph = (ctx.layout.sentences[m.sentence] as { paragraph: number }).paragraph;
  if (last === undefined || paragraph - last.paragraph > 1 || last.speaker.type === 'Organization' || m.head === null) return null;
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
        if (m.entity !== null) found = { entity: m.entity, via: m.via ?? 'name', mention: m.text, flags: m.ambiguous ? [...flags, 'ambiguous'] : flags };
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
        const e = m.head === null ? null : ctx.registry.byAnaphor(m.head, m.start);
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
 * Whether an organisation named where an outlet would be ("according to X", "X reported",
 * "told X") is one: the graph says so, its name says so ("… Gazette"), or it is not a person
 * and not a body that speaks for itself ("the ministry").
 */
export function outletLike(ctx: AttributionScope, m: Mention): boolean {
  const e = m.kind === 'anaphor' && m.head !== null ? ctx.registry.byAnaphor(m.head, m.start) : m.entity;
  if (e === null) return false;
  if (e.outlet) return true;
  if (e.graph !== null || e.type === 'Person') return false;
  const tokens = ctx.layout.tokens.slice(m.first, m.last + 1);
  if (tokens.some((t) => t.tags.has('Person') || t.tags.has('FirstName') || t.tags.has('LastName') || t.tags.has('Honorific'))) return false;
  if (e.name.toLowerCase().split(/\s+/).some((w) => ORG_WORDS.has(w))) return false;
  return true;
}

const markOutlet = (e: DocEntity): DocEntity => {
  e.outlet = true;
  e.type = 'Organization';
  return e;
};

export interface QuoteAttribution {
  readonly phrase: NounPhrase | null;
  readonly verb: VerbUse | null;
  readonly rule: string;
}

/** The attribution of the quote at item `qi`, by the first rule that applies. */
export function attributeQuote(ctx: AttributionScope, frame: Frame, qi: number, quoteSpeaker: DocEntity | null): QuoteAttribution | null {
  const n = frame.items.length;
  // "“…,” Waltz told reporters" / "“…,” said Henrik Aalto": right after the quote.
  if (qi + 1 < n && /^[\s,—–-]*$/.test(gapText(ctx, frame, qi, qi + 1))) {
    const first = qi + 1;
    const inverted = speechVerbAt(ctx, frame, first, { afterQuote: true });
    if (inverted !== null && !inverted.participle) {
      const np = subjectAfter(ctx, frame, first);
      if (np !== null) return { phrase: np, verb: inverted, rule: 'quote-then-verb-speaker' };
    }
    for (let v = first + 1; v < Math.min(n, first + 14); v += 1) {
      if (frame.items[v]?.kind === 'quote' || /[.;:!?]/.test(gapText(ctx, frame, v - 1, v))) break;
      const use = speechVerbAt(ctx, frame, v, { afterQuote: true });
      if (use === null || use.participle) continue;
      const np = subjectBefore(ctx, frame, v);
      if (np !== null && np.firstItem >= first) return { phrase: np, verb: use, rule: 'quote-then-speaker-verb' };
      break;
    }
  }
  // The nearest speech verb before the quote whose subject is not an outlet.
  for (let k = qi - 1; k >= 0; k -= 1) {
    const use = speechVerbAt(ctx, frame, k);
    if (use === null) continue;
    const np = subjectOf(ctx, frame, use);
    const rule = use.coordinated ? 'coordinated-verb' : use.participle ? 'participle-clause' : 'speaker-verb-quote';
    // The nearest speech verb governs the quote: when its subject cannot be read ("Her late
    // father, she recalled, used to tell her that “…”"), the quote stays unattributed.
    if (np === null) {
      if (use.participle) continue;
      return { phrase: null, verb: use, rule };
    }
    const res = resolvePhrase(ctx, np, quoteSpeaker);
    if (!res.ok && res.reason === 'outlet') continue;
    return { phrase: np, verb: use, rule };
  }
  // "according to Smith": a source that is not an outlet.
  for (let k = 0; k + 1 < n; k += 1) {
    if (wordAt(frame, k)?.lower !== 'according' || wordAt(frame, k + 1)?.lower !== 'to') continue;
    const m = mentionAfter(ctx, frame, k + 2);
    if (m !== null && !outletLike(ctx, m)) {
      return { phrase: { mentions: [m], generic: null, firstItem: k, lastItem: frame.itemOfToken.get(m.last) ?? k + 2, spokesperson: false, how: 'after' }, verb: null, rule: 'according-to' };
    }
  }
  // A speech verb later in the sentence, with no other quote in between: "“Thin at best” was how Okafor put it" is rare; "“…” Okafor wrote in a letter" is not.
  for (let k = qi + 1; k < n; k += 1) {
    if (frame.items[k]?.kind === 'quote') break;
    const use = speechVerbAt(ctx, frame, k, { afterQuote: true });
    if (use === null) continue;
    const np = subjectOf(ctx, frame, use);
    if (np === null) continue;
    const res = resolvePhrase(ctx, np, quoteSpeaker);
    if (!res.ok && res.reason === 'outlet') continue;
    return { phrase: np, verb: use, rule: 'verb-later-in-sentence' };
  }
  return null;
}

function mentionAfter(ctx: AttributionScope, frame: Frame, k: number): Mention | null {
  const w = wordAt(frame, k);
  if (w === null) return null;
  const m = ctx.mentions.startingAt(w.index) ?? (['the', 'a', 'an'].includes(w.lower) ? ctx.mentions.startingAt(w.index + 1) : null);
  return m !== null && m.kind !== 'place' && m.kind !== 'pronoun' ? m : null;
}

/**
 * DIRECT for a quote that is a whole utterance: it opens the sentence, follows a colon or a
 * speech verb ("he said ‘let’s pause …’", "telling Fox, “I think …”"); PARTIAL for words
 * woven into the reporting sentence ("warned the move “will have an immediate impact” on").
 */
export function quoteKind(ctx: AttributionScope, frame: Frame, qi: number): 'DIRECT' | 'PARTIAL' {
  const item = frame.items[qi];
  if (item === undefined || item.kind !== 'quote') return 'PARTIAL';
  const words = text(ctx).slice(item.quote.start, item.quote.end);
  if (!frame.items.slice(0, qi).some((i) => i.kind === 'word')) {
    if (qi + 1 >= frame.items.length || /[,.!?…—–-]$/.test(words) || /^\s*[,—–]/.test(gapText(ctx, frame, qi, qi + 1))) return 'DIRECT';
    return speechVerbAt(ctx, frame, qi + 1, { afterQuote: true }) !== null || ctx.mentions.startingAt((wordAt(frame, qi + 1) as Token | null)?.index ?? -1) !== null ? 'DIRECT' : 'PARTIAL';
  }
  const gap = gapText(ctx, frame, qi - 1, qi);
  if (/:/.test(gap)) return 'DIRECT';
  if (frame.items[qi - 1]?.kind === 'quote') return 'DIRECT';
  if (/,/.test(gap)) {
    for (let k = qi - 1; k >= Math.max(0, qi - 4); k -= 1) if (speechVerbAt(ctx, frame, k, { afterQuote: true }) !== null) return 'DIRECT';
    return /^\p{Lu}/u.test(words) ? 'DIRECT' : 'PARTIAL';
  }
  const prev = wordAt(frame, qi - 1);
  if (prev !== null && speechVerb(prev.lower) !== null && !['called', 'describe', 'described', 'describing', 'calling'].includes(prev.lower)) return 'DIRECT';
  return 'PARTIAL';
}

/** Where and through whom the words reached the article, as one sentence says it. */
export interface Reporting {
  readonly venue: string | null;
  /** Outlets that report the words: "according to the FT", "CNN reported", "per FT". */
  readonly outer: readonly DocEntity[];
  /** Outlets the words were said to: "told Fox Business", "in an interview with …". */
  readonly venueOutlets: readonly DocEntity[];
}

const VENUE_STOP = new Set(['that', 'on', 'in', 'at', 'when', 'after', 'before', 'during', 'about', 'while', 'as', 'last', 'this', 'yesterday', 'today', 'how', 'what', 'why', 'if', 'whether', 'to', 'and', 'but', 'he', 'she', 'they', 'it', 'we', 'i']);

export function reportingOf(ctx: AttributionScope, frame: Frame): Reporting {
  let venue: string | null = null;
  const outer: DocEntity[] = [];
  const venueOutlets: DocEntity[] = [];
  const add = (list: DocEntity[], e: DocEntity): void => {
    if (!list.includes(e)) list.push(e);
  };
  const items = frame.items;
  for (let k = 0; k < items.length; k += 1) {
    const w = wordAt(frame, k);
    if (w === null) continue;
    // told reporters / telling Fox / told BBC Radio Lune
    if (['told', 'telling', 'tells', 'tell'].includes(w.lower) && speechVerbAt(ctx, frame, k, { afterQuote: true }) !== null) {
      const m = mentionAfter(ctx, frame, k + 1);
      if (m !== null && (m.kind === 'name' || m.kind === 'anaphor')) {
        venue ??= `told ${m.text.replace(/^(the|a|an)\s+/i, (d) => d.toLowerCase())}`;
        if (outletLike(ctx, m)) {
          const e = m.kind === 'anaphor' && m.head !== null ? ctx.registry.byAnaphor(m.head, m.start) : m.entity;
          if (e !== null) add(venueOutlets, markOutlet(e));
        }
        continue;
      }
      // The listener: "reporters", "the chamber", "the club's in-house channel".
      const object: Token[] = [];
      for (let n = k + 1; n < Math.min(items.length, k + 6); n += 1) {
        const o = wordAt(frame, n);
        const hyphenBefore = n > k + 1 && /^-$/.test(gapText(ctx, frame, n - 1, n));
        const hyphenAfter = /^-$/.test(gapText(ctx, frame, n, n + 1));
        if (o === null || !(spaced(ctx, frame, n - 1, n) || hyphenBefore)) break;
        if (!hyphenBefore && !hyphenAfter && (VENUE_STOP.has(o.lower) || ['me', 'him', 'her', 'us', 'them', 'you'].includes(o.lower))) break;
        object.push(o);
      }
      const verbal = object.some((o) => o.tags.has('Verb') && !/['’]s$/.test(o.text) && !/-$/.test(text(ctx).slice(o.end, o.end + 1)) && !/^-/.test(text(ctx).slice(o.start - 1, o.start)));
      if (object.length > 0 && !verbal) venue ??= `told ${text(ctx).slice((object[0] as Token).start, (object[object.length - 1] as Token).end)}`;
      continue;
    }
    // speaking to BBC Radio Dunmore / talking to reporters
    if (['speaking', 'talking', 'writing'].includes(w.lower) && ['to', 'with', 'in'].includes(wordAt(frame, k + 1)?.lower ?? '')) {
      const m = mentionAfter(ctx, frame, k + 2);
      if (m !== null && m.kind === 'name') {
        venue ??= `${w.lower} ${(wordAt(frame, k + 1) as Token).lower} ${m.text}`;
        if (outletLike(ctx, m) && m.entity !== null) add(venueOutlets, markOutlet(m.entity));
      }
      continue;
    }
    // in a televised address / in an interview with Deutschlandfunk / on the Terrace Talk podcast
    if (['in', 'during', 'at', 'on'].includes(w.lower)) {
      let n = k + 1;
      if (['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(wordAt(frame, n)?.lower ?? '')) n += 1;
      const from = n;
      while (n < Math.min(items.length, from + 4) && wordAt(frame, n) !== null && spaced(ctx, frame, n - 1, n) && !VENUE_NOUNS.has((wordAt(frame, n) as Token).lower)) n += 1;
      const noun = wordAt(frame, n);
      if (noun === null || !VENUE_NOUNS.has(noun.lower) || !spaced(ctx, frame, n - 1, n) || n === k + 1) continue;
      if (from < n && ((wordAt(frame, from) as Token).tags.has('Date') || (wordAt(frame, from) as Token).tags.has('Value'))) continue;
      let phrase = text(ctx).slice((items[from] as Item).start, noun.end);
      const prep = wordAt(frame, n + 1);
      if (prep !== null && ['with', 'on', 'to'].includes(prep.lower) && spaced(ctx, frame, n, n + 1)) {
        const m = mentionAfter(ctx, frame, n + 2);
        if (m !== null && m.kind === 'name') {
          const the = wordAt(frame, n + 2)?.lower === 'the' ? 'the ' : '';
          phrase = `${phrase} ${prep.lower} ${the}${m.text}`;
          if (['interview', 'broadcast'].includes(noun.lower) && outletLike(ctx, m) && m.entity !== null) add(venueOutlets, markOutlet(m.entity));
        } else {
          // "a statement on the club's website": up to four words, no verb, no new clause.
          const words: Token[] = [];
          for (let x = n + 2; x < Math.min(items.length, n + 6); x += 1) {
            const o = wordAt(frame, x);
            if (o === null || !spaced(ctx, frame, x - 1, x) || o.tags.has('Verb') || VENUE_STOP.has(o.lower) || o.tags.has('Date')) break;
            words.push(o);
          }
          const lastWord = words[words.length - 1];
          if (lastWord !== undefined && lastWord.tags.has('Noun')) phrase = `${phrase} ${prep.lower} ${text(ctx).slice((words[0] as Token).start, lastWord.end)}`;
        }
      }
      venue ??= phrase;
      continue;
    }
    // according to the FT / per FT
    if ((w.lower === 'according' && wordAt(frame, k + 1)?.lower === 'to') || w.lower === 'per') {
      const m = mentionAfter(ctx, frame, w.lower === 'per' ? k + 1 : k + 2);
      if (m !== null && outletLike(ctx, m)) {
        const e = m.kind === 'anaphor' && m.head !== null ? ctx.registry.byAnaphor(m.head, m.start) : m.entity;
        if (e !== null) add(outer, markOutlet(e));
      }
      continue;
    }
    // CNN reported / FT highlighted / as reported by Reuters
    const use = speechVerbAt(ctx, frame, k, { afterQuote: true });
    if (use !== null && use.verb.reporting) {
      const by = wordAt(frame, k + 1)?.lower === 'by' ? mentionAfter(ctx, frame, k + 2) : null;
      const np = by === null ? subjectOf(ctx, frame, use) : null;
      const m = by ?? (np !== null && np.mentions.length === 1 ? (np.mentions[0] as Mention) : null);
      if (m !== null && outletLike(ctx, m)) {
        const e = m.kind === 'anaphor' && m.head !== null ? ctx.registry.byAnaphor(m.head, m.start) : m.entity;
        if (e !== null) add(outer, markOutlet(e));
      }
    }
  }
  return { venue, outer, venueOutlets };
}

/** A paraphrase found in a frame: the speech verb, its speakers, and the words it reports. */
export interface Paraphrase {
  readonly verb: VerbUse;
  readonly phrase: NounPhrase;
  readonly speakers: readonly Speaker[];
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly rule: 'indirect-speech-verb' | 'indirect-claim-then-verb' | 'indirect-according-to';
}

/**
 * Paraphrases: "Greaves said the first contracts would be signed …", "Macron announced a
 * meeting … and called for …", and the claim-first order "The administration has suspended
 * …, Waltz confirmed Wednesday." A verb whose clause holds a quote is left to the quote.
 */
/** Whether the sentence holds a quote, or a speech verb besides the one at `k`. */
function reportsOthers(ctx: AttributionScope, frame: Frame, k: number): boolean {
  return frame.items.some((item, j) => j !== k && (item.kind === 'quote' || (item.kind === 'word' && speechVerbAt(ctx, frame, j) !== null)));
}

export function paraphrases(ctx: AttributionScope, frame: Frame, used: ReadonlySet<number>): Paraphrase[] {
  const out: Paraphrase[] = [];
  const items = frame.items;
  const sentence = ctx.layout.sentences[frame.sentence];
  for (let k = 0; k < items.length; k += 1) {
    if (used.has(k)) continue;
    const use = speechVerbAt(ctx, frame, k);
    if (use === null || (use.verb.lemma === 'continue')) continue;
    // "… until Whitcombe confirmed that she was committed …" inside someone else's reported
    // clause is part of what that person said, not a statement of its own.
    if (out.some((p) => p.rule === 'indirect-speech-verb' && p.start <= use.token.start && use.token.start < p.end)) continue;
    const np = subjectOf(ctx, frame, use);
    if (np === null) continue;
    const res = resolvePhrase(ctx, np, null);
    // An outlet is the speaker of what it reports ("The Tribune reported that …"), unless
    // what it reports is someone else's words ("CNN reported that Waltz suggested …").
    const outletSpeakers = !res.ok && res.reason === 'outlet' && !reportsOthers(ctx, frame, k) ? res.outlets.map((entity): Speaker => ({ entity, via: 'name', mention: res.mention ?? entity.name, flags: ['outlet-speaker'] })) : [];
    if (!res.ok && outletSpeakers.length === 0) continue;
    const speakers = res.ok ? res.speakers.filter((s) => !s.entity.outlet) : outletSpeakers;
    if (speakers.length === 0) continue;

    // Claim first, attribution last: "…, National Security Adviser Mike Waltz confirmed Wednesday."
    if (!use.participle && !use.coordinated && np.how !== 'main-clause' && sentence !== undefined) {
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
        !(items[0]?.kind === 'word' && items[0].token.tags.has('Preposition')) &&
        afterWords.length <= 6 &&
        afterWords.every((i) => i.kind === 'word' && !i.token.tags.has('Verb'))
      ) {
        const claim = text(ctx).slice((items[0] as Item).start, (items[claimEnd] as Item).end);
        out.push({ verb: use, phrase: np, speakers, start: sentence.start, end: sentence.end, text: sentenceCase(claim), rule: 'indirect-claim-then-verb' });
        continue;
      }
    }
    if (np.how === 'after') continue;

    const last = clauseEnd(ctx, frame, k + 1);
    if (last <= k) continue;
    const clause = items.slice(k + 1, last + 1);
    if (clause.some((i) => i.kind === 'quote')) continue;
    // What was said starts after "that" when only the venue, the time or the listener come before it.
    let from = k + 1;
    const that = clause.findIndex((i) => i.kind === 'word' && i.token.lower === 'that');
    if (that !== -1 && that <= 10 && !clause.slice(0, that).some((i) => i.kind === 'word' && i.token.tags.has('Verb'))) from = k + 1 + that + 1;
    const words = items.slice(from, last + 1).filter((i): i is Extract<Item, { kind: 'word' }> => i.kind === 'word');
    const takesObject = use.verb.takesObject === true;
    if (words.length < (takesObject ? 2 : 3)) continue;
    if (!takesObject && !words.some((w) => w.token.tags.has('Verb'))) continue;
    const said = text(ctx).slice((items[from] as Item).start, (items[last] as Item).end);
    const startItem = np.how === 'before' && np.lastItem < k ? np.firstItem : k;
    const paraphrase = takesObject
      ? `${shortName(speakers)} ${use.token.text.replace(/ing$/, 'ed')} ${text(ctx).slice((items[k + 1] as Item).start, (items[last] as Item).end)}`
      : said;
    out.push({
      verb: use,
      phrase: np,
      speakers,
      start: (items[startItem] as Item).start,
      end: (items[last] as Item).end,
      text: sentenceCase(paraphrase),
      rule: 'indirect-speech-verb',
    });
  }
  return out;
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
    if (!according && w?.lower !== 'per') continue;
    const m = mentionAfter(ctx, frame, according ? k + 2 : k + 1);
    if (m === null || outletLike(ctx, m)) continue;
    const np: NounPhrase = { mentions: [m], generic: null, firstItem: k, lastItem: frame.itemOfToken.get(m.last) ?? k, spokesperson: false, how: 'after' };
    const res = resolvePhrase(ctx, np, null);
    if (!res.ok) continue;
    const before = items.slice(0, k).filter((i) => i.kind === 'word');
    const after = items.slice(np.lastItem + 1).filter((i) => i.kind === 'word');
    const claim = before.length >= after.length ? before : after;
    if (claim.length < 3 || !claim.some((i) => i.token.tags.has('Verb'))) continue;
    const from = claim[0] as Item;
    const to = claim[claim.length - 1] as Item;
    return {
      verb: { verb: { lemma: 'according' }, index: k, token: w as Token, participle: false, coordinated: false },
      phrase: np,
      speakers: res.speakers,
      start: sentence.start,
      end: sentence.end,
      text: sentenceCase(text(ctx).slice(from.start, to.end)),
      rule: 'indirect-according-to',
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
    if (['and', 'but'].includes(w.lower)) {
      let v = k + 1;
      while (wordAt(frame, v) !== null && isModifier(wordAt(frame, v) as Token)) v += 1;
      if (speechVerbAt(ctx, frame, v) !== null) return k - 1;
    }
  }
  return items.length - 1;
}

function shortName(speakers: readonly Speaker[]): string {
  return speakers
    .map((s) => (s.entity.type === 'Person' && !s.entity.surnameOnly ? (s.entity.name.split(/\s+/).pop() ?? s.entity.name) : s.entity.name))
    .join(' and ');
}

function sentenceCase(words: string): string {
  const trimmed = words.replace(/[\s,;:]+$/, '').replace(/^that\s+/i, '');
  const body = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(body) ? body : `${body}.`;
}
