/**
 * SIGTERM on the real process (src/main.ts, as `npm start` runs it, against the test
 * Neo4j): a request that is still arriving when the signal comes is answered, from Neo4j,
 * before the driver closes; new connections are refused meanwhile; the process exits 0.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/server';
import { nodeArgsFromSource, ROOT } from '../helpers/typescript-node';
import { collect, within } from './processes';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('drains a request in flight on SIGTERM, then closes Neo4j and exits 0', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nkg-shutdown-'));
  const port = await freePort();
  const child = spawn(process.execPath, nodeArgsFromSource(dir, 'src/main.ts'), {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production', SEED_ON_EMPTY: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(child);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  try {
    await output.waitFor(/GraphQL API ready at/, 60_000);

    // A request whose body is still arriving: the server has it, but cannot answer yet.
    const body = JSON.stringify({ query: 'query InFlight { person(id: "person:mike-waltz") { name } }' });
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closed = once(socket, 'close');
    socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    socket.write(body.slice(0, 10));
    // Nothing the child prints says it has read the headers: a second is time enough for it on a busy machine.
    await sleep(1_000);

    child.kill('SIGTERM');
    await output.waitFor(/SIGTERM: draining requests/, 10_000);
    await sleep(500);
    expect(child.exitCode).toBeNull();
    // Draining: no new connections.
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();

    socket.write(body.slice(10));
    await within(closed, 15_000, () => `the connection stayed open; received so far: ${Buffer.concat(chunks).toString('utf8')}`);
    const response = Buffer.concat(chunks).toString('utf8');
    expect(response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4))).toEqual({ data: { person: { name: 'Mike Waltz' } } });

    expect(await within(exited, 15_000, () => 'the process was still running 15 s after the answer')).toEqual([0, null]);
    const logged = output.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.filter((l) => l.msg === 'request' && !String(l.requestId).startsWith('warm-up-'))).toMatchObject([{ operation: 'InFlight', status: 200, outcome: 'ok', roundTrips: 1 }]);
  } catch (error) {
    process.stderr.write(`[shutdown] child output:\n${output.lines.join('\n')}\n`);
    throw error;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
