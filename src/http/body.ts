/**
 * The body of a GraphQL request, read within MAX_BODY_BYTES and parsed as JSON when it says
 * it is JSON. A body that is too large or not JSON is refused here, before Apollo sees it.
 */
import type { IncomingMessage } from 'node:http';
import { ErrorCode } from '../errors';

/** A request refused with an HTTP status and a code, before GraphQL saw it. */
export class HttpRejection extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the body, refusing at once (413) a body that says or turns out to be larger than `limit`. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = (): HttpRejection =>
    new HttpRejection(
      413,
      ErrorCode.PAYLOAD_TOO_LARGE,
      `The request body is larger than ${limit} bytes, the limit (MAX_BODY_BYTES). Send a shorter query, or pass large values in smaller parts.`,
    );
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      reject(tooLarge());
    };
    req.on('data', onData);
    // A JSON POST usually arrives whole: then its one chunk is the body, not copied.
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/**
 * The body Apollo is handed: undefined for a GET, the parsed value of a JSON body (undefined
 * when empty), the text of any other. Throws HttpRejection for a body too large or not JSON.
 */
export async function requestBody(req: IncomingMessage, contentType: string | undefined, limit: number): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const text = (await readBody(req, limit)).toString('utf8');
  if (!JSON_TYPE.test(contentType ?? '')) return text;
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new HttpRejection(400, 'BAD_REQUEST', 'The request body is not valid JSON; send {"query": "...", "variables": {...}} as application/json.');
  }
}
