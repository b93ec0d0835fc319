/**
 * The driver's connection pool as the server configures it (src/db/connect.ts from
 * src/config.ts): a read that finds every connection busy waits for one, and past
 * NEO4J_ACQUISITION_TIMEOUT_MS fails with OVERLOADED, a message naming the settings, where
 * it used to be an internal error. The connections are held by open transactions, so what
 * is busy is known, not timed.
 */
import { GraphQLError } from 'graphql';
import type { Session } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { gatewayFor } from '../../src/db/connect';
import { cypher } from '../../src/db/cypher';
import type { Neo4jGateway } from '../../src/db/gateway';

const ONE = cypher('RETURN 1 AS one');

function poolOf(size: number, acquisitionMs: number): Neo4jGateway {
  const config = loadConfig({ ...process.env, NEO4J_MAX_POOL_SIZE: String(size), NEO4J_ACQUISITION_TIMEOUT_MS: String(acquisitionMs) });
  if (config.neo4j.uri === null) throw new Error('NEO4J_URI is unset: run the tests through jest, whose global setup starts Neo4j');
  return gatewayFor(config, config.neo4j.uri);
}

/** Takes `count` connections of the gateway's pool, each held by an open transaction until `release`. */
async function holdConnections(gateway: Neo4jGateway, count: number): Promise<{ release: (n: number) => Promise<void> }> {
  const held: { session: Session; end: () => Promise<void> }[] = [];
  for (let i = 0; i < count; i += 1) {
    const session = gateway.driver.session({ defaultAccessMode: 'READ' });
    const tx = session.beginTransaction();
    await tx.run('RETURN 1');
    held.push({ session, end: () => tx.commit() });
  }
  return {
    async release(n) {
      for (const { session, end } of held.splice(0, n)) {
        await end();
        await session.close();
      }
    },
  };
}

const gateways: Neo4jGateway[] = [];
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
});

it('answers more reads at once than it has connections: they wait for one', async () => {
  const gateway = poolOf(8, 5_000);
  gateways.push(gateway);
  const answers = await Promise.all(Array.from({ length: 13 }, () => gateway.read(ONE)));
  expect(answers).toEqual(Array.from({ length: 13 }, () => [{ one: 1 }]));
});

it('fails a read with OVERLOADED once it waited NEO4J_ACQUISITION_TIMEOUT_MS', async () => {
  // The wait also bounds opening each held connection (the driver counts a new connection's
  // handshake against it): as long as any connection of the tests may take to open
  // (NEO4J_CONNECTION_TIMEOUT_MS's default), so a busy machine does not fail the holding.
  const gateway = poolOf(2, 2_000);
  gateways.push(gateway);
  const held = await holdConnections(gateway, 2);
  const refused = await gateway.read(ONE).then(
    () => null,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(GraphQLError);
  expect({ message: (refused as GraphQLError).message, code: (refused as GraphQLError).extensions.code }).toEqual({
    message:
      'Every connection of this server to the graph database (2 in use) stayed busy for 2000 ms, the longest a query waits for one; try again shortly. Operators: NEO4J_MAX_POOL_SIZE and NEO4J_ACQUISITION_TIMEOUT_MS.',
    code: 'OVERLOADED',
  });

  await held.release(2);
  expect(await gateway.read(ONE)).toEqual([{ one: 1 }]);
});

it('answers a read that waited when a connection frees within the wait', async () => {
  const gateway = poolOf(1, 30_000);
  gateways.push(gateway);
  const held = await holdConnections(gateway, 1);
  let answered = false;
  const waiting = gateway.read(ONE).then((rows) => {
    answered = true;
    return rows;
  });
  // The read is queued behind the held connection: a round trip of another connection later it still waits.
  const other = gatewayFor(loadConfig(), loadConfig().neo4j.uri as string);
  gateways.push(other);
  await other.read(ONE);
  expect(answered).toBe(false);
  await held.release(1);
  expect(await waiting).toEqual([{ one: 1 }]);
});
