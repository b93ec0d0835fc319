/**
 * Warm before ready. A fresh Neo4j has planned no query and a fresh node has compiled no
 * resolver: the first minutes of traffic pay for both, and on a busy machine a mixed load
 * then times out (docs/bench-findings.md). So /health/ready answers 200 only once every
 * query of schema/examples.graphql (the API's main reads, with the story's ids: harmless
 * on any graph) has been asked once over HTTP on the server's own port, through the same
 * path as a client's, so Apollo's pipeline, the limits, the resolvers, the gateway and
 * Neo4j's planner have all seen it. Writes are not asked here, since a write that commits is
 * not harmless: the ingest writer is rehearsed in a transaction rolled back when the
 * database is opened (src/ingest/rehearsal.ts).
 *
 * A restarted Neo4j (the gateway's next generation) has planned nothing again: the next
 * readiness probe starts the warm-up over.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, OperationTypeNode, parse, print } from 'graphql';
import { projectRoot } from '../config';
import type { Neo4jGateway } from '../db/gateway';

export const WARM_UP_OPERATIONS_FILE = path.join(projectRoot(), 'schema', 'examples.graphql');

/** The queries of a GraphQL document (one without fragments), each as a document of its own. */
export function queriesOf(document: string): string[] {
  return parse(document).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.QUERY ? [print(d)] : []));
}

export class WarmUp {
  private readonly queries = queriesOf(readFileSync(WARM_UP_OPERATIONS_FILE, 'utf8'));
  /** The gateway generation the warm-up last completed for; -1 before the first. */
  private warmFor = -1;
  private running: Promise<void> | undefined;

  constructor(
    private readonly gateway: Neo4jGateway,
    /** The server's own /graphql URL, once it listens. */
    private readonly url: () => string,
  ) {}

  /** Whether the Neo4j serving now has seen the main queries; if not, starts the warm-up (once). */
  isWarm(): boolean {
    if (this.warmFor === this.gateway.generation) return true;
    this.start();
    return false;
  }

  start(): void {
    if (this.running) return;
    const generation = this.gateway.generation;
    this.running = this.askEach()
      .then((answered) => {
        if (answered) this.warmFor = generation;
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  /** True when every query was answered (with data or a client error); false when Neo4j or the server did not answer one. */
  private async askEach(): Promise<boolean> {
    for (const [i, query] of this.queries.entries()) {
      try {
        const response = await fetch(this.url(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': `warm-up-${i + 1}` },
          body: JSON.stringify({ query }),
        });
        await response.arrayBuffer();
        if (response.status >= 500) return false;
      } catch {
        return false;
      }
    }
    return true;
  }
}
