/**
 * From raw article text to a proposed article document: the ingest shape
 * (src/ingest/document.ts), ready for an analyst to review and load with `npm run ingest`,
 * plus a `review` list that says, for every statement, how sure the extractor is, which rule
 * produced it and what to check. Quotes whose speaker cannot be resolved are listed in
 * `review` with no speaker and left out of `statements`: the extractor never guesses one.
 *
 * The work is pure: the caller supplies the gazetteer (entities already in the graph, read
 * by extract.repository.ts), so the same text and gazetteer always give the same proposal.
 */
import type { ArticleDocument, EntityInput, StatementInput } from '../ingest/document';
import type { StatementKind } from '../vocabulary';
import { slugify } from '../ingest/text';
import {
  attributeQuote,
  frameOf,
  paraphrases,
  quoteKind,
  sourcedClaim,
  reportingOf,
  resolvePhrase,
  type Context,
  type Frame,
  type Reporting,
  type Resolution,
  type Speaker,
} from './attribution';
import { layOut, type Layout } from './layout';
import { findMentions, Gazetteer, NO_GAZETTEER, Registry, type DocEntity, type Via } from './mentions';
import type { Quote } from './quotes';

/** Extraction takes about 25 ms per thousand characters; the API keeps requests to a few seconds. */
export const EXTRACT_LIMITS = { textLength: 200_000 } as const;

/** One line of the review: a proposed statement, or a quote left out for want of a speaker. */
export interface ReviewItem {
  /** Index into `document.statements`; null when the quote was left out. */
  readonly statement: number | null;
  readonly kind: StatementKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker: string | null;
  /** The words the speaker was found from: "he", "the CIA director", "Waltz". */
  readonly speakerMention: string | null;
  /** 0 to 1: how likely the statement is right as proposed (span, kind and speaker). */
  readonly confidence: number;
  readonly rule: string;
  readonly flags: readonly string[];
}

export interface ProposedDocument extends ArticleDocument {
  readonly review: readonly ReviewItem[];
}

export interface ExtractionProposal {
  readonly document: ProposedDocument;
  /** Ids of the entities the document defines because the graph does not have them. */
  readonly newEntities: readonly string[];
  /** Ids of the graph's entities the statements point at. */
  readonly knownEntities: readonly string[];
}

export interface Prepared {
  readonly text: string;
  readonly title: string;
  readonly layout: Layout;
}

/** Normalises line ends and reads the article's layout; the title defaults to the first line. */
export function prepareArticle(raw: string, title?: string | null): Prepared {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  const chosen = (title ?? '').trim() || (firstLine.length <= 200 ? firstLine : `${firstLine.slice(0, 197)}...`) || 'Untitled article';
  return { text, title: chosen, layout: layOut(text, chosen) };
}

/**
 * What to ask the graph: the normalised forms of every capitalised run and its tails (the
 * candidate names and aliases), and the titles used without a name ("the CIA director").
 */
export function lookupKeys(prepared: Prepared): { names: string[]; titles: string[] } {
  const { layout } = prepared;
  const names = new Set<string>();
  const titles = new Set<string>();
  const body = new Set(layout.paragraphs.filter((p) => p.kind === 'body').map((p) => p.index));
  const tokens = layout.tokens.filter((t) => body.has(t.paragraph));
  let run: string[] = [];
  const flush = (): void => {
    for (let i = 0; i < run.length; i += 1) for (let j = i; j < Math.min(run.length, i + 6); j += 1) names.add(run.slice(i, j + 1).join(' '));
    run = [];
  };
  tokens.forEach((t, n) => {
    const prev = tokens[n - 1];
    const joined = prev !== undefined && /^\s+$/.test(layout.text.slice(prev.end, t.start));
    if (!joined) flush();
    if (/^\p{Lu}/u.test(t.text)) run.push(t.text.replace(/['’]s$/, ''));
    else flush();
    if (prev?.lower === 'the') {
      const words = [t.text];
      for (let k = n + 1; k < Math.min(tokens.length, n + 4); k += 1) words.push((tokens[k] as { text: string }).text);
      for (let len = 1; len <= words.length; len += 1) titles.add(words.slice(0, len).join(' ').toLowerCase());
    }
  });
  flush();
  return { names: [...names].sort(), titles: [...titles].sort() };
}

interface Draft {
  kind: StatementKind;
  start: number;
  end: number;
  text: string;
  speakers: readonly Speaker[];
  mention: string | null;
  rule: string;
  base: number;
  flags: string[];
  venue: string | null;
  outer: DocEntity[];
  venueOutlets: DocEntity[];
  quote: Quote | null;
  parent: Draft | null;
  lemma: string | null;
  paragraph: number;
  inherit: 'continuation' | null;
  from: Draft | null;
}

const RULE_CONFIDENCE: Readonly<Record<string, number>> = {
  'quote-then-speaker-verb': 0.95,
  'quote-then-verb-speaker': 0.95,
  'speaker-verb-quote': 0.9,
  'coordinated-verb': 0.85,
  'participle-clause': 0.85,
  'according-to': 0.8,
  'verb-later-in-sentence': 0.6,
  'continuation-sentence': 0.85,
  'continuation-paragraph': 0.75,
  'continuation-runs-on': 0.85,
  'indirect-speech-verb': 0.7,
  'indirect-claim-then-verb': 0.75,
  'indirect-according-to': 0.7,
};

const VIA_CONFIDENCE: Readonly<Record<Via, number>> = {
  name: 1,
  alias: 0.97,
  surname: 0.95,
  graph: 0.95,
  'graph-title': 0.8,
  title: 0.88,
  anaphor: 0.85,
  pronoun: 0.85,
  new: 0.95,
  'new-surname': 0.7,
};

/** Proposes the article document for `prepared`, resolving names against `gazetteer`. */
export function extractArticle(prepared: Prepared, gazetteer: Gazetteer = NO_GAZETTEER, options: { publishedAt?: string | null } = {}): ExtractionProposal {
  const { layout, text } = prepared;
  const registry = new Registry(gazetteer);
  const mentions = findMentions(layout, registry);
  const ctx: Context = { layout, mentions, registry, history: [], pronouns: new Map() };
  const drafts: Draft[] = [];
  const left: Draft[] = [];
  const lastInParagraph = new Map<number, Draft>();
  let previousBody: number | null = null;

  const remember = (d: Draft): void => {
    if (d.speakers.length > 0) {
      drafts.push(d);
      for (const s of d.speakers) ctx.history.push({ speaker: s.entity, paragraph: d.paragraph, sentence: -1 });
    } else {
      left.push(d);
    }
    if (d.parent === null) lastInParagraph.set(d.paragraph, d);
  };

  for (const paragraph of layout.paragraphs) {
    if (paragraph.kind !== 'body') continue;
    paragraph.sentences.forEach((s, position) => {
      const frame = frameOf(layout, s, null);
      const reporting = reportingOf(ctx, frame);
      const hasWords = frame.items.some((i) => i.kind === 'word');
      const used = new Set<number>();
      frame.items.forEach((item, qi) => {
        if (item.kind !== 'quote') return;
        const quote = item.quote;
        let draft: Draft;
        if (!hasWords) {
          // A sentence that is only a quote goes on with the speaker before it.
          const first = position === 0;
          const before = first ? (previousBody === null ? undefined : lastInParagraph.get(previousBody)) : lastInParagraph.get(paragraph.index);
          const runsOn = first && before?.quote?.runsOn === true;
          const rule = runsOn ? 'continuation-runs-on' : first ? 'continuation-paragraph' : 'continuation-sentence';
          draft = quoteDraft(quote, 'DIRECT', before?.speakers ?? [], before?.mention ?? null, rule, paragraph.index, reporting);
          draft.inherit = 'continuation';
          draft.from = before ?? null;
          if (before === undefined || before.speakers.length === 0) draft.flags.push('unattributed');
          draft.flags.push('continuation');
        } else {
          const attribution = attributeQuote(ctx, frame, qi, null);
          if (attribution?.verb && attribution.rule.startsWith('quote-then')) used.add(attribution.verb.index);
          const resolution = attribution?.phrase ? resolvePhrase(ctx, attribution.phrase, null) : null;
          draft = quoteDraft(quote, quoteKind(ctx, frame, qi), [], null, attribution?.rule ?? 'no-attribution', paragraph.index, reporting);
          draft.lemma = attribution?.verb?.verb.lemma ?? null;
          applyResolution(draft, resolution);
        }
        remember(draft);
        nested(quote, draft, s);
      });
      const found = paraphrases(ctx, frame, used);
      const sourced = found.length === 0 ? sourcedClaim(ctx, frame) : null;
      for (const p of sourced === null ? found : [sourced]) {
        const d: Draft = {
          kind: 'INDIRECT',
          start: p.start,
          end: p.end,
          text: p.text,
          speakers: p.speakers,
          mention: p.speakers.map((sp) => sp.mention).join(' and '),
          rule: p.rule,
          base: RULE_CONFIDENCE[p.rule] ?? 0.6,
          flags: [],
          venue: reporting.venue,
          outer: [...reporting.outer],
          venueOutlets: [...reporting.venueOutlets],
          quote: null,
          parent: null,
          lemma: p.verb.verb.lemma,
          paragraph: paragraph.index,
          inherit: null,
          from: null,
        };
        remember(d);
      }
    });
    previousBody = paragraph.index;
  }

  function quoteDraft(quote: Quote, kind: StatementKind, speakers: readonly Speaker[], mention: string | null, rule: string, p: number, reporting: Reporting): Draft {
    return {
      kind,
      start: quote.start,
      end: quote.end,
      text: text.slice(quote.start, quote.end),
      speakers,
      mention,
      rule,
      base: RULE_CONFIDENCE[rule] ?? 0.6,
      flags: [],
      venue: reporting.venue,
      outer: [...reporting.outer],
      venueOutlets: [...reporting.venueOutlets],
      quote,
      parent: null,
      lemma: null,
      paragraph: p,
      inherit: null,
      from: null,
    };
  }

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

  /** The quotes inside `outer`, read with the outer quote's words as their sentence. */
  function nested(outer: Quote, outerDraft: Draft, s: number): void {
    if (!layout.quotes.some((q) => q.parent === outer.id)) return;
    const frame: Frame = frameOf(layout, s, outer.id);
    const outerSpeaker = outerDraft.speakers.length === 1 ? (outerDraft.speakers[0] as Speaker).entity : null;
    frame.items.forEach((item, qi) => {
      if (item.kind !== 'quote') return;
      const attribution = attributeQuote(ctx, frame, qi, outerSpeaker);
      const resolution = attribution?.phrase ? resolvePhrase(ctx, attribution.phrase, outerSpeaker) : null;
      const draft = quoteDraft(item.quote, quoteKind(ctx, frame, qi), [], null, attribution ? `nested-${attribution.rule}` : 'nested-no-attribution', outerDraft.paragraph, { venue: null, outer: [], venueOutlets: [] });
      draft.base = (RULE_CONFIDENCE[attribution?.rule ?? ''] ?? 0.6) * 0.9;
      draft.parent = outerDraft;
      draft.lemma = attribution?.verb?.verb.lemma ?? null;
      applyResolution(draft, resolution);
      if (draft.speakers.length === 0) draft.flags.push('nested-unattributed');
      if (outerDraft.speakers.length === 0) draft.flags.push('outer-unattributed');
      remember(draft);
      nested(item.quote, draft, s);
    });
  }

  // Venues and outlets carry over: a continuation or "added" keeps the venue and outlets of
  // what it continues; the next statement by the same speaker keeps the outlets that report
  // the passage ("according to the FT"); a quote inside a quote keeps the outer one's outlets.
  const ordered = [...drafts].sort((a, b) => a.start - b.start || (a.parent === null ? -1 : 1));
  const top = ordered.filter((d) => d.parent === null);
  for (const d of ordered) {
    if (d.parent !== null) {
      d.outer = [...new Set([...d.parent.outer, ...d.parent.venueOutlets, ...d.outer])];
      if (d.outer.length > 0) d.flags.push('outlet-inherited');
      continue;
    }
    const index = top.indexOf(d);
    const previous = index > 0 ? (top[index - 1] as Draft) : null;
    const same = (a: Draft | null): a is Draft => a !== null && a.speakers.length > 0 && a.speakers.every((s) => d.speakers.some((t) => t.entity === s.entity));
    const lastBySpeaker = [...top.slice(0, index)].reverse().find((a) => same(a) && d.paragraph - a.paragraph <= 2) ?? null;
    const source = d.inherit === 'continuation' ? d.from : d.lemma === 'add' || d.lemma === 'continue' ? lastBySpeaker : null;
    if (source !== null && d.parent === null) {
      if (d.venue === null && source.venue !== null) {
        d.venue = source.venue;
        d.flags.push('venue-inherited');
      }
      if (d.outer.length === 0 && d.venueOutlets.length === 0 && source.outer.length + source.venueOutlets.length > 0) {
        d.outer = [...source.outer];
        d.venueOutlets = [...source.venueOutlets];
        d.flags.push('outlet-inherited');
      }
    } else if (same(previous) && d.outer.length === 0 && d.venueOutlets.length === 0 && previous.outer.length > 0 && d.paragraph - previous.paragraph <= 1) {
      d.outer = [...previous.outer];
      d.flags.push('outlet-inherited');
    }
  }

  return assemble(prepared, registry, ordered, left, options.publishedAt ?? null);
}

function assemble(prepared: Prepared, registry: Registry, drafts: readonly Draft[], left: readonly Draft[], publishedAt: string | null): ExtractionProposal {
  const { text, title, layout } = prepared;
  const articleSlug = slugify(title) || 'untitled';

  // Ids: the graph's, or one from the name; two new entities never share one.
  const ids = new Map<DocEntity, string>();
  const taken = new Set<string>();
  const idOf = (e: DocEntity): string => {
    const known = ids.get(e);
    if (known !== undefined) return known;
    if (e.type === 'Unknown') e.type = e.outlet ? 'Organization' : 'Person';
    let id = registry.idOf(e);
    if (e.graph === null) {
      for (let n = 2; taken.has(id); n += 1) id = `${registry.idOf(e)}-${n}`;
    }
    taken.add(id);
    ids.set(e, id);
    return id;
  };

  const statements: StatementInput[] = [];
  const review: ReviewItem[] = [];
  const statementIdOf = new Map<Draft, string>();
  const used = new Set<DocEntity>();
  for (const d of drafts) {
    for (const speaker of d.speakers) {
      used.add(speaker.entity);
      const reportedBy = [...new Set([...d.outer, ...d.venueOutlets])];
      reportedBy.forEach((o) => used.add(o));
      const flags = [...new Set([...d.flags, ...speaker.flags, ...(speaker.entity.graph === null ? ['new-entity'] : []), ...(speaker.entity.surnameOnly ? ['surname-only'] : [])])];
      let confidence = d.base * VIA_CONFIDENCE[speaker.via];
      if (flags.includes('ambiguous')) confidence *= 0.7;
      if (flags.includes('last-speaker') || flags.includes('last-named')) confidence *= 0.95;
      if (flags.includes('outer-unattributed')) confidence *= 0.8;
      const statement: StatementInput = {
        kind: d.kind,
        speaker: idOf(speaker.entity),
        text: d.text,
        start: d.start,
        end: d.end,
        ...(d.venue !== null ? { venue: d.venue } : {}),
        ...(reportedBy.length > 0 ? { reportedBy: reportedBy.map(idOf) } : {}),
        ...(d.parent !== null && statementIdOf.has(d.parent) ? { quotedIn: statementIdOf.get(d.parent) as string } : {}),
      };
      if (d.kind !== 'INDIRECT' && !statementIdOf.has(d)) statementIdOf.set(d, `statement:${articleSlug}:${d.start}-${d.end}`);
      review.push({
        statement: statements.length,
        kind: d.kind,
        start: d.start,
        end: d.end,
        text: d.text,
        speaker: statement.speaker,
        speakerMention: speaker.mention,
        confidence: Math.round(confidence * 100) / 100,
        rule: d.rule,
        flags,
      });
      statements.push(statement);
    }
  }
  for (const d of left) {
    review.push({
      statement: null,
      kind: d.kind,
      start: d.start,
      end: d.end,
      text: d.text,
      speaker: null,
      speakerMention: d.mention,
      confidence: 0,
      rule: d.rule,
      flags: [...new Set(d.flags)],
    });
  }
  for (const mark of layout.stray) {
    const paragraph = layout.paragraphs.find((p) => p.start <= mark.at && mark.at <= p.end);
    if (paragraph?.kind !== 'body') continue;
    review.push({ statement: null, kind: 'DIRECT', start: mark.at, end: mark.at + 1, text: mark.mark, speaker: null, speakerMention: null, confidence: 0, rule: 'stray-quote-mark', flags: ['stray-quote-mark'] });
  }
  review.sort((a, b) => a.start - b.start || (a.statement ?? Infinity) - (b.statement ?? Infinity));

  const entities: EntityInput[] = [];
  const known: string[] = [];
  for (const e of [...used].sort((a, b) => idOf(a).localeCompare(idOf(b)))) {
    const id = idOf(e);
    if (e.graph !== null) {
      known.push(id);
      continue;
    }
    const aliases = [...e.aliases].filter((a) => a !== e.name).sort();
    if (e.type === 'Organization') {
      entities.push({ id, type: 'Organization', name: e.name, aliases, kind: e.outlet ? 'NEWS_OUTLET' : 'OTHER' });
    } else {
      const title = [...e.titles][0];
      entities.push({ id, type: 'Person', name: e.name, aliases, ...(title !== undefined ? { description: title } : {}) });
    }
  }

  return {
    document: {
      article: { id: `article:${articleSlug}`, title, text, publisher: null, url: null, publishedAt },
      entities,
      statements,
      review,
    },
    newEntities: entities.map((e) => e.id),
    knownEntities: known,
  };
}

/** Convenience for callers with text in hand: prepare, then extract. */
export function extractText(raw: string, options: { title?: string | null; gazetteer?: Gazetteer; publishedAt?: string | null } = {}): ExtractionProposal {
  return extractArticle(prepareArticle(raw, options.title), options.gazetteer ?? NO_GAZETTEER, { publishedAt: options.publishedAt ?? null });
}
