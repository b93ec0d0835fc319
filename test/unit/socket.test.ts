/**
 * src/db/socket.ts: outgoing sockets get TCP_NODELAY, and the writes one tick makes leave
 * together (corked until the next tick) instead of one system call and segment each.
 */
import { EventEmitter, once } from 'node:events';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tuneOutgoingSockets } from '../../src/db/socket';

let server: net.Server;
let received: Buffer[][];
const accepted: net.Socket[] = [];
const arrivals = new EventEmitter();

beforeAll(async () => {
  tuneOutgoingSockets();
  tuneOutgoingSockets();
  server = net.createServer((socket) => {
    accepted.push(socket);
    const chunks: Buffer[] = [];
    received.push(chunks);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      arrivals.emit('data');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const socket of accepted) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received = [];
});

/** Everything the server received since the test began, once it holds `length` bytes. */
async function receivedText(length: number): Promise<string> {
  while (Buffer.concat(received.flat()).length < length) await once(arrivals, 'data');
  return Buffer.concat(received.flat()).toString();
}

async function connected(): Promise<net.Socket> {
  const { port } = server.address() as AddressInfo;
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return socket;
}

describe('tuned outgoing sockets', () => {
  it('hold the writes of one tick and hand them to the kernel together on the next', async () => {
    const socket = await connected();
    const writev = jest.spyOn(socket as unknown as { _writev: (...args: unknown[]) => void }, '_writev');
    socket.write('a');
    socket.write('b');
    socket.write('c');
    expect(socket.writableCorked).toBe(1);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(socket.writableCorked).toBe(0);
    // The three writes went down in one vectored write, in order.
    expect(writev).toHaveBeenCalledTimes(1);
    const [chunks] = writev.mock.calls[0] as [{ chunk: Buffer | string }[]];
    expect(chunks.map((c) => String(c.chunk))).toEqual(['a', 'b', 'c']);
    expect(await receivedText(3)).toBe('abc');
    socket.destroy();
  });

  it('work the same way through net.createConnection, and keep writes of later ticks in order', async () => {
    const { port } = server.address() as AddressInfo;
    const socket = net.createConnection(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('1');
    expect(socket.writableCorked).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    socket.write('2');
    socket.write('3');
    expect(await receivedText(3)).toBe('123');
    socket.destroy();
  });
});
