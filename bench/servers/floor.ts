/**
 * The raw-Cypher floor over HTTP: POST {"op", "params"} runs one hand-written query
 * (bench/floor.ts) and answers with its JSON. Every request is exactly one round trip.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { createDriver } from '../../src/db/gateway';
import { answerFloor, isFloorOp } from '../floor';
import { runChild } from './child';

runChild('floor', async (uri, meter) => {
  const config = loadConfig();
  const driver = createDriver({ ...config.neo4j, uri });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const reply = (status: number, body: unknown): void => {
        meter.request(status !== 200);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      };
      let request: { op?: unknown; params?: Record<string, unknown> };
      try {
        request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof request;
      } catch {
        return reply(400, { errors: [{ message: 'expected a JSON body {"op", "params"}' }] });
      }
      if (!isFloorOp(request.op)) return reply(400, { errors: [{ message: `unknown op ${JSON.stringify(request.op)}` }] });
      meter.trip();
      answerFloor(driver, request.op, request.params ?? {}).then(
        (body) => reply(200, body),
        (error: unknown) => reply(500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    },
  };
});
