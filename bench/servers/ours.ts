/**
 * Our API as `npm start` serves it (src/http/server.ts with src/schema.ts), in production mode,
 * on 127.0.0.1 port 0. Round trips come from the server's own per-request log line.
 */
import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { gatewayFor } from '../../src/db/connect';
import { appSchema } from '../../src/schema';
import { startServer } from '../../src/http/server';
import { runChild } from './child';

runChild('ours', async (uri, meter) => {
  const config = loadConfig();
  const gateway = gatewayFor(config, uri);
  const server = await startServer({
    schema: await appSchema(),
    gateway,
    host: '127.0.0.1',
    port: 0,
    apiKeys: [],
    production: true,
    limits: config.limits,
    requestTimeoutMs: config.timeouts.requestMs,
    preparedQueries: config.preparedQueries,
    log: (entry) => {
      // A request the client gave up on (autocannon closing its connections at the end of a
      // run) is logged with the round trips it had made so far: it is not a request served.
      if (entry.msg === 'request' && entry.aborted !== true) meter.request(entry.outcome !== 'ok', Number(entry.roundTrips));
      else if (entry.level === 'error') console.error(`ours: ${JSON.stringify(entry)}`);
    },
  });
  return {
    port: server.port,
    url: server.url,
    stop: async () => {
      await server.stop();
      await gateway.close();
    },
  };
});
