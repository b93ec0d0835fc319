/**
 * How the HTTP server ends without losing an answer. Draining stops taking connections,
 * lets every request in flight finish (an ingest up to its transaction's end: the request
 * budget bounds it, and SHUTDOWN_DRAIN_MS bounds the wait), and answers requests that still
 * arrive on open keep-alive connections with `Connection: close`, so the client moves on
 * instead of finding the connection gone. Once nothing is in flight, the idle connections
 * are closed; only a request still running at the end of the drain is cut off, and logged.
 *
 * The kernel takes connections and requests before the server reads them: it completes a
 * client's handshake and queues the connection until the server accepts it, and closing the
 * listening socket resets every connection still queued, requests included, without the
 * server ever seeing them. So the drain stops listening only after the event loop has polled
 * once more (accepting what was queued), and judges a connection idle only after a poll has
 * read what was already sent on it: each such request is answered, with `Connection: close`.
 *
 * HTTP/1.1 gives a server no way to tell a client that an idle keep-alive connection is about
 * to close, so a request the client sends just as its connection is closed meets a reset
 * (ECONNRESET). Such a request was never read, so nothing of it ran: a client may send it
 * again, a mutation included. The `drained` line counts the idle connections closed
 * (`idleClosed`), the most requests that can have met a reset; waiting out every client's
 * keep-alive instead would hold each stop for seconds. A connection that completes its
 * handshake in the instant between the last poll and the close of the listening socket is
 * reset uncounted: no server on a listening socket can close that window.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';
import { setImmediate as checkPhase } from 'node:timers/promises';
import { InFlight } from './in-flight';
import type { LogSink } from './request-log';

export class Drain {
  private readonly inFlight = new InFlight();
  /** Every open connection, so the drain can count the idle ones it closes. */
  private readonly sockets = new Set<Socket>();
  private draining = false;
  /** Called when the last request in flight is done, while draining. */
  private settled: (() => void) | undefined;

  constructor(
    private readonly server: Server,
    private readonly log: LogSink,
  ) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  get open(): boolean {
    return !this.draining;
  }

  /** Counts a request until its response is done; during the drain its connection closes after the answer. */
  track(_req: IncomingMessage, res: ServerResponse): void {
    if (this.draining) res.setHeader('connection', 'close');
    const finished = this.inFlight.add(res);
    res.once('close', () => {
      finished();
      if (this.inFlight.size === 0) this.settled?.();
    });
  }

  /**
   * Resolves once every connection is closed: at the latest `timeoutMs` after it is called.
   * `listeningStopped` is called when the listening socket is closed, which is a poll or two
   * after the call (the queued connections accepted first).
   */
  async drain(timeoutMs: number, listeningStopped?: () => void): Promise<void> {
    this.draining = true;
    const started = Date.now();
    const atStart = this.inFlight.size;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    await afterPoll();
    // net.Server's close stops listening only; http.Server's would also close the idle
    // keep-alive connections at once, resetting a request already on its way over one.
    const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(this.server, () => resolve()));
    listeningStopped?.();
    const finished = await this.finishedAndRead(started + timeoutMs);
    const cut = this.inFlight.size;
    const idleClosed = this.closeIdle();
    if (!finished) this.server.closeAllConnections();
    await closed;
    this.log({ level: cut > 0 ? 'error' : 'info', msg: 'drained', inFlightAtStart: atStart, cutOff: cut, idleClosed, drainMs: Date.now() - started });
  }

  /**
   * Closes the connections with no request on them (node's own test of idleness) and says how
   * many it closed that a client could still have sent a request on: not those already ending
   * after a `Connection: close` answer.
   */
  private closeIdle(): number {
    const open = [...this.sockets].filter((socket) => !socket.destroyed && !socket.writableEnded);
    this.server.closeIdleConnections();
    return open.filter((socket) => socket.destroyed).length;
  }

  /**
   * True when, before `deadline`, every request in flight has finished and a poll after that
   * has read no new one (a request sent on a connection before it was judged idle).
   */
  private async finishedAndRead(deadline: number): Promise<boolean> {
    do {
      if (!(await this.allFinished(deadline - Date.now()))) return false;
      await afterPoll();
    } while (this.inFlight.size > 0);
    return true;
  }

  /** True when every request in flight finished within `timeoutMs`. */
  private allFinished(timeoutMs: number): Promise<boolean> {
    if (this.inFlight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.settled = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }
}

/**
 * Resolves after the event loop has polled its sockets at least once from now: the first
 * check phase may be this iteration's, whose poll ran before the call; the second is the next
 * iteration's, after its poll.
 */
async function afterPoll(): Promise<void> {
  await checkPhase();
  await checkPhase();
}
