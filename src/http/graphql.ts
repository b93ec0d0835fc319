/**
 * POST and GET /graphql: the request's deadline, its body, its context (with the request's
 * log), then the fast path when it can answer, else Apollo; the answer is written out unless
 * the deadline's backstop has answered first.
 */
import type { ApiKey } from '../auth/api-keys';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { createContext } from '../context';
import type { Neo4jGateway } from '../db/gateway';
import { abandoned, afterGrace, startDeadline, type Deadline } from '../deadline';
import type { Extractor } from '../extract/extract.task';
import { HttpRejection, requestBody } from './body';
import { executePrepared, plainJsonHeaders, plainRequest, type PreparedOperations } from './fast-path';
import { clientErrors, type ErrorFormat } from './format-error';
import type { QueryLimits } from './limits';
import { refuse } from './reply';
import type { HttpContext, RequestLog } from './request-log';

/** What answering /graphql needs, made once per server. */
export interface GraphQLEndpoint {
  readonly schema: GraphQLSchema;
  readonly gateway: Neo4jGateway;
  readonly apiKeys: readonly ApiKey[];
  readonly requestTimeoutMs: number;
  readonly maxBodyBytes: number;
  readonly maxResponseBytes: number;
  readonly apollo: ApolloServer<HttpContext>;
  readonly limits: QueryLimits<HttpContext>;
  readonly prepared: PreparedOperations;
  readonly format: ErrorFormat;
  /** False once the server is stopping: then only Apollo answers, and drains. */
  readonly fastPathOpen: () => boolean;
  /** Runs `extractArticle` off the event loop (src/extract/extract.pool.ts). */
  readonly extractor: Extractor;
}

/** One GraphQL request as it moves through the steps below. */
interface GraphQLRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly log: RequestLog;
  readonly body: unknown;
  readonly deadline: Deadline;
}

export async function answerGraphQL(endpoint: GraphQLEndpoint, req: IncomingMessage, res: ServerResponse, url: URL, log: RequestLog): Promise<void> {
  const deadline = startDeadline(endpoint.requestTimeoutMs);
  const cancelBackstop = afterGrace(deadline, () => {
    if (res.headersSent) return;
    const error = abandoned(deadline);
    refuse(res, log, 504, String(error.extensions.code), error.message);
  });
  try {
    let body: unknown;
    try {
      body = await requestBody(req, req.headers['content-type'], endpoint.maxBodyBytes);
    } catch (error) {
      if (res.headersSent) return;
      if (error instanceof HttpRejection) return refuse(res, log, error.status, error.code, error.message);
      throw error;
    }
    const request: GraphQLRequest = { req, res, url, log, body, deadline };
    if (await answerPrepared(endpoint, request)) return;
    await answerWithApollo(endpoint, request);
  } finally {
    cancelBackstop();
  }
}

/** The request's headers as Apollo takes them; the fast path reads the few it needs from node's own. */
function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The request's GraphQL context, with its log; a failure to make one is logged under the request id. */
function contextFor(endpoint: GraphQLEndpoint, request: GraphQLRequest): HttpContext {
  try {
    const context = createContext(endpoint.gateway, {
      authorization: request.req.headers.authorization,
      apiKeys: endpoint.apiKeys,
      requestId: request.log.requestId,
      deadline: request.deadline,
      extractor: endpoint.extractor,
      maxResponseBytes: endpoint.maxResponseBytes,
    });
    request.log.counting(context.trips);
    // Filed on the context made for this request rather than copied into a new object: on
    // node 20 an object spread followed by a property costs microseconds (docs/bench-findings.md, "an object spread followed by a property").
    return Object.assign(context, { log: request.log });
  } catch (error) {
    request.log.internalError(error, undefined);
    throw error;
  }
}

/**
 * Answers a plain POST of a query Apollo has accepted before, as Apollo would, without its
 * per-request pipeline (fast-path.ts). False, with nothing run or sent, when Apollo should
 * answer it.
 */
async function answerPrepared(endpoint: GraphQLEndpoint, request: GraphQLRequest): Promise<boolean> {
  const { req, res, log } = request;
  if (req.method !== 'POST' || !endpoint.fastPathOpen() || !plainJsonHeaders(req.headers['content-type'], req.headers.accept)) return false;
  const plain = plainRequest(request.body);
  const found = plain && endpoint.prepared.find(plain);
  if (plain === undefined || found === undefined) return false;
  const answer = await executePrepared({
    schema: endpoint.schema,
    prepared: found,
    request: plain,
    context: () => contextFor(endpoint, request),
    verdict: (document, operation, variables) => endpoint.limits.verdict(endpoint.schema, document, operation, variables),
    onStart: (cost) => {
      log.named(found.operation.name?.value ?? plain.operationName ?? null);
      log.priced(cost);
      log.executing('prepared');
    },
    clientErrors: (errors) => clientErrors(errors, endpoint.format, log),
    finalData: endpoint.limits.finalData,
  });
  if (answer === undefined) return false;
  log.answered(answer.errors);
  // The deadline's backstop may have answered already.
  if (res.headersSent) return true;
  res.setHeader('content-type', answer.contentType);
  res.statusCode = answer.status;
  res.end(answer.body);
  return true;
}

/** The codes of the errors in a GraphQL response body. */
function errorsIn(body: string): { extensions?: { code?: unknown } }[] | undefined {
  try {
    return (JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] }).errors;
  } catch {
    return undefined;
  }
}

async function answerWithApollo(endpoint: GraphQLEndpoint, request: GraphQLRequest): Promise<void> {
  const { req, res, url, body, log } = request;
  const response = await endpoint.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers: headerMap(req), search: url.search, body },
    context: async () => contextFor(endpoint, request),
  });
  // The deadline's backstop may have answered already; what Apollo made late is dropped.
  if (res.headersSent) return;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    // Apollo refuses some requests (no query, a CSRF-suspect GET) before any plugin runs.
    if (res.statusCode >= 400 && !log.anyErrors) log.answered(errorsIn(response.body.string));
    return void res.end(response.body.string);
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
