/**
 * The peer: @neo4j/graphql 7 over the same database, with bench/peer.typedefs.graphql,
 * served by its own Apollo Server the way the library's documentation sets it up. Round
 * trips are the driver sessions it opens (one transaction each).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig, projectRoot } from '../../src/config';
import { NO_NOTIFICATIONS } from '../../src/db/gateway';
import { tuneOutgoingSockets } from '../../src/db/socket';
import { runChild } from './child';

runChild('peer', async (uri, meter) => {
  // The driver's sockets and notifications get the settings ours and the floor get through
  // createDriver, so the comparison measures the GraphQL layers and their Cypher, not a TCP
  // or driver setting.
  tuneOutgoingSockets();
  const config = loadConfig();
  const driver = neo4j.driver(uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password), { notificationFilter: NO_NOTIFICATIONS });
  const counted = new Proxy(driver, {
    get(target, property) {
      if (property === 'session') {
        return (...args: Parameters<Driver['session']>) => {
          meter.trip();
          return target.session(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const typeDefs = readFileSync(path.join(projectRoot(), 'bench', 'peer.typedefs.graphql'), 'utf8');
  // String ranges are off by default; (i)'s window is a range of dayKey.
  const schema = await new Neo4jGraphQL({ typeDefs, driver: counted, features: { filters: { String: { GTE: true, LT: true } } } }).getSchema();
  const apollo = new ApolloServer({
    schema,
    plugins: [
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              const body = response.body;
              meter.request(body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0);
            },
          };
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(apollo, { listen: { host: '127.0.0.1', port: 0 } });
  return {
    port: Number(new URL(url).port),
    url,
    stop: async () => {
      await apollo.stop();
      await driver.close();
    },
  };
});
