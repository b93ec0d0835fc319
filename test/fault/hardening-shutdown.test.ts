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

it('drains a request in flight on SIGTERM, then closes Neo4j and exits 0', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nkg-shutdown-'));
  const port = await freePort();
  const child = spawn(process.execPath, nodeArgsFromSource(dir, 'src/main.ts'), {
    cwd: ROOT,
    // A start's warm-up is not what this tests; without it the one request logged is the test's.
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production', SEED_ON_EMPTY: 'false', WARM_UP: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(child);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  try {
    await output.waitFor(/GraphQL API ready at/, 60_000);

    // A request whose body is still arriving: the server has it, but cannot answer yet. Its
    // `Expect: 100-continue` makes the server say when it has read the headers (Node answers
    // 100 Continue as it takes the request), so the signal comes after that, not after a guess.
    const body = JSON.stringify({ query: 'query InFlight { person(id: "person:mike-waltz") { name } }' });
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const chunks: Buffer[] = [];
    const received = (): string => Buffer.concat(chunks).toString('utf8');
    const CONTINUE = 'HTTP/1.1 100 Continue\r\n\r\n';
    const continued = new Promise<void>((resolve) =>
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (received().startsWith(CONTINUE)) resolve();
      }),
    );
    const closed = once(socket, 'close');
    socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`);
    await within(continued, 15_000, () => `no 100 Continue; received so far: ${received()}`);
    socket.write(body.slice(0, 10));

    child.kill('SIGTERM');
    await output.waitFor(/SIGTERM: draining requests/, 10_000);
    // Draining: no new connections, and the process waits for the request in flight.
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
    expect(child.exitCode).toBeNull();

    socket.write(body.slice(10));
    await within(closed, 15_000, () => `the connection stayed open; received so far: ${received()}`);
    const response = received().slice(CONTINUE.length);
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
