/**
 * How the words reached the article, read from the same frame and kept apart: the venue
 * ("told reporters", "in a televised address", "interview with …") and the outlets that
 * report them ("according to the FT", "CNN reported", "per FT", "told Fox Business").
 */
import type { Token } from './layout';
import { speechVerb, TIME_WORDS, VENUE_NOUNS } from './lexicon';
import type { DocEntity, Mention } from './mentions';
import { type Item, type Frame, type AttributionScope, text, wordAt, gapText, spaced, speechVerbAt } from './frame';
import { subjectOf, outletLike, markOutlet, mentionAfter, entityOf } from './speakers';
import { type Found, VENUE_STOP, addOnce, toldAt, speakingToAt, saidToAt } from './listeners';

export interface Reporting {
  readonly venue: string | null;
  /** Outlets that report the words: "according to the FT", "CNN reported", "per FT". */
  readonly outer: readonly DocEntity[];
  /** Outlets the words were said to: "told Fox Business", "in an interview with …". */
  readonly venueOutlets: readonly DocEntity[];
  /**
   * The noun of an occasion the sentence names as one already told of ("who held the
   * conference with Bessent", "in his social media post"), for the drafter to resolve
   * against the venues named before; null when there is none.
   */
  readonly backReference: string | null;
  /** The venue is a broadcaster's air ("said on Fox News Sunday"): it holds the words of its sentence and their continuation, not the speaker's passage. */
  readonly aired?: boolean;
}



export function reportingOf(ctx: AttributionScope, frame: Frame): Reporting {
  const found: Found = { venue: null, replaceable: false, bound: false, listenerNext: null, toldOutlet: null, backReference: null, aired: false, outer: [], venueOutlets: [] };
  for (let k = 0; k < frame.items.length; k += 1) {
    const w = wordAt(frame, k);
    if (w === null) continue;
    found.backReference ??= definiteVenueAt(ctx, frame, k, w);
    if (toldAt(ctx, frame, k, w, found) || speakingToAt(ctx, frame, k, w, found) || saidToAt(ctx, frame, k, w, found) || postedOnAt(ctx, frame, k, w, found) || onAirAt(ctx, frame, k, w, found) || venuePhraseAt(ctx, frame, k, w, found) || accordingToAt(ctx, frame, k, w, found)) continue;
    if (!quotedByAt(ctx, frame, k, w, found)) reportedAt(ctx, frame, k, found);
  }
  return { venue: found.venue, backReference: found.bound ? null : found.backReference, outer: found.outer, venueOutlets: found.venueOutlets, ...(found.aired ? { aired: true } : {}) };
}


/** Determiners that point at an occasion already told of: "the conference", "his post", "that interview". */
const POINTING = new Set(['the', 'his', 'her', 'their', 'its', 'that', 'this', 'same']);

/**
 * "the conference", "his social media post", "the same interview": a venue noun after a
 * pointing determiner (with up to two words between) that no "to" or "on" follows and no
 * "with" an outlet, since those name a new occasion ("the interview with CNN"). Returns the
 * noun.
 */
function definiteVenueAt(ctx: AttributionScope, frame: Frame, k: number, w: Token): string | null {
  if (!POINTING.has(w.lower)) return null;
  for (let n = k + 1; n <= Math.min(frame.items.length - 1, k + 3); n += 1) {
    const o = wordAt(frame, n);
    if (o === null || !spaced(ctx, frame, n - 1, n)) return null;
    if (!isVenueNoun(frame, n)) continue;
    const next = wordAt(frame, n + 1);
    if (next !== null && ['to', 'on', 'by', 'of'].includes(next.lower)) return null;
    const partner = next?.lower === 'with' ? mentionAfter(ctx, frame, n + 2) : null;
    return partner !== null && outletLike(ctx, partner) ? null : o.lower;
  }
  return null;
}

/** Social platforms, as their names are written (lower case): what is said "on" them is a post. */
const PLATFORMS = ['truth social', 'x', 'twitter', 'facebook', 'instagram', 'threads', 'bluesky', 'linkedin', 'youtube', 'telegram', 'weibo', 'wechat', 'substack', 'reddit'];
/** Words between "on" and a platform's name: "on his social media platform Truth Social", "on her official account". */
const PLATFORM_LEAD = new Set(['his', 'her', 'their', 'its', 'the', 'own', 'official', 'personal', 'social', 'media', 'platform', 'site', 'network', 'account', 'app', 'page', 'feed']);
/** Forms of "take" whose "to <platform>" is where the words were put: "took to X". */
const TAKING = new Set(['took', 'taking', 'takes', 'take']);

/** Whether a venue is a platform the speaker turned to, as postedOnAt writes it: "took to Twitter". */
export const tookTo = (venue: string): boolean => {
  const [verb, to] = venue.split(' ', 2);
  return to === 'to' && TAKING.has(verb ?? '');
};
/** Verbs whose "on <platform>" is where the words were put: "posted on X", "said on social media". */
const POSTING_VERBS = new Set(['posted', 'posting', 'posts', 'post', 'reposted', 'wrote', 'writes', 'writing', 'said', 'says', 'saying', 'shared', 'tweeted', 'announced', 'announces', 'declared', 'stated', 'added', 'published']);

/**
 * The platform named from item `n`: "X", "Truth Social", "his social media site, Truth
 * Social", or "social media" when no name follows; null when none is.
 */
function platformAfter(ctx: AttributionScope, frame: Frame, n: number): string | null {
  let x = n;
  let social = false;
  while (x < Math.min(frame.items.length, n + 6)) {
    const o = wordAt(frame, x);
    if (o === null || !/^[\s,]*$/.test(x === n ? '' : gapText(ctx, frame, x - 1, x))) break;
    const name = PLATFORMS.find((p) => {
      const words = p.split(' ');
      return words.every((pw, i) => wordAt(frame, x + i)?.lower === pw) && /^\p{Lu}/u.test(o.text);
    });
    if (name !== undefined) return text(ctx).slice(o.start, (wordAt(frame, x + name.split(' ').length - 1) as Token).end);
    if (!PLATFORM_LEAD.has(o.lower)) break;
    if (o.lower === 'media' && wordAt(frame, x - 1)?.lower === 'social') social = true;
    x += 1;
  }
  return social ? 'social media' : null;
}

/** "On X, …": the platform's own name right after the opening "on" (item `k`), then a comma; "On social media, …" names no one place. */
function namedThenComma(ctx: AttributionScope, frame: Frame, k: number, platform: string): boolean {
  const last = k + platform.split(' ').length;
  return platform !== 'social media' && /^\s*,/.test(gapText(ctx, frame, last, last + 1));
}

/** "posted on X", "said on social media", "wrote on his platform Truth Social"; true when word `k` is such an "on". */
function postedOnAt(ctx: AttributionScope, frame: Frame, k: number, w: Token, found: Found): boolean {
  if (!['on', 'to'].includes(w.lower)) return false;
  let v = k - 1;
  while (v >= 0 && wordAt(frame, v) !== null && ['also', 'then', 'later', 'earlier'].includes((wordAt(frame, v) as Token).lower)) v -= 1;
  // "On X, formerly known as Twitter, Mace claimed …": a sentence that opens on a platform puts its words there, whatever its verb.
  const opening = k === 0 && w.text === 'On';
  const verb = wordAt(frame, v)?.lower ?? '';
  // "Taking to Twitter, he wrote: …", "also took to X and …": the platform the speaker turned to.
  const took = w.lower === 'to' && TAKING.has(verb);
  if (!opening && ((!POSTING_VERBS.has(verb) && !took) || !spaced(ctx, frame, v, v + 1))) return false;
  const platform = platformAfter(ctx, frame, k + 1);
  if (platform === null || (opening && !namedThenComma(ctx, frame, k, platform))) return false;
  if (found.replaceable) replace(found);
  if (found.venue === null) {
    found.venue = took ? `${verb} to ${platform}` : `post on ${platform}`;
    found.bound = true;
  }
  return true;
}

/** Verbs whose "on <broadcaster>" is the programme the words were said on: "said on Fox News Sunday", "told viewers on CNN". */
const ON_AIR_VERBS = new Set(['said', 'says', 'saying', 'added', 'told', 'telling', 'spoke', 'speaking', 'appeared', 'appearing', 'stated', 'argued', 'insisted', 'warned']);

/**
 * "Abbott said on Fox News Sunday", "she said on CNN": a verb of saying right before "on" and
 * an outlet's name puts the words on that outlet's air, the programme being the outlet's
 * name with the capitalised words that go on it ("Fox News Sunday"); the outlet reports
 * them. A name that is no outlet ("said on Capitol Hill") is a place, and left alone.
 */
function onAirAt(ctx: AttributionScope, frame: Frame, k: number, w: Token, found: Found): boolean {
  if (w.lower !== 'on' || !ON_AIR_VERBS.has(wordAt(frame, k - 1)?.lower ?? '') || !spaced(ctx, frame, k - 1, k)) return false;
  const m = mentionAfter(ctx, frame, k + 1);
  if (m === null || m.kind !== 'name' || !outletLike(ctx, m)) return false;
  const e = entityOf(ctx, m);
  if (e !== null) addOnce(found.venueOutlets, markOutlet(e));
  if (found.replaceable) replace(found);
  if (found.venue === null) {
    found.venue = programmeFrom(ctx, m);
    found.bound = true;
    found.aired = true;
  }
  return true;
}

/** Small words a programme's name may hold between its capitals: "Meet the Press", "Face the Nation". */
const PROGRAMME_INNER_WORDS = new Set(['the', 'of', 'and', 'in', 'with']);
/**
 * A day or a time word after the outlet ("said on CNN Monday") tells when, not which
 * programme; but for Sunday, the day the political interview shows are named for ("Fox
 * News Sunday"), so "said on CNN Sunday" keeps the day.
 */
const isDay = (t: Token): boolean => t.lower !== 'sunday' && (t.tags.has('Date') || TIME_WORDS.has(t.lower));

/** The programme named from an outlet's mention: the outlet's name and the capitalised words right after it ("Fox News Sunday"). */
function programmeFrom(ctx: AttributionScope, m: Mention): string {
  const tokens = ctx.layout.tokens;
  let last = m.last;
  for (let x = m.last + 1; x < tokens.length; x += 1) {
    const t = tokens[x] as Token;
    if (!/^ $/.test(ctx.layout.text.slice((tokens[x - 1] as Token).end, t.start)) || t.quote !== (tokens[m.last] as Token).quote || isDay(t)) break;
    // "NBC's Meet the Press": a small word inside the programme's name, between capitals.
    const inner = PROGRAMME_INNER_WORDS.has(t.text) && /^\p{Lu}/u.test(tokens[x + 1]?.text ?? '') && !isDay(tokens[x + 1] as Token);
    if (!inner && !/^\p{Lu}/u.test(t.text)) break;
    if (!inner) last = x;
  }
  return ctx.layout.text.slice((tokens[m.first] as Token).start, (tokens[last] as Token).end).replace(/^the\s+/i, '');
}

/** Occasions besides the lexicon's venue nouns: "at a town hall", "told reporters at a gaggle", "states on its website"; a bare "meeting" is too often what was talked about. */
const OCCASION_WORDS = new Set(['gaggle', 'vigil', 'ceremony', 'summit', 'website']);

/** Whether item `n` is a venue's noun: "interview", "meeting", the "hall" of "town hall" (and its "meeting"), an "exchange with" someone. */
function isVenueNoun(frame: Frame, n: number): boolean {
  const w = wordAt(frame, n);
  if (w === null) return false;
  if (w.lower === 'hall') return wordAt(frame, n - 1)?.lower === 'town';
  // "in a brief exchange with reporters": words traded with someone; a stock exchange is a place.
  if (w.lower === 'exchange') return wordAt(frame, n + 1)?.lower === 'with';
  if (w.lower === 'meeting' && wordAt(frame, n - 1)?.lower === 'hall') return true;
  // "at the House Oversight Committee meeting": a body's meeting, named, is where words were said.
  if (w.lower === 'meeting') return /^\p{Lu}/u.test(wordAt(frame, n - 1)?.text ?? '') && !(wordAt(frame, n - 1) as Token).tags.has('Date');
  return VENUE_NOUNS.has(w.lower) || OCCASION_WORDS.has(w.lower);
}

/**
 * A day or a time of day before an occasion's noun ("a Wednesday evening briefing", "a Friday
 * tweet") names a recent occasion; a year or a date ("a 2019 interview") an old one.
 */
const DAY_TIMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'morning', 'afternoon', 'evening', 'night', 'overnight']);

/** Words that deny the verb before an occasion: "hadn't expressed in", "did not say at", "never mentioned in". */
const NEGATIONS = /^(not|never|n['’]t|\p{L}+n['’]t)$/u;

/**
 * "a pledge he had not made in remarks", "did not say at": a negation within three words before
 * word `k` denies what the occasion would hold, unless it is inside the clause an earlier verb
 * of saying reports ("said the city would not pay at a news conference" denies the paying).
 */
function deniedSaying(ctx: AttributionScope, frame: Frame, k: number): boolean {
  const negation = [1, 2, 3].map((b) => k - b).find((n) => NEGATIONS.test(wordAt(frame, n)?.lower ?? ''));
  return negation !== undefined && !insideReportedClause(ctx, frame, negation);
}

/** Whether a verb of saying comes before word `n` with no comma, colon or semicolon between them. */
function insideReportedClause(ctx: AttributionScope, frame: Frame, n: number): boolean {
  for (let m = n - 1; m >= 0; m -= 1) {
    if (/[,;:]/.test(gapText(ctx, frame, m, m + 1))) return false;
    const word = wordAt(frame, m);
    if (word !== null && word.tags.has('Verb') && speechVerb(word.lower) !== null) return true;
  }
  return false;
}

/** Venue nouns that take no article: "in comments to the Chronicle", "in remarks at the summit", "in testimony before …". */
const BARE_VENUES = new Set(['comments', 'remarks', 'testimony']);

/** Occasions of words spoken aloud, which an ordinal counts: "his first public remarks since the hack". */
const SPOKEN = new Set(['remarks', 'comments', 'interview', 'speech', 'address', 'appearance', 'testimony']);

/**
 * Whether an ordinal before a spoken occasion counts the speaker's occasions ("in his first
 * public remarks since the hack") rather than dating an old one; "his first public statement"
 * may be a text put out, and is left to the occasion the article names for it.
 */
const countsSpeech = (first: Token, noun: Token): boolean => first.tags.has('Ordinal') && SPOKEN.has(noun.lower);

/** "in a televised address", "in an interview with Deutschlandfunk", "on the Terrace Talk podcast"; true when word `k` is the preposition. */
function venuePhraseAt(ctx: AttributionScope, frame: Frame, k: number, w: Token, found: Found): boolean {
  if (!['in', 'during', 'at', 'on'].includes(w.lower)) return false;
  // "a sentiment he hadn't expressed in remarks earlier in the week": words denied an occasion were not said at it.
  if (deniedSaying(ctx, frame, k)) return true;
  let n = k + 1;
  if (['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(wordAt(frame, n)?.lower ?? '')) n += 1;
  const from = n;
  while (n < Math.min(frame.items.length, from + 4) && wordAt(frame, n) !== null && spaced(ctx, frame, n - 1, n) && !isVenueNoun(frame, n)) n += 1;
  if (wordAt(frame, n)?.lower === 'hall' && wordAt(frame, n + 1)?.lower === 'meeting') n += 1;
  const noun = wordAt(frame, n);
  if (noun === null || !isVenueNoun(frame, n) || !spaced(ctx, frame, n - 1, n) || (n === k + 1 && !BARE_VENUES.has(noun.lower))) return true;
  // "went on to call out the senator": a verb after "to", no occasion.
  if (infinitiveBetween(frame, from, n)) return true;
  // "failures in Trump rally shooting": an -ing noun that ends the clause makes the occasion's noun describe it.
  const ing = wordAt(frame, n + 1);
  if (ing !== null && ing.tags.has('Gerund') && spaced(ctx, frame, n, n + 1) && (wordAt(frame, n + 2) === null || !spaced(ctx, frame, n + 1, n + 2))) return true;
  const first = wordAt(frame, from) as Token;
  if (from < n && !DAY_TIMES.has(first.lower) && (first.tags.has('Date') || (first.tags.has('Value') && !countsSpeech(first, noun)))) return true;
  let phrase = text(ctx).slice((frame.items[from] as Item).start, noun.end);
  const prep = wordAt(frame, n + 1);
  if (prep !== null && ['with', 'on', 'to'].includes(prep.lower) && spaced(ctx, frame, n, n + 1)) {
    const object = venueObject(ctx, frame, n, noun, prep, found);
    if (object !== null) phrase = `${phrase} ${object}`;
  }
  // "told reporters during a Wednesday evening briefing", "told members in a message": the listener and the occasion, one venue ("told analysts on a call" keeps the listener's, as annotated).
  if (found.listenerNext === k && w.lower !== 'on') found.venue = `${found.venue ?? ''} ${text(ctx).slice(w.start, first.start)}${phrase}`;
  if (found.replaceable && w.lower !== 'during') replace(found);
  // "Cheatle told ABC News in an interview": the interview the outlet had, as "an interview with ABC News" names it.
  if (found.toldOutlet !== null && found.venue === `told ${found.toldOutlet}` && noun.lower === 'interview' && phrase.toLowerCase() === 'interview') found.venue = `interview with ${found.toldOutlet}`;
  if (found.venue === null) {
    found.venue = phrase;
    found.replaceable = w.lower === 'during';
  }
  return true;
}

/** Whether a "to" stands among the words from `from` to the venue's noun at `n`: the noun is then a verb ("on to call"). */
function infinitiveBetween(frame: Frame, from: number, n: number): boolean {
  for (let x = from; x < n; x += 1) if (wordAt(frame, x)?.lower === 'to') return true;
  return false;
}

/** Forgets a replaceable venue, and the occasion it pointed back at. */
function replace(found: Found): void {
  found.venue = null;
  found.backReference = null;
  found.replaceable = false;
}

/** What follows the venue's noun at `n` and its preposition: an outlet's name, or a few words ending in a noun. */
function venueObject(ctx: AttributionScope, frame: Frame, n: number, noun: Token, prep: Token, found: Found): string | null {
  const platform = prep.lower === 'on' ? platformAfter(ctx, frame, n + 2) : null;
  if (platform !== null) return `on ${platform}`;
  const m = mentionAfter(ctx, frame, n + 2);
  if (m !== null && m.kind === 'name') {
    const the = wordAt(frame, n + 2)?.lower === 'the' ? 'the ' : '';
    // "an interview with CNN", "in comments to the Post", "a statement to Reuters": the outlet the words were given to.
    if ((['interview', 'broadcast', 'appearance'].includes(noun.lower) || prep.lower === 'to') && outletLike(ctx, m) && m.entity !== null) addOnce(found.venueOutlets, markOutlet(m.entity));
    return `${prep.lower} ${the}${m.text}`;
  }
  // "a statement on the club's website": up to four words, no verb, no new clause.
  const words: Token[] = [];
  for (let x = n + 2; x < Math.min(frame.items.length, n + 6); x += 1) {
    const o = wordAt(frame, x);
    if (o === null || !spaced(ctx, frame, x - 1, x) || o.tags.has('Verb') || VENUE_STOP.has(o.lower) || o.tags.has('Date')) break;
    words.push(o);
  }
  const lastWord = words[words.length - 1];
  return lastWord !== undefined && lastWord.tags.has('Noun') ? `${prep.lower} ${text(ctx).slice((words[0] as Token).start, lastWord.end)}` : null;
}

/** Words that name a piece of reporting between "according to" and its outlet: "a report from", "reporting by". */
export const REPORT_NOUNS = new Set(['report', 'reports', 'reporting', 'story', 'stories', 'article', 'investigation', 'analysis']);

/**
 * The source named by "according to" or "per" at item `k`: "according to the FT", "per FT",
 * "according to a report from the Wall Street Journal", "according to reporting by Axios".
 */
export function sourceNamedAt(ctx: AttributionScope, frame: Frame, k: number): Mention | null {
  const w = wordAt(frame, k);
  const according = w?.lower === 'according' && wordAt(frame, k + 1)?.lower === 'to';
  if (!according && w?.lower !== 'per') return null;
  let n = according ? k + 2 : k + 1;
  const direct = mentionAfter(ctx, frame, n);
  if (direct !== null) return direct;
  if (['a', 'an', 'the', 'new', 'recent'].includes(wordAt(frame, n)?.lower ?? '')) n += 1;
  if (!REPORT_NOUNS.has(wordAt(frame, n)?.lower ?? '') || !['from', 'by', 'in', 'on'].includes(wordAt(frame, n + 1)?.lower ?? '')) return describedSourceAt(ctx, frame, n);
  return mentionAfter(ctx, frame, n + 2);
}

/** How many lower-case words may describe a source before its name. */
const SOURCE_DESCRIPTION_WORDS = 3;

/** "according to flight-tracking website FlightAware", "per data firm Kpler": a few lower-case words (hyphened or not), then the name. */
function describedSourceAt(ctx: AttributionScope, frame: Frame, n: number): Mention | null {
  for (let k = n; k < n + SOURCE_DESCRIPTION_WORDS; k += 1) {
    const w = wordAt(frame, k);
    if (w === null || !/^\p{Ll}/u.test(w.text) || w.tags.has('Verb') || w.tags.has('Preposition') || !/^(?:\s+|-)$/.test(gapText(ctx, frame, k, k + 1))) return null;
    const m = mentionAfter(ctx, frame, k + 1);
    if (m !== null) return m;
  }
  return null;
}

/** "according to the FT", "per FT"; true when word `k` starts one. */
function accordingToAt(ctx: AttributionScope, frame: Frame, k: number, w: Token, found: Found): boolean {
  if (!((w.lower === 'according' && wordAt(frame, k + 1)?.lower === 'to') || w.lower === 'per')) return false;
  const m = sourceNamedAt(ctx, frame, k);
  if (m !== null && outletLike(ctx, m)) {
    const e = entityOf(ctx, m);
    if (e !== null) addOnce(found.outer, markOutlet(e));
  }
  return true;
}

/** "was quoted as saying by The Associated Press", "was quoted by Reuters as saying"; true when word `k` starts one. */
function quotedByAt(ctx: AttributionScope, frame: Frame, k: number, w: Token, found: Found): boolean {
  if (w.lower !== 'quoted') return false;
  const lower = (n: number): string => wordAt(frame, n)?.lower ?? '';
  const by = lower(k + 1) === 'by' ? k + 1 : lower(k + 1) === 'as' && lower(k + 2) === 'saying' && lower(k + 3) === 'by' ? k + 3 : null;
  const m = by === null ? null : mentionAfter(ctx, frame, by + 1);
  if (m === null || !outletLike(ctx, m)) return false;
  const e = entityOf(ctx, m);
  if (e !== null) addOnce(found.outer, markOutlet(e));
  return true;
}

/** "CNN reported", "FT highlighted", "as reported by Reuters". */
function reportedAt(ctx: AttributionScope, frame: Frame, k: number, found: Found): void {
  const use = speechVerbAt(ctx, frame, k, { afterQuote: true });
  if (use === null || !use.verb.reporting) return;
  const by = wordAt(frame, k + 1)?.lower === 'by' ? mentionAfter(ctx, frame, k + 2) : null;
  const np = by === null ? subjectOf(ctx, frame, use) : null;
  const m = by ?? (np !== null && np.mentions.length === 1 ? (np.mentions[0] as Mention) : null);
  if (m !== null && outletLike(ctx, m)) {
    const e = entityOf(ctx, m);
    if (e !== null) addOnce(found.outer, markOutlet(e));
  }
}
