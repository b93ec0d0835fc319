/**
 * The statements an article proposes, before ids: one draft per quote (attributed by
 * attribution.ts, or continuing the speaker before it) and per paraphrase, sentence by
 * sentence (the passes over the whole list after that are draft-passes.ts).
 */
import type { StatementKind } from '../vocabulary';
import type { AboutLink, AboutSubject } from './about';
import { attributeQuote, quoteKind, textReads } from './attribution';
import { frameOf, speechVerbAt, type AttributionScope, type Frame, type Resolution, type Speaker } from './frame';
import { messageClaim, paraphrases, sourcedClaim, type Paraphrase } from './paraphrase';
import { reportingOf, type Reporting } from './reporting';
import { resolvePhrase, subjectOf } from './speakers';
import type { Layout, Paragraph, Token } from './layout';
import type { DocEntity, Mention } from './mentions';
import { isQuotedName, isShowTitle, type Quote } from './quotes';
import { TITLE_ABBREVIATIONS, TITLE_WORDS } from './lexicon';
import { firstIndex } from './sorted';

export interface Draft extends AboutSubject {
  kind: StatementKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  speakers: readonly Speaker[];
  mention: string | null;
  readonly rule: string;
  base: number;
  readonly flags: string[];
  venue: string | null;
  outer: DocEntity[];
  venueOutlets: DocEntity[];
  readonly quote: Quote | null;
  parent: Draft | null;
  lemma: string | null;
  /** The verb of saying the rules found, where one was (occasion.ts reads its tense). */
  verb: Token | null;
  readonly paragraph: number;
  readonly sentence: number;
  inherit: 'continuation' | null;
  from: Draft | null;
  about: AboutLink[];
}

const RULE_CONFIDENCE: Readonly<Record<string, number>> = {
  'quote-then-speaker-verb': 0.95,
  'quote-then-verb-speaker': 0.95,
  'quote-then-text-author': 0.8,
  'subjectless-summary': 0.7,
  'speaker-verb-quote': 0.9,
  'coordinated-verb': 0.85,
  'participle-clause': 0.85,
  'according-to': 0.8,
  'verb-object-as-quote': 0.75,
  'verb-later-in-sentence': 0.6,
  'read-out': 0.75,
  'continuation-sentence': 0.85,
  'continuation-paragraph': 0.75,
  'continuation-runs-on': 0.85,
  'announced-by-colon': 0.8,
  'statement-noun-colon': 0.8,
  'indirect-speech-verb': 0.7,
  'indirect-claim-then-verb': 0.75,
  'indirect-according-to': 0.7,
  'indirect-message-colon': 0.65,
  'quote-in-context': 0.6,
};

/** How far back, in paragraphs with words, the speaker of a quote with no speech verb may have spoken. */
const CONTEXT_REACH = 3;
/** Verbs that tell of no act of anyone's: a sentence with only these around its quote is about the quote's words. */
const AUXILIARIES = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', '’s', "'s"]);

/** Who the next paragraph's quote belongs to, where it was said, and the outlets that report it. */
interface Announced {
  readonly speakers: readonly Speaker[];
  readonly venue: string | null;
  readonly outer?: readonly DocEntity[];
}

/** Drafts every statement of the article's body, in document order of sentences. */
export class Drafter {
  /** Drafts with a speaker. */
  readonly drafts: Draft[] = [];
  /** Quotes left for want of a speaker. */
  readonly left: Draft[] = [];
  /** Shows named in quotation marks ("Face the Nation"), where they are named. */
  readonly shows: { readonly title: string; readonly sentence: number; readonly paragraph: number }[] = [];
  private readonly lastInParagraph = new Map<number, Draft>();
  /** "Pillen said in a statement:" — who the next paragraph's quote belongs to, by paragraph. */
  private readonly announced = new Map<number, Announced>();
  /** Ids of the quotes that hold other quotes. */
  private readonly containers: ReadonlySet<number>;
  private previousBody: number | null = null;
  /** The last venue named with each word ("conference" → "press conference outside the White House"). */
  private readonly venueByWord = new Map<string, string>();

  /** Where the marks that paired with nothing sit. */
  private readonly strayAt: ReadonlySet<number>;

  constructor(private readonly scope: AttributionScope) {
    this.containers = new Set(scope.layout.quotes.flatMap((q) => (q.parent === null ? [] : [q.parent])));
    this.strayAt = new Set(scope.layout.stray.map((m) => m.at));
  }

  private get layout(): Layout {
    return this.scope.layout;
  }

  run(): void {
    for (const paragraph of this.layout.paragraphs) {
      // A blank line is no paragraph to go on from: the quote after it continues the one before it.
      if (paragraph.kind !== 'body' || paragraph.sentences.length === 0) continue;
      paragraph.sentences.forEach((s, position) => this.sentence(paragraph, s, position));
      this.previousBody = paragraph.index;
    }
    this.describedSpeakers();
    this.runOnSpeakers();
  }

  /**
   * "“The wall had been weak for years. … nothing was done. ¶ “Now we have three boats on the
   * bottom,” Calder said.": a quote left open at its paragraph's end, the next paragraph with
   * words opening on a quotation mark, is one run of words however many paragraphs it takes
   * (news style closes only the last); paragraphs of it with no speaker of their own take the
   * one a later paragraph of the run names. Read from the last back, so a run of three
   * paragraphs takes its speaker from the third.
   */
  private runOnSpeakers(): void {
    for (const d of [...this.left].reverse()) {
      if (d.quote?.runsOn !== true || d.parent !== null || d.inherit !== 'continuation' || d.flags.includes('unclosed')) continue;
      const paragraph = this.layout.paragraphs[d.paragraph];
      const nextBody = this.layout.paragraphs.find((p) => p.index > d.paragraph && p.kind === 'body' && p.sentences.length > 0);
      const next = this.drafts.find((o) => o.parent === null && o.quote !== null && o.start > d.start);
      if (paragraph === undefined || nextBody === undefined || next?.quote == null || next.paragraph !== nextBody.index) continue;
      if (this.layout.source.slice(nextBody.start, next.quote.open).trim() !== '') continue;
      d.speakers = next.speakers;
      d.mention = next.mention;
      d.venue ??= next.venue;
      if (d.outer.length === 0) d.outer = [...next.outer];
      d.flags.splice(0, d.flags.length, ...d.flags.filter((f) => f !== 'unattributed'), 'run-on-named-after');
      this.left.splice(this.left.indexOf(d), 1);
      this.drafts.splice(firstIndex(this.drafts, (o) => o.start > d.start), 0, d);
    }
  }

  /**
   * "The chief executive of the ferry line said her company was “very sorry”" in a lede, with
   * the chief executive quoted by name in the next paragraph: a quote whose speaker is a title
   * is the one person who speaks in the paragraphs around it (one paragraph with words before
   * or after), when there is exactly one and the article gives that person the title. A
   * reading of the passage, flagged for review.
   */
  private describedSpeakers(): void {
    const ordinal = (p: number): number => this.layout.paragraphs[p]?.ordinal ?? p;
    for (const d of [...this.left]) {
      if ((d.quote === null && d.rule !== 'indirect-according-to') || d.mention === null || !isTitleDescription(d.mention)) continue;
      const near = new Set(this.drafts.filter((o) => Math.abs(ordinal(o.paragraph) - ordinal(d.paragraph)) <= DESCRIBED_REACH).flatMap((o) => o.speakers.map((sp) => sp.entity)));
      const people = [...near].filter((e) => e.type === 'Person' && !e.outlet && holdsTitle(e, d.mention as string));
      if (people.length !== 1 || near.size !== 1) continue;
      d.speakers = [{ entity: people[0] as DocEntity, via: 'title', mention: d.mention, flags: ['description', 'nearby-speaker'] }];
      d.flags.splice(0, d.flags.length, ...d.flags.filter((f) => !['unattributed', 'unresolved-speaker'].includes(f)));
      this.left.splice(this.left.indexOf(d), 1);
      this.drafts.splice(firstIndex(this.drafts, (o) => o.start > d.start), 0, d);
    }
  }

  private sentence(paragraph: Paragraph, s: number, position: number): void {
    const frame = frameOf(this.layout, s, null);
    const reporting = this.pointedVenue(onShow(reportingOf(this.scope, frame), frame, this.layout.source));
    const hasWords = frame.items.some((i) => i.kind === 'word');
    const used = new Set<number>();
    frame.items.forEach((item, qi) => {
      if (item.kind !== 'quote') return;
      if (isShowTitle(this.layout.source, item.quote)) {
        this.shows.push({ title: this.layout.source.slice(item.quote.start, item.quote.end), sentence: s, paragraph: paragraph.index });
        return;
      }
      if (isQuotedName(this.layout.source, item.quote)) return;
      const draft = hasWords ? this.attributed(frame, qi, item.quote, paragraph.index, reporting, used) : this.continuation(item.quote, paragraph.index, s, position, reporting);
      this.remember(draft);
      this.nested(item.quote, draft, s);
    });
    if (!frame.items.some((i) => i.kind === 'quote')) this.announcement(frame, paragraph.index, reporting);
    const found = paraphrases(this.scope, frame, used);
    const sourced = found.length === 0 ? (sourcedClaim(this.scope, frame) ?? messageClaim(this.scope, frame)) : null;
    for (const p of sourced === null ? found : [sourced]) this.remember(this.paraphrase(p, paragraph.index, s, reporting));
  }

  /**
   * "Leavitt, who held the conference with Bessent, …", "In his social media post, Trump …":
   * an occasion named as one already told of is the last venue named with that noun ("a
   * press conference outside the White House", "post on Truth Social"). Any other venue is
   * remembered for the sentences after it.
   */
  private pointedVenue(reporting: Reporting): Reporting {
    const noun = reporting.backReference;
    const earlier = noun === null ? undefined : this.venueByWord.get(noun);
    if (earlier !== undefined) return { ...reporting, venue: earlier };
    if (reporting.venue !== null) for (const word of reporting.venue.toLowerCase().split(/\s+/)) this.venueByWord.set(word, reporting.venue);
    return reporting;
  }

  /**
   * "Pillen said in a statement:", "Ricketts issued the following statement …": a sentence
   * that ends in a colon after a speech verb, or announces a statement, gives the quote of
   * the next paragraph its speaker (the verb's subject, or the sentence's first named subject).
   */
  private announcement(frame: Frame, paragraph: number, reporting: Reporting): void {
    const sentence = this.layout.sentences[frame.sentence];
    if (sentence === undefined) return;
    const words = this.layout.source.slice(sentence.start, sentence.end);
    const colon = /:\s*$/.test(words);
    const statement = /\bthe following (?:statement|remarks|comments)\b/i.test(words);
    if (!colon && !statement) return;
    for (let k = frame.items.length - 1; k >= 0; k -= 1) {
      const use = speechVerbAt(this.scope, frame, k);
      const np = use === null ? null : subjectOf(this.scope, frame, use);
      const res = np === null ? null : resolvePhrase(this.scope, np, null);
      if (res?.ok === true) {
        this.announced.set(paragraph, { speakers: res.speakers, venue: reporting.venue ?? (statement ? 'statement' : null) });
        return;
      }
    }
    const reads = colon ? textReads(this.scope, frame, frame.items.length - 1) : null;
    const author = reads === null ? null : (reads.author !== undefined ? { ok: true as const, speakers: [reads.author] } : reads.phrase !== null ? resolvePhrase(this.scope, reads.phrase, null) : null);
    if (reads !== null && author?.ok === true) {
      // "A statement from X, per NBC News, reads:": the outlet reports the words that follow.
      this.announced.set(paragraph, { speakers: author.speakers, venue: reporting.venue ?? reads.readFrom ?? null, outer: reporting.outer });
      return;
    }
    const subject = statement ? this.scope.mentions.inSentence(frame.sentence).find((m) => m.kind === 'name' && m.subject && m.entity !== null && !m.entity.outlet) : undefined;
    if (subject?.entity) this.announced.set(paragraph, { speakers: [{ entity: subject.entity, via: subject.via ?? 'name', mention: subject.text, flags: ['announced'] }], venue: 'statement' });
  }

  /** A sentence that is only a quote goes on with the speaker before it, or the one a colon announced. */
  private continuation(quote: Quote, paragraph: number, s: number, position: number, reporting: Reporting): Draft {
    const first = position === 0;
    const announced = first && this.previousBody !== null ? this.announced.get(this.previousBody) : undefined;
    if (announced !== undefined) return this.announcedQuote(quote, paragraph, s, reporting, announced);
    const before = first ? (this.previousBody === null ? undefined : this.lastInParagraph.get(this.previousBody)) : this.lastInParagraph.get(paragraph);
    const runsOn = first && before?.quote?.runsOn === true;
    const rule = runsOn ? 'continuation-runs-on' : first ? 'continuation-paragraph' : 'continuation-sentence';
    const draft = this.quoteDraft(quote, 'DIRECT', rule, paragraph, s, reporting);
    draft.speakers = before?.speakers ?? [];
    draft.mention = before?.mention ?? null;
    draft.inherit = 'continuation';
    draft.from = before ?? null;
    if (before === undefined || before.speakers.length === 0) draft.flags.push('unattributed');
    draft.flags.push('continuation');
    if (before?.flags.includes('relayed') === true) draft.flags.push('relayed');
    return draft;
  }

  private announcedQuote(quote: Quote, paragraph: number, s: number, reporting: Reporting, announced: Announced): Draft {
    const draft = this.quoteDraft(quote, 'DIRECT', 'announced-by-colon', paragraph, s, reporting);
    for (const outlet of announced.outer ?? []) if (!draft.outer.includes(outlet)) draft.outer.push(outlet);
    draft.speakers = announced.speakers;
    draft.mention = announced.speakers.map((sp) => sp.mention).join(' and ');
    draft.venue ??= announced.venue;
    return draft;
  }

  private attributed(frame: Frame, qi: number, quote: Quote, paragraph: number, reporting: Reporting, used: Set<number>): Draft {
    const attribution = attributeQuote(this.scope, frame, qi, null);
    const context = attribution === null ? this.contextSpeaker(frame, quote, paragraph) : null;
    if (context !== null) {
      const draft = this.quoteDraft(quote, quoteKind(this.scope, frame, qi), 'quote-in-context', paragraph, frame.sentence, reporting);
      applyResolution(draft, { ok: true, speakers: [context] });
      return draft;
    }
    if (attribution?.verb && attribution.rule.startsWith('quote-then')) used.add(attribution.verb.index);
    const lemma = attribution?.verb?.verb.lemma;
    const resolution: Resolution | null = attribution?.author !== undefined ? { ok: true, speakers: [attribution.author] } : attribution?.phrase ? resolvePhrase(this.scope, attribution.phrase, null, lemma === 'continue' || lemma === 'add') : null;
    const draft = this.quoteDraft(quote, quoteKind(this.scope, frame, qi), attribution?.rule ?? 'no-attribution', paragraph, frame.sentence, reporting);
    draft.lemma = attribution?.verb?.verb.lemma ?? null;
    draft.verb = attribution?.verb?.token ?? null;
    if (attribution?.readFrom !== undefined) draft.venue ??= attribution.readFrom;
    applyResolution(draft, resolution);
    if (attribution?.verb && this.relays(frame, qi, attribution.verb.index, draft)) draft.flags.push('relayed');
    if (attribution?.verb && this.elsewhere(attribution.verb.token)) draft.flags.push('new-occasion');
    return draft;
  }

  /**
   * "3:00 PM: Powell restates his view. “We conduct policy …,” not to “prove independence.”":
   * a quote in a sentence with no speech verb, in a passage about whoever spoke last (within
   * a few paragraphs, nobody else the subject of a sentence since), is theirs; a live blog's
   * posts and a profile's paragraphs go on this way. A guess from context, so flagged.
   */
  private contextSpeaker(frame: Frame, quote: Quote, paragraph: number): Speaker | null {
    const last = this.scope.history[this.scope.history.length - 1];
    const source = this.layout.source;
    // A closing mark after a space was paired with the wrong opening one (quotes.ts): its span is not the words'.
    if (last === undefined || last.speaker.outlet || /\s$/.test(source.slice(quote.start, quote.end))) return null;
    const ordinal = (p: number): number => this.layout.paragraphs[p]?.ordinal ?? p;
    // Blank lines between paragraphs are paragraphs too: bounded, so a run of them costs nothing per quote.
    if (ordinal(paragraph) - ordinal(last.paragraph) > CONTEXT_REACH || paragraph - last.paragraph > 4 * CONTEXT_REACH) return null;
    const someoneElse = (m: Mention): boolean => m.quote === null && m.kind === 'name' && m.entity !== last.speaker && !m.possessive;
    for (let p = last.paragraph; p <= paragraph; p += 1) {
      for (const s of this.layout.paragraphs[p]?.sentences ?? []) {
        if (s >= frame.sentence) break;
        // An earlier sentence about someone else: its main subject (the first of its main clause).
        const main = this.scope.mentions.inSentence(s).find((m) => m.subject && !m.subordinate && m.quote === null);
        if (main !== undefined && someoneElse(main)) return null;
      }
    }
    if (this.scope.mentions.inSentence(frame.sentence).some((m) => someoneElse(m) && (m.entity !== null || m.subject))) return null;
    // "“…!” one resident screamed", "X has cited a law that allows “…”": a verb of the sentence's own tells of someone else.
    if (frame.items.some((i) => i.kind === 'word' && i.token.tags.has('Verb') && !AUXILIARIES.has(i.token.lower))) return null;
    return { entity: last.speaker, via: 'name', mention: last.speaker.name, flags: ['context-speaker', 'last-speaker'] };
  }

  /**
   * "“We can’t keep giving more,” was Ortberg’s position, Holden said": another person's
   * position or words named between the quote and its verb: the speaker may be relaying them.
   */
  private relays(frame: Frame, qi: number, verb: number, draft: Draft): boolean {
    for (let k = qi + 1; k < verb; k += 1) {
      const item = frame.items[k];
      const m = item?.kind === 'word' ? this.scope.mentions.startingAt(item.token.index) : null;
      if (m?.kind === 'name' && m.possessive && m.entity !== null && !draft.speakers.some((sp) => sp.entity === m.entity)) return true;
    }
    return false;
  }

  private paraphrase(p: Paraphrase, paragraph: number, s: number, reporting: Reporting): Draft {
    const draft: Draft = {
      ...this.blank(p.start, p.end, p.text, 'INDIRECT', p.rule, paragraph, s, reporting),
      speakers: p.speakers,
      mention: p.described ?? p.speakers.map((sp) => sp.mention).join(' and '),
      lemma: p.verb.verb.lemma,
      verb: p.verb.token,
    };
    if (this.elsewhere(p.verb.token)) draft.flags.push('new-occasion');
    return draft;
  }

  /** "Trump earlier said …", "she had previously said": words said on another occasion than the passage's. */
  private elsewhere(verb: Token): boolean {
    const before = [1, 2].map((n) => this.layout.tokens[verb.index - n]?.lower ?? '');
    return before.some((w) => ELSEWHERE.has(w));
  }

  private remember(d: Draft): void {
    if (d.speakers.length > 0) {
      this.drafts.push(d);
      for (const s of d.speakers) this.scope.history.push({ speaker: s.entity, paragraph: d.paragraph, sentence: -1 });
    } else {
      this.left.push(d);
    }
    if (d.parent === null) this.lastInParagraph.set(d.paragraph, d);
  }

  private quoteDraft(quote: Quote, kind: StatementKind, rule: string, paragraph: number, sentence: number, reporting: Reporting): Draft {
    const draft: Draft = { ...this.blank(quote.start, quote.end, this.layout.source.slice(quote.start, quote.end), kind, rule, paragraph, sentence, reporting), quote };
    // Closed at its paragraph's end for want of a closing mark (quotes.ts): the span is a reading to check.
    if (this.strayAt.has(quote.open)) draft.flags.push('unclosed');
    return draft;
  }

  private blank(start: number, end: number, text: string, kind: StatementKind, rule: string, paragraph: number, sentence: number, reporting: Reporting): Draft {
    return {
      kind,
      start,
      end,
      text,
      speakers: [],
      mention: null,
      rule,
      base: RULE_CONFIDENCE[rule] ?? 0.6,
      // "said on Fox News Sunday": a broadcast holds its own sentence's words (occasion.ts).
      flags: reporting.aired === true ? ['venue-aired'] : [],
      venue: reporting.venue,
      outer: [...reporting.outer],
      venueOutlets: [...reporting.venueOutlets],
      quote: null,
      parent: null,
      lemma: null,
      verb: null,
      paragraph,
      sentence,
      inherit: null,
      from: null,
      about: [],
    };
  }

  /**
   * The quotes inside `outer`, read with the outer quote's words as their sentence. Depth
   * first through an explicit stack, so that deep nesting cannot exhaust the call stack.
   */
  private nested(outer: Quote, outerDraft: Draft, s: number): void {
    const pending: [Quote, Draft][] = [[outer, outerDraft]];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const [container, containerDraft] = next;
      if (!this.containers.has(container.id)) continue;
      const frame: Frame = frameOf(this.layout, s, container.id);
      const outerSpeaker = containerDraft.speakers.length === 1 ? (containerDraft.speakers[0] as Speaker).entity : null;
      const inner: [Quote, Draft][] = [];
      frame.items.forEach((item, qi) => {
        if (item.kind !== 'quote') return;
        const draft = this.nestedDraft(frame, qi, item.quote, containerDraft, outerSpeaker, s);
        this.remember(draft);
        inner.push([item.quote, draft]);
      });
      for (let k = inner.length - 1; k >= 0; k -= 1) pending.push(inner[k] as [Quote, Draft]);
    }
  }

  private nestedDraft(frame: Frame, qi: number, quote: Quote, outerDraft: Draft, outerSpeaker: DocEntity | null, s: number): Draft {
    const attribution = attributeQuote(this.scope, frame, qi, outerSpeaker);
    const resolution = attribution?.phrase ? resolvePhrase(this.scope, attribution.phrase, outerSpeaker) : null;
    const draft = this.quoteDraft(quote, quoteKind(this.scope, frame, qi), attribution ? `nested-${attribution.rule}` : 'nested-no-attribution', outerDraft.paragraph, s, { venue: null, backReference: null, outer: [], venueOutlets: [] });
    draft.base = (RULE_CONFIDENCE[attribution?.rule ?? ''] ?? 0.6) * 0.9;
    draft.parent = outerDraft;
    draft.lemma = attribution?.verb?.verb.lemma ?? null;
    draft.verb = attribution?.verb?.token ?? null;
    applyResolution(draft, resolution);
    if (draft.speakers.length === 0) draft.flags.push('nested-unattributed');
    if (outerDraft.speakers.length === 0) draft.flags.push('outer-unattributed');
    return draft;
  }
}

/**
 * "told CBS News's Margaret Brennan on “Face the Nation”": in a sentence that names a show,
 * the show is the venue rather than the outlet the words were told to; the outlet stays the
 * one that carried them.
 */
function onShow(reporting: Reporting, frame: Frame, source: string): Reporting {
  if (reporting.venue === null || !reporting.venue.startsWith('told ') || reporting.venueOutlets.length === 0) return reporting;
  const show = frame.items.find((i) => i.kind === 'quote' && isShowTitle(source, i.quote));
  return show?.kind === 'quote' ? { ...reporting, venue: source.slice(show.quote.start, show.quote.end).replace(/[.,]$/, '') } : reporting;
}

/** Words before a speech verb that put the words on another occasion than the one the passage reports. */
const ELSEWHERE = new Set(['earlier', 'previously', 'separately', 'once', 'formerly']);

function applyResolution(draft: Draft, resolution: Resolution | null): void {
  if (resolution === null) {
    draft.flags.push('unattributed');
    return;
  }
  if (!resolution.ok) {
    draft.mention = resolution.mention;
    draft.flags.push('unattributed', resolution.reason === 'generic' ? 'generic-speaker' : resolution.reason === 'outlet' ? 'outlet-only' : 'unresolved-speaker');
    return;
  }
  draft.speakers = resolution.speakers;
  draft.mention = resolution.speakers.map((s) => s.mention).join(' and ');
}

/** How far, in paragraphs with words, a described speaker's words may be from the one person speaking around them. */
const DESCRIBED_REACH = 1;

/** "The CEO of … CrowdStrike", "the Dodgers’ designated hitter": a definite description whose head is a title, with no one's name in it. */
function isTitleDescription(mention: string): boolean {
  const words = mention.trim().split(/\s+/);
  const head = (words[words.length - 1] ?? '').toLowerCase();
  const title = words.some((w, k) => k > 0 && TITLE_WORDS.has(w.toLowerCase()));
  return /^the$/i.test(words[0] ?? '') && words.length >= 2 && (TITLE_WORDS.has(head) || title);
}

/** True when one of the titles the article gives `entity` shares a title word with `description` ("the chief executive"). */
function holdsTitle(entity: DocEntity, description: string): boolean {
  const wanted = description.toLowerCase().split(/\s+/).filter((w) => TITLE_WORDS.has(w));
  // "Chiang Rai Gov. Narongsak" holds the title "the governor" names.
  const spelled = (w: string): string => TITLE_ABBREVIATIONS[w.replace(/\.$/, '')] ?? w;
  return [...entity.titles].some((title) => title.toLowerCase().split(/\s+/).some((w) => wanted.includes(spelled(w))));
}
