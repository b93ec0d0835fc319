/**
 * src/http/drain.ts on a real HTTP server and raw keep-alive connections: a request that
 * arrives on an open connection while another is in flight is answered with
 * `Connection: close`; once nothing is in flight the idle connections are closed and
 * counted; a request still running at the end of the drain is cut off and counted; a
 * request the kernel took before the drain began, on a connection the server had not
 * accepted yet or on an idle one, is answered rather than reset.
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

const GET = 'GET / HTTP/1.1\r\nHost: test\r\n\r\n';

/** A raw connection that keeps everything it receives, and its error's code, until it closes. */
function recorded(port: number): { socket: net.Socket; readonly text: string; closed: Promise<string> } {
  const socket = net.connect(port, '127.0.0.1');
  let text = '';
  socket.on('data', (chunk) => (text += String(chunk)));
  socket.on('error', (error: NodeJS.ErrnoException) => (text += `error ${error.code}`));
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(text)));
  return { socket, closed, get text() { return text; } };
}

it('answers a request on a connection the kernel queued before the drain began, instead of resetting it', async () => {
  const served = await serve();
  const queued = recorded(served.port);
  queued.socket.write(GET);
  // The connect call runs on the next tick; on loopback the kernel completes the handshake
  // within it and queues the connection, which the server accepts at its next poll at the
  // earliest: the drain begins with the connection still queued.
  await new Promise(process.nextTick);

  await served.drain.drain(10_000);

  expect(await queued.closed).toMatch(/^HTTP\/1.1 200[^]*connection: close[^]*fast$/i);
  expect(served.logged).toMatchObject([{ msg: 'drained', cutOff: 0, idleClosed: 0 }]);
});

it('answers a request already sent on an idle keep-alive connection when the drain began, instead of closing the connection under it', async () => {
  const served = await serve();
  const client = recorded(served.port);
  client.socket.write(GET);
  while (!client.text.endsWith('fast')) await once(client.socket, 'data');
  // On loopback the request is in the server's receive buffer when write returns; the server
  // reads it at its next poll at the earliest: the drain begins with the connection idle.
  client.socket.write(GET);

  await served.drain.drain(10_000);

  expect(await client.closed).toMatch(/^HTTP\/1.1 200[^]*connection: keep-alive[^]*fastHTTP\/1.1 200[^]*connection: close[^]*fast$/i);
  expect(served.logged).toMatchObject([{ msg: 'drained', cutOff: 0, idleClosed: 0 }]);
});
