/**
 * What the graph already holds that the article may name: people and organisations (the
 * speakers and the names the registry resolves), places, policies and events (the topics
 * statements are about). Read once per article by extract.repository.ts, or made from an
 * annotated document's own entities (`gazetteerOf`), so that extraction stays pure.
 */
import type { EntityInput } from '../ingest/document';
import { nameKey } from '../ingest/text';
import type { EntityType } from '../vocabulary';

/** An entity already in the graph, as the gazetteer read query returns it. */
export interface GazetteerEntry {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly aliases: readonly string[];
  /** The organisation kind; NEWS_OUTLET marks an outlet. */
  readonly kind: string | null;
  /** Current role titles of a person: "CIA Director". */
  readonly titles: readonly string[];
  /** What the graph says it is: its words help find a policy the text names loosely. */
  readonly description?: string | null;
}

const isTopic = (e: GazetteerEntry): boolean => e.type === 'Place' || e.type === 'Policy' || e.type === 'Event';

export class Gazetteer {
  private readonly names = new Map<string, GazetteerEntry[]>();
  private readonly roleTitles = new Map<string, GazetteerEntry[]>();
  /** Places, policies and events: what statements can be about besides people and organisations. */
  readonly topics: readonly GazetteerEntry[];

  constructor(readonly entries: readonly GazetteerEntry[]) {
    for (const entry of entries) {
      if (isTopic(entry)) continue;
      for (const name of new Set([entry.name, ...entry.aliases].map(nameKey))) push(this.names, name, entry);
      for (const title of new Set(entry.titles.map(nameKey))) push(this.roleTitles, title, entry);
    }
    this.topics = entries.filter(isTopic);
  }

  /** People and organisations known under this name or alias. */
  byName(name: string): readonly GazetteerEntry[] {
    return this.names.get(nameKey(name)) ?? [];
  }

  byTitle(title: string): readonly GazetteerEntry[] {
    return this.roleTitles.get(nameKey(title)) ?? [];
  }
}

export const NO_GAZETTEER = new Gazetteer([]);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The gazetteer a document's own entities make, as the graph would hold them once loaded. */
export function gazetteerOf(entities: readonly EntityInput[]): Gazetteer {
  return new Gazetteer(
    entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases ?? [],
      kind: e.type === 'Organization' || e.type === 'Place' ? (e.kind ?? null) : null,
      titles: e.type === 'Person' ? (e.roles ?? []).filter((r) => !r.former).map((r) => r.title) : [],
      description: e.description ?? null,
    })),
  );
}
