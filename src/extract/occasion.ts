/**
 * The occasion of a statement the article gives none: an article that quotes someone from an
 * interview, a briefing or a press conference names the occasion once ("Bessent told
 * reporters", "said in an interview with Fox News", "Abbott said at a news conference") and
 * then goes on quoting without repeating it. Only a verb that goes on reporting the same
 * conversation ("said", "added") carries an occasion; a new act of speech ("also announced",
 * "earlier said") takes none. The outlets the words were said to ("told Fox Business") come
 * with the occasion. Sentences that only tell of an occasion name one too
 * (named-occasions.ts). A statement quoted inside another keeps its outer quote's venue rules
 * (drafts.ts); a statement of several speakers is left alone.
 */
import type { Draft } from './drafts';
import type { Layout, Token } from './layout';
import type { AttributionScope } from './frame';
import type { DocEntity, Mentions } from './mentions';
import { isSharedOccasion, namedOccasions, occasionKey, type NamedOccasion } from './named-occasions';
import { tookTo } from './reporting';
import { setApart } from './occasion-time';

/**
 * Speech verbs that name the occasion themselves: whoever "tweeted" put the words in a tweet,
 * whatever else the sentence says.
 */
const VERB_VENUES: Readonly<Record<string, string>> = { tweet: 'tweet' };

/** How many paragraphs of reporting after a speaker's last statement on an occasion that occasion still holds. */
const AFTER = 4;

interface Occasion {
  readonly venue: string;
  readonly venueOutlets: readonly DocEntity[];
}

/**
 * The verbs that go on reporting one conversation ("he said", "she added", "he responded:",
 * "she noted"); a verb that
 * reports a new act of speech ("he also mentioned", "she announced", "he indicated") may
 * begin another occasion and takes none.
 */
const GOING_ON = new Set(['say', 'add', 'continue', 'tell', 'respond', 'reply', 'answer', 'note', 'explain', 'call', 'claim', 'state']);

/**
 * Verbs that tell how the speaker took a point within the same exchange ("she described the
 * shooting as …", "he denied that …", "he insisted …", "she admitted …"): they answer or weigh
 * what was put to them, so, like the going-on verbs, they keep the occasion under way. Verbs
 * that tell of words put out or made known ("announced", "revealed", "confirmed", "wrote")
 * are not among them.
 */
const ANSWERING = new Set([
  'describe', 'deny', 'insist', 'argue', 'acknowledge', 'admit', 'concede', 'stress', 'emphasise', 'emphasize', 'maintain', 'assert', 'contend', 'declare',
  'warn', 'caution', 'predict', 'vow', 'promise', 'pledge', 'complain', 'observe', 'remark', 'express', 'reflect',
]);

const goesOn = (d: Draft, layout: Layout): boolean =>
  !d.flags.includes('new-occasion') && !toldAsHeld(layout, d.verb) && (d.lemma === null || GOING_ON.has(d.lemma) || (ANSWERING.has(d.lemma) && toldAsDone(layout, d.verb)));

/**
 * "The lender has said it is moving to the cloud": a verb in the perfect tells of words said
 * at some time or other, not of the conversation under way; it takes no occasion from it.
 */
function toldAsHeld(layout: Layout, verb: Token | null): boolean {
  if (verb === null) return false;
  const auxiliary = wordBeforeAdverbs(layout, verb);
  return (auxiliary !== undefined && PERFECT.has(auxiliary.lower) && auxiliary.sentence === verb.sentence) || heldByMainVerb(layout, verb);
}

/** The plain auxiliaries of the perfect, without the "’s" that is as often a possessive. */
const HAVE = new Set(['has', 'have', 'had']);

/** Words that open a relative clause: "the crews who had worked all night". */
const RELATIVES = new Set(['who', 'which', 'that', 'whose']);

/**
 * "Cruz’s criticism has focused on logistics, saying the response was “so slow …”": a
 * participle after a comma tells of what its clause's verb tells of, and a verb in the perfect
 * before it makes the saying a stance held over time too.
 */
function heldByMainVerb(layout: Layout, verb: Token): boolean {
  if (!verb.tags.has('Gerund') || !/,\s*$/.test(gapBefore(layout, verb))) return false;
  const first = layout.sentences[verb.sentence]?.first ?? verb.index;
  // "Varga, who had toured the valley, praised …": a perfect inside a relative clause is not its main verb's.
  let relative = false;
  for (let i = first; i < verb.index - 1; i += 1) {
    const t = layout.tokens[i] as Token;
    if (relative && i > first && gapBefore(layout, t).includes(',')) relative = false;
    if (RELATIVES.has(t.lower)) relative = true;
    if (relative || t.quote !== null || !HAVE.has(t.lower)) continue;
    let next = i + 1;
    while (next < verb.index && (layout.tokens[next] as Token).tags.has('Adverb')) next += 1;
    const participle = layout.tokens[next] as Token;
    if (participle.tags.has('PastTense') || participle.tags.has('Participle')) return true;
  }
  return false;
}

/** The characters between a token and the one before it; empty for the text's first token. */
const gapBefore = (layout: Layout, t: Token): string => layout.text.slice((layout.tokens[t.index - 1] as Token | undefined)?.end ?? t.start, t.start);

/** Words that make a verb after them tell of a stance held, not of an act: "has pledged", "have argued". */
const PERFECT = new Set(['has', 'have', 'had', '’s', "'s"]);

/** The word before a verb past the adverbs between: "has" in "has (repeatedly) pledged". */
function wordBeforeAdverbs(layout: Layout, verb: Token): Token | undefined {
  let before = verb.index - 1;
  while (before >= 0 && (layout.tokens[before] as Token).tags.has('Adverb')) before -= 1;
  return layout.tokens[before];
}

/**
 * Whether the verb of saying is told as a thing done then ("denied", "described"): "Newsom
 * argues this violates …" or "He has (repeatedly) pledged one if …" tell of a position held
 * over time, which may have been taken anywhere.
 */
function toldAsDone(layout: Layout, verb: Token | null): boolean {
  if (verb === null || !verb.tags.has('PastTense')) return false;
  return !PERFECT.has(wordBeforeAdverbs(layout, verb)?.lower ?? '');
}

const speakerOf = (d: Draft): DocEntity | null => (d.parent === null && d.speakers.length === 1 ? (d.speakers[0] as { entity: DocEntity }).entity : null);

/**
 * The speaker who was at the statement's occasion: not one whose words a spokesperson gave
 * ("A spokesperson for Ohtani told ESPN …"), who was not at that interview and may have
 * spoken for themself elsewhere.
 */
const attendeeOf = (d: Draft): DocEntity | null => (d.speakers.some((sp) => sp.flags.includes('spokesperson')) ? null : speakerOf(d));

/**
 * Gives each statement without a venue its speaker's occasion; `drafts` in document order.
 *
 * A speaker the article puts on one occasion only (one interview, one news conference; not a
 * text such as a post or a statement) said
 * there whatever it reports them saying, before or after it is named, as a summary lede
 * does: the words that go on reporting ("said", "added") keep it however far apart, and the
 * lede's plain "said" takes the occasion the paragraphs after it name (a summary lede: "X said
 * the pause was the “strategy all along.”" before "In a press conference …"). A speaker on several occasions
 * keeps the last one for a passage (`AFTER` paragraphs), which someone else's words on an
 * occasion of their own end. An occasion named with nobody's name on it ("a CNN town hall"),
 * when it is the only one of its kind, is the occasion of the speakers who have none.
 */
export function carryOccasions(drafts: readonly Draft[], scope: AttributionScope): void {
  const { layout, mentions } = scope;
  const at = reportingIndex(layout);
  const shows = appearances(layout, mentions);
  const told = new Set(shows.map((a) => a.start));
  const named = [...shows, ...namedOccasions(scope, drafts).filter((o) => !told.has(o.start))].sort((a, b) => a.start - b.start);
  const ledeParagraph = layout.paragraphs.find((p) => p.kind === 'body' && p.sentences.length > 0);
  const lede = ledeParagraph?.sentences[0];
  const plan = articleOccasions(drafts, named, ledeParagraph === undefined ? null : at({ paragraph: layout.paragraphs.indexOf(ledeParagraph) }), at);
  const last = new Map<DocEntity, { occasion: Occasion; paragraph: number; start: number; byVerb?: boolean }>();
  const previous = new Map<DocEntity, Draft>();
  const apart = new Set<Draft>();
  /** Whether `d` was said at another time than the occasion told of at `start`; one that was is remembered for the quotes that go on from it. */
  const saidApart = (d: Draft, start: number): boolean => {
    if (!setApart(layout, d, start)) return false;
    apart.add(d);
    return true;
  };
  let next = 0;
  let lastNamed: NamedOccasion | null = null;
  for (const d of drafts) {
    // "Criswell spoke with Robert Costa on Face the Nation": an occasion named before the words.
    for (; next < named.length && (named[next] as NamedOccasion).start < d.start; next += 1) {
      const a = named[next] as NamedOccasion;
      lastNamed = a;
      if (a.holder !== null) last.set(a.holder, { occasion: { venue: a.venue, venueOutlets: a.outlets }, paragraph: at(a), start: a.start });
    }
    const speaker = speakerOf(d);
    if (speaker === null) continue;
    if (d.venue === null && d.lemma !== null && VERB_VENUES[d.lemma] !== undefined) {
      d.venue = VERB_VENUES[d.lemma] as string;
      d.flags.push('venue-verb');
    }
    // "Drescher finished her speech by stating, “…”": the occasion the speaker's own sentence names, whatever the verb.
    if (d.venue === null && lastNamed !== null && lastNamed.holder === speaker && lastNamed.start === layout.sentences[d.sentence]?.start) {
      attend(d, { venue: lastNamed.venue, venueOutlets: lastNamed.outlets });
      continue;
    }
    if (d.venue === null && lastNamed !== null && at(d) - at(lastNamed) <= 1 && opensWithThere(layout, d.sentence)) {
      attend(d, { venue: lastNamed.venue, venueOutlets: lastNamed.outlets });
      continue;
    }
    // Someone else's words on an occasion of their own end the passage: what the speaker says after them may come from anywhere.
    if (d.venue !== null) for (const other of last.keys()) if (other !== speaker) last.delete(other);
    if (d.venue !== null) {
      const occasion = { venue: d.venue, venueOutlets: d.venueOutlets };
      if (attendeeOf(d) !== null) last.set(speaker, { occasion, paragraph: at(d), start: d.start, byVerb: d.flags.includes('venue-verb') || d.flags.includes('venue-aired') || tookTo(d.venue) });
      previous.set(speaker, d);
      continue;
    }
    const held = last.get(speaker);
    const before = previous.get(speaker);
    previous.set(speaker, d);
    // "…, insisting the pause was needed": a second verb of the same sentence is the same act of speech.
    const sameSentence = before !== undefined && before.sentence === d.sentence && before.venue !== null;
    // "After the visit, she said: “…” ¶ “I want to reassure them …”": a quote that goes on from words said apart was said apart too.
    if (before !== undefined && apart.has(before) && d.flags.includes('continuation')) {
      apart.add(d);
      continue;
    }
    const only = plan.only.get(speaker);
    if (only !== undefined) {
      if (saidApart(d, only.start)) continue;
      if (d.start > only.start ? goesOn(d, layout) || sameSentence || (passageGoesOn(before, d, only, at) && actedThere(layout, d, only)) : saidBefore(layout, d, only, lede) || continues(before, d, only)) attend(d, { venue: only.venue, venueOutlets: only.outlets });
      continue;
    }
    // "sent out two tweets … “…,” Holt wrote": a text is gone on with by what was written in it.
    const writesIn = held !== undefined && d.lemma === 'write' && putOut(occasionKey(held.occasion.venue));
    if (!goesOn(d, layout) && !sameSentence && !writesIn) continue;
    // "Trump tweeted …" then "Trump said …": only what was written goes on in the tweet; a plain "said" may be anywhere.
    if (held?.byVerb === true && !writesIn && !sameSentence) continue;
    if (held !== undefined && at(d) - held.paragraph <= AFTER) {
      if (saidApart(d, held.start)) continue;
      attend(d, held.occasion);
      held.paragraph = at(d);
    } else if (plan.shared !== null && !plan.holders.has(speaker)) {
      if (!saidApart(d, plan.shared.start)) attend(d, { venue: plan.shared.venue, venueOutlets: plan.shared.outlets });
    }
  }
}

/**
 * Whether a speaker's plain "said", reported before their one occasion is named, was said
 * there: the lede's "said" before a paragraph that names it, or any "said" (or "adding")
 * before a gathering is named, as reports give the gist first and the gathering after it ("The Taliban has been
 * “cooperative …,” Biden said." two paragraphs before "In his news conference, Biden …"). A
 * sentence that sets the words at another time ("said last month") was not.
 */
function saidBefore(layout: Layout, d: Draft, only: NamedOccasion, lede: number | undefined): boolean {
  if (d.flags.includes('new-occasion')) return false;
  if (d.sentence === lede && only.paragraph > d.paragraph && d.lemma === 'say') return true;
  return BEFORE_VERBS.has(d.lemma ?? '') && isGathering(only.venue) && !atAnotherTime(layout, d.sentence);
}

/**
 * "“I would not call it justice,” Ellison said. “But it is accountability.”": a quote that
 * goes on from the speaker's quote before it, in its paragraph, is the same act of speech
 * and was said where that one was, the gathering named after them both.
 */
const continues = (before: Draft | undefined, d: Draft, only: NamedOccasion): boolean =>
  d.lemma === null && d.flags.includes('continuation') && before !== undefined && before.paragraph === d.paragraph && saidThere(before, only);

/**
 * Occasions that name only the words ("Ohtani’s comments Friday were the first …"): told of
 * after the words, they point back at them rather than say where they were said.
 */
const BARE_WORDS = new Set(['comments', 'comment', 'remarks', 'words', 'statements']);

/**
 * Whether an occasion is a gathering the speaker held or attended ("his news conference", "an
 * address from the White House"), which the words of a whole passage fit in: not a listener
 * ("told Radio Corran"), who heard the words after it and may not have heard those before,
 * unless the listeners are a gathering themselves ("told a news conference"), nor a noun that
 * names only the words.
 */
const isGathering = (venue: string): boolean => (!/^(told|telling|tells)\b/.test(occasionKey(venue)) || isSharedOccasion(venue)) && !BARE_WORDS.has(occasionKey(venue));

/**
 * Whether the speaker's statement before this one was told at their one occasion in the same
 * paragraph of reporting or the one before, through the same outlets: a report goes through
 * what was done at a news conference paragraph by paragraph, and what it tells after other
 * matters came between may come from anywhere.
 */
const passageGoesOn = (before: Draft | undefined, d: Draft, only: NamedOccasion, at: (d: { readonly paragraph: number }) => number): boolean =>
  before !== undefined && saidThere(before, only) && at(d) - at(before) <= 1 && sameOutlets(before, d);

/** Whether a statement was told at the speaker's one occasion. */
const saidThere = (d: Draft, only: NamedOccasion): boolean => d.venue !== null && occasionKey(d.venue) === occasionKey(only.venue);

/** "He also mentioned …, per FT": words an outlet the statement before did not credit passed on came by another report, from anywhere. */
const sameOutlets = (a: Draft, b: Draft): boolean => a.outer.length === b.outer.length && a.outer.every((o) => b.outer.includes(o));

/**
 * Verbs of words put in writing, which a gathering did not hear: "he wrote", "she posted".
 */
const WRITTEN = new Set(['write', 'post', 'tweet', 'publish', 'release', 'issue', 'sign', 'file', 'email', 'text']);

/**
 * Whether a speaker's words told after their one gathering was named, by a verb that does
 * not go on reporting ("Granholm also urged consumers to …", "Warren also demanded …",
 * "McCraw confirmed …", "…, according to Granholm"), were said there: a report of a news
 * conference or a hearing tells what the speaker did there verb by verb, and a speaker the
 * article puts nowhere else said them there, unless the sentence sets them at another time
 * ("earlier", "last month"), as a stance held ("has urged") or as a text ("wrote").
 */
function actedThere(layout: Layout, d: Draft, only: NamedOccasion): boolean {
  if (d.flags.includes('new-occasion') || !isGathering(only.venue) || atAnotherTime(layout, d.sentence)) return false;
  return d.lemma === 'according' || (d.lemma !== null && !WRITTEN.has(d.lemma) && toldAsDone(layout, d.verb));
}

/** The plain verbs of reporting whose words an occasion named after them takes: "said", "adding that …". */
const BEFORE_VERBS = new Set(['say', 'add']);

/** Words that set what a sentence reports at a time of its own: "last month", "earlier", "in 2019", "years ago". */
const ANOTHER_TIME = /^(last|earlier|previously|before|ago|once|formerly|already|then|\d{4})$/;

/** Whether the sentence, outside its quotes, sets its words at a time apart from the occasion's. */
function atAnotherTime(layout: Layout, sentence: number): boolean {
  const s = layout.sentences[sentence];
  if (s === undefined) return true;
  for (let i = s.first; i <= s.last; i += 1) {
    const t = layout.tokens[i] as Token;
    if (t.quote === null && ANOTHER_TIME.test(t.lower)) return true;
  }
  return false;
}

/**
 * Texts put out ("a post", "a statement", "a message"), as against occasions spoken at: a
 * speaker who put out one text may well have said the rest of what is reported elsewhere.
 */
const TEXTS = /\b(post|statement|message|letter|release|email|memo|filing|tweet|note|op-ed|column|essay|article|blog|newsletter|video)s?\b/;

/**
 * Whether an occasion's key is a text put out (TEXTS) or a platform turned to ("Taking to
 * Twitter, he wrote: …"), which, like a verb that names its venue, holds only what was written there.
 */
const putOut = (key: string): boolean => TEXTS.test(key) || tookTo(key);

/**
 * The article's occasions by speaker: `only`, the occasion of each speaker named on one
 * occasion alone (by statements with a venue, or by sentences that tell of one); `holders`,
 * every speaker named on any; `shared`, the one occasion named with nobody's name on it, if
 * there is exactly one.
 */
function articleOccasions(
  drafts: readonly Draft[],
  named: readonly NamedOccasion[],
  ledeAt: number | null,
  at: (d: { readonly paragraph: number }) => number,
): { only: Map<DocEntity, NamedOccasion>; holders: Set<DocEntity>; shared: NamedOccasion | null } {
  const own: NamedOccasion[] = drafts.flatMap((d) => {
    const speaker = attendeeOf(d);
    // "said on Fox News Sunday": one answer on air, which says nothing of where the rest was said.
    return speaker !== null && d.venue !== null && !d.flags.includes('venue-aired') ? [{ holder: speaker, venue: d.venue, outlets: d.venueOutlets, start: d.start, paragraph: d.paragraph }] : [];
  });
  const byHolder = new Map<DocEntity | null, NamedOccasion[]>();
  for (const o of [...own, ...named].sort((a, b) => a.start - b.start)) byHolder.set(o.holder, [...(byHolder.get(o.holder) ?? []), o]);
  const only = new Map<DocEntity, NamedOccasion>();
  const holders = new Set<DocEntity>();
  let shared: NamedOccasion | null = null;
  for (const [holder, list] of byHolder) {
    const keys = occasionKeys(list);
    if (holder === null) shared = keys.size === 1 ? (list[0] as NamedOccasion) : null;
    else {
      holders.add(holder);
      if (keys.size === 1 && !putOut(occasionKey((list[0] as NamedOccasion).venue))) only.set(holder, list[0] as NamedOccasion);
    }
  }
  return { only, holders, shared: shared ?? ledeOccasion([...own, ...named], ledeAt, at) };
}

/**
 * The occasions a holder is named on, by key. Words told of after they were said ("Cheatle’s
 * statements were published hours after …") point back at an occasion named otherwise and
 * are no other one.
 */
function occasionKeys(list: readonly NamedOccasion[]): Set<string> {
  const keys = new Set(list.map((o) => occasionKey(o.venue)));
  const occasions = [...keys].filter((k) => !BARE_WORDS.has(k));
  return occasions.length > 0 ? new Set(occasions) : keys;
}

/**
 * "Gov. Green and Mayor Bissen hosted a press conference to discuss …" as an article's lede:
 * a report that opens on an occasion several people speak at, and names no other, reports
 * from it, and what others are quoted saying was said there too, though the lede names only
 * its hosts.
 */
function ledeOccasion(all: readonly NamedOccasion[], ledeAt: number | null, at: (d: { readonly paragraph: number }) => number): NamedOccasion | null {
  const first = all[0];
  if (first === undefined || ledeAt === null || at(first) !== ledeAt || !isSharedOccasion(first.venue)) return null;
  const key = occasionKey(first.venue);
  return all.every((o) => occasionKey(o.venue) === key) ? first : null;
}

/** The verbs of a guest's appearance on a show, and the preposition before the show's name. */
const APPEARED = new Set(['spoke', 'speaking', 'appeared', 'appearing', 'sat']);
/** The verbs of a witness before a body: "was testifying before a congressional committee". */
const TESTIFIED = new Set(['testifying', 'testified', 'testify', 'testifies']);
/** The verbs of a guest who gave an interview: "an interview X had on Fox News". */
const GAVE = new Set(['had', 'gave', 'did', 'conducted', 'granted']);
/** How many words after the verb the show's "on" may come ("spoke with Robert Costa on …"). */
const SHOW_WITHIN = 6;
/** How many words before "had" the interview it gave may be named. */
const INTERVIEW_WITHIN = 10;

/**
 * Sentences that say a person appeared somewhere the article goes on to quote them from: "X
 * spoke with Robert Costa on Face the Nation Sunday", "X appeared on Meet the Press", "an
 * interview X had on Fox News this morning", "while X was testifying before a congressional
 * committee". The guest is the person named nearest before the verb; the show, the
 * capitalised words after "on" (with "the" between them), or the body after "before".
 */
function appearances(layout: Layout, mentions: Mentions): NamedOccasion[] {
  const out: NamedOccasion[] = [];
  for (const sentence of layout.sentences) {
    if (layout.paragraphs[sentence.paragraph]?.kind !== 'body') continue;
    const words = layout.tokens.slice(sentence.first, sentence.last + 1).filter((t) => t.quote === null);
    const found = occasionIn(words);
    if (found === null) continue;
    const verbStart = (words[found.verb] as Token).start;
    const guest = mentions
      .inSentence(sentence.index)
      .filter((m) => m.kind === 'name' && m.entity?.type === 'Person' && m.end <= verbStart)
      .pop()?.entity;
    if (guest === undefined || guest === null) continue;
    const first = found.words[0] as Token;
    const named = mentions.startingAt(first.index)?.entity;
    const show = layout.source.slice(first.start, (found.words[found.words.length - 1] as Token).end);
    out.push({ holder: guest, venue: `${found.prefix}${show}`, outlets: named?.outlet === true ? [named] : [], start: sentence.start, paragraph: sentence.paragraph });
  }
  return out;
}

/** The appearance a sentence's words tell of: the verb's position, the show's or body's words, and how the venue reads. */
function occasionIn(words: readonly Token[]): { verb: number; words: Token[]; prefix: string } | null {
  for (let v = 0; v < words.length; v += 1) {
    const t = words[v] as Token;
    if (APPEARED.has(t.lower)) {
      const on = words.findIndex((o, i) => i > v && i <= v + SHOW_WITHIN && o.lower === 'on');
      const show = on === -1 ? [] : showAfter(words, on + 1);
      if (show.length > 0) return { verb: v, words: show, prefix: '' };
    } else if (TESTIFIED.has(t.lower) && ['before', 'to'].includes(words[v + 1]?.lower ?? '')) {
      const body = bodyAfter(words, v + 2);
      if (body.length > 0) return { verb: v, words: body, prefix: '' };
    } else if (GAVE.has(t.lower) && words[v + 1]?.lower === 'on' && words.slice(Math.max(0, v - INTERVIEW_WITHIN), v).some((o) => o.lower === 'interview')) {
      const show = showAfter(words, v + 2);
      if (show.length > 0) return { verb: v, words: show, prefix: 'interview on ' };
    }
  }
  return null;
}

/** The body a witness appears before, from word `i`: "a congressional committee", "the Senate Finance Committee". */
function bodyAfter(words: readonly Token[], i: number): Token[] {
  const body: Token[] = [];
  let k = ['a', 'an', 'the'].includes(words[i]?.lower ?? '') ? i + 1 : i;
  for (; k < words.length && body.length < 5; k += 1) {
    const t = words[k] as Token;
    if (!(t.tags.has('Noun') || t.tags.has('Adjective')) || t.tags.has('Date') || t.tags.has('Pronoun')) break;
    body.push(t);
  }
  return body;
}

/** The capitalised words of a show's name from word `i` ("Face the Nation"; a weekday ends it). */
function showAfter(words: readonly Token[], i: number): Token[] {
  const show: Token[] = [];
  for (let k = i; k < words.length; k += 1) {
    const t = words[k] as Token;
    const capital = /^\p{Lu}/u.test(t.text) && !t.tags.has('Date');
    if (!(capital || (t.lower === 'the' && show.length > 0))) break;
    show.push(t);
  }
  while (show.length > 0 && (show[show.length - 1] as Token).lower === 'the') show.pop();
  return show.length >= 2 ? show : [];
}

/**
 * "The Coast Guard held a press conference … There, a salvage expert revealed that …": a
 * sentence that opens on "There," puts its words at the occasion the sentence before named,
 * whatever its verb.
 */
function opensWithThere(layout: Layout, sentence: number): boolean {
  const first = layout.sentences[sentence]?.first;
  const t = first === undefined ? undefined : layout.tokens[first];
  return t !== undefined && t.lower === 'there' && layout.text.charAt(t.end) === ',';
}

/** A draft's paragraph counted in paragraphs of reporting: blank lines, captions and other furniture do not part a passage. */
export function reportingIndex(layout: Layout): (d: { readonly paragraph: number }) => number {
  const index: number[] = [];
  let n = 0;
  for (const p of layout.paragraphs) {
    if (p.kind === 'body' && p.end > p.start) n += 1;
    index.push(n);
  }
  return (d) => index[d.paragraph] ?? n;
}

function attend(d: Draft, occasion: Occasion): void {
  d.venue = occasion.venue;
  d.flags.push('venue-occasion');
  if (d.venueOutlets.length === 0 && d.outer.length === 0 && occasion.venueOutlets.length > 0) {
    d.venueOutlets = [...occasion.venueOutlets];
    d.flags.push('outlet-inherited');
  }
}
