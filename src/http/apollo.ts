/**
 * Apollo Server as this API runs it: the schema with the query limits and the introspection
 * switch, errors formatted by format-error.ts, and one plugin that fills in the request's
 * log (found on the GraphQL context) and hands accepted queries to the fast path.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { NoSchemaIntrospectionCustomRule, type GraphQLSchema } from 'graphql';
import type { PreparedOperations } from './fast-path';
import { apolloFormatError, clientErrors, type ErrorFormat } from './format-error';
import type { QueryLimits } from './limits';
import type { HttpContext } from './request-log';

export interface ApolloSetup {
  readonly schema: GraphQLSchema;
  readonly format: ErrorFormat;
  /** Whether clients may query __schema and __type. */
  readonly introspection: boolean;
  readonly limits: QueryLimits<HttpContext>;
  readonly prepared: PreparedOperations;
}

/**
 * Fills in the request's log as Apollo moves along, formats the request's errors with it
 * (format-error.ts), and files each query Apollo is about to execute for the fast path.
 */
function requestPlugin(format: ErrorFormat, prepared: PreparedOperations): ApolloServerPlugin<HttpContext> {
  return {
    async requestDidStart({ request, contextValue: { log } }) {
      log.named(request.operationName ?? null);
      return {
        async didResolveOperation({ operationName }) {
          if (operationName) log.named(operationName);
        },
        async executionDidStart({ request: { query, operationName, extensions, http }, document, operation }) {
          log.executing('apollo');
          // Remembered for the fast path only when Apollo has seen a plain POST of it. Apollo
          // starts execution even when the operation name matches no operation (and then
          // answers 400), so `operation` can be missing whatever its type says.
          const resolved = operation as typeof operation | undefined;
          if (resolved !== undefined && query !== undefined && extensions === undefined && http?.method === 'POST') prepared.remember(query, operationName, { document, operation: resolved });
        },
        async willSendResponse({ response, errors }) {
          if (response.body.kind !== 'single') return;
          // Apollo has formatted these errors without the request; they are formatted again with it, from the same errors.
          if (errors !== undefined) response.body.singleResult.errors = clientErrors(errors, format, log);
          log.answered(response.body.singleResult.errors);
        },
      };
    },
  };
}

export async function startApollo(setup: ApolloSetup): Promise<ApolloServer<HttpContext>> {
  const apollo = new ApolloServer<HttpContext>({
    schema: setup.schema,
    // Turned off by graphql-js's rule below instead, whose message says what happened.
    introspection: true,
    includeStacktraceInErrorResponses: !setup.format.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT. Apollo's own handler would call stop() beside ours, and
    // Apollo 5 never resolves a second, concurrent stop(): the process would hang on exit.
    stopOnTerminationSignals: false,
    parseOptions: setup.limits.parseOptions,
    validationRules: [...setup.limits.validationRules, ...(setup.introspection ? [] : [NoSchemaIntrospectionCustomRule])],
    formatError: apolloFormatError(setup.format.production),
    // Apollo installs its cache-control plugin unless told not to; its per-field hook makes
    // Apollo wrap every resolver of the schema, trivial property reads included, for
    // Cache-Control headers this API does not send (measured in docs/bench-findings.md, finding 4).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      setup.limits.plugin,
      requestPlugin(setup.format, setup.prepared),
    ],
  });
  await apollo.start();
  return apollo;
}
