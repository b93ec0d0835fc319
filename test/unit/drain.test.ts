/**
 * src/http/drain.ts on a real HTTP server and raw keep-alive connections: a request that
 * arrives on an open connection while another is in flight is answered with
 * `Connection: close`; once nothing is in flight the idle connections are closed and
 * counted; a request still running at the end of the drain is cut off and counted.
 */
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { Drain } from '../../src/http/drain';

interface Served {
  readonly server: http.Server;
  readonly drain: Drain;
  readonly port: number;
  readonly logged: Record<string, unknown>[];
  /** Answers the requests to /slow held so far. */
  release(): void;
  /** Resolves when a request to /slow is held. */
  held(): Promise<void>;
}

async function serve(): Promise<Served> {
  const server = http.createServer();
  const logged: Record<string, unknown>[] = [];
  const drain = new Drain(server, (line) => logged.push(line));
  const waiting: http.ServerResponse[] = [];
  const heldOne = new EventEmitter();
  server.on('request', (req, res) => {
    drain.track(req, res);
    if (req.url === '/slow') {
      waiting.push(res);
      heldOne.emit('held');
      return;
    }
    res.end('fast');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    drain,
    port: (server.address() as AddressInfo).port,
    logged,
    release: () => waiting.splice(0).forEach((res) => res.end('slow')),
    held: () => once(heldOne, 'held').then(() => undefined),
  };
}

/** A raw keep-alive connection: sends one request at a time and reads its whole answer. */
async function connect(port: number): Promise<{ socket: net.Socket; ask(path: string): Promise<string>; closed: Promise<void> }> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const closed = once(socket, 'close').then(() => undefined);
  const ask = async (path: string): Promise<string> => {
    socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n\r\n`);
    let text = '';
    while (!/\r\n\r\n[\s\S]*(fast|slow)$/.test(text)) text += String((await once(socket, 'data'))[0]);
    return text;
  };
  return { socket, ask, closed };
}

it('closes an idle keep-alive connection once nothing is in flight, and counts it', async () => {
  const served = await serve();
  const client = await connect(served.port);
  expect(await client.ask('/')).toMatch(/connection: keep-alive/i);

  await served.drain.drain(10_000);
  await client.closed;

  expect(served.logged).toMatchObject([{ msg: 'drained', inFlightAtStart: 0, cutOff: 0, idleClosed: 1 }]);
});

it('answers a request that arrives during the drain with Connection: close, then closes nothing idle', async () => {
  const served = await serve();
  const slow = await connect(served.port);
  const other = await connect(served.port);
  expect(await other.ask('/')).toMatch(/connection: keep-alive/i);
  const slowAnswer = slow.ask('/slow');
  await served.held();

  const drained = served.drain.drain(10_000);
  expect(await other.ask('/')).toMatch(/connection: close/i);
  await other.closed;
  served.release();

  expect(await slowAnswer).toMatch(/connection: close/i);
  await drained;
  await slow.closed;
  expect(served.logged).toMatchObject([{ msg: 'drained', inFlightAtStart: 1, cutOff: 0, idleClosed: 0 }]);
});

it('cuts off a request still running when the drain ends, and says so', async () => {
  const served = await serve();
  const slow = await connect(served.port);
  void slow.ask('/slow').catch(() => undefined);
  await served.held();

  await served.drain.drain(0);
  await slow.closed;

  expect(served.logged).toMatchObject([{ level: 'error', msg: 'drained', inFlightAtStart: 1, cutOff: 1 }]);
});
