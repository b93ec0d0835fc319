/**
 * An entity's or a statement's neighbourhood as nodes and edges, read from the fields the
 * API already has. Edges point the way the graph model stores them (schema/MODEL.md):
 * speaker SAID statement, statement ABOUT entity, statement REPORTED_BY outlet, inner
 * statement QUOTED_IN outer, person HOLDS_ROLE organization, policy IMPOSED_BY actor, ...
 */
import { STATEMENT, ENTITY, query, STATEMENTS_SHOWN, type EntityDetail, type EntityRef, type StatementDetail, type StatementRef, type StatementSummary } from './api';
import { nodeLabel } from './components';
import type { GraphEdge, GraphNode } from './network';
import { ID_PREFIX } from '../../src/vocabulary';

export interface Neighbourhood {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

class Builder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  node(ref: EntityRef | StatementRef | StatementSummary): string {
    if (!this.nodes.has(ref.id)) this.nodes.set(ref.id, { id: ref.id, type: ref.__typename, label: nodeLabel(ref, ref.__typename === 'Statement' ? 34 : 48) });
    return ref.id;
  }

  edge(source: string, relation: string, target: string): void {
    if (source === target) return;
    this.edges.set(`${source}|${relation}|${target}`, { source, target, relation });
  }

  /**
   * A statement with its speaker and outlets; its topics only when `topics` (what an
   * entity talks about matters on its own page; for statements about the entity, their
   * other topics would crowd the drawing, and a click on the statement adds them).
   */
  statement(s: StatementSummary, topics = true): string {
    const id = this.node(s);
    this.edge(this.node(s.speaker), 'SAID', id);
    for (const topic of s.about) if (topics || this.nodes.has(topic.id)) this.edge(id, 'ABOUT', this.node(topic));
    for (const outlet of s.reportedBy) this.edge(id, 'REPORTED_BY', this.node(outlet));
    return id;
  }

  build(): Neighbourhood {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

export function entityNeighbourhood(entity: EntityDetail): Neighbourhood {
  const b = new Builder();
  const self = b.node(entity);
  for (const { node } of entity.statements.edges) b.statement(node);
  for (const { node } of entity.mentionedIn.edges) b.statement(node, false);
  for (const { node } of entity.reported?.edges ?? []) b.statement(node, false);
  for (const role of entity.roles ?? []) {
    const where = role.organization ?? role.place;
    if (where) b.edge(self, 'HOLDS_ROLE', b.node(where));
  }
  for (const event of entity.events ?? []) b.edge(self, 'PARTICIPATED_IN', b.node(event));
  if (entity.place) b.edge(self, entity.__typename === 'Event' ? 'TOOK_PLACE_IN' : 'BASED_IN', b.node(entity.place));
  if (entity.partOf) b.edge(self, 'PART_OF', b.node(entity.partOf));
  for (const actor of entity.actors ?? []) b.edge(self, 'IMPOSED_BY', b.node(actor));
  for (const target of entity.targets ?? []) b.edge(self, 'TARGETS', b.node(target));
  for (const participant of entity.participants ?? []) b.edge(b.node(participant), 'PARTICIPATED_IN', self);
  for (const before of entity.precededBy ?? []) b.edge(b.node(before), 'PRECEDED', self);
  for (const after of entity.followedBy ?? []) b.edge(self, 'PRECEDED', b.node(after));
  for (const cause of entity.causedBy ?? []) b.edge(b.node(cause), 'LED_TO', self);
  for (const effect of entity.ledTo ?? []) b.edge(self, 'LED_TO', b.node(effect));
  return b.build();
}

export function statementNeighbourhood(statement: StatementDetail): Neighbourhood {
  const b = new Builder();
  const self = b.statement(statement);
  if (statement.quotedIn) {
    b.edge(self, 'QUOTED_IN', b.node(statement.quotedIn));
    b.edge(b.node(statement.quotedIn.speaker), 'SAID', statement.quotedIn.id);
  }
  for (const inner of statement.quotes) {
    b.edge(b.node(inner), 'QUOTED_IN', self);
    b.edge(b.node(inner.speaker), 'SAID', inner.id);
  }
  return b.build();
}

export function loadEntity(id: string, signal?: AbortSignal): Promise<EntityDetail | null> {
  return query<{ entity: EntityDetail | null }>(ENTITY, { id, first: STATEMENTS_SHOWN }, signal).then((d) => d.entity);
}

export function loadStatement(id: string, signal?: AbortSignal): Promise<StatementDetail | null> {
  return query<{ statement: StatementDetail | null }>(STATEMENT, { id }, signal).then((d) => d.statement);
}

/** The neighbourhood of any node the network can hold; null for a node that no longer exists. */
export async function loadNeighbourhood(id: string, signal?: AbortSignal): Promise<Neighbourhood | null> {
  if (id.startsWith(`${ID_PREFIX.Statement}:`)) {
    const statement = await loadStatement(id, signal);
    return statement ? statementNeighbourhood(statement) : null;
  }
  const entity = await loadEntity(id, signal);
  return entity ? entityNeighbourhood(entity) : null;
}
