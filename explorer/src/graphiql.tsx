/**
 * GraphiQL for analysts, bundled with its CSS so it works with no network but this
 * server's. It talks to /graphql like any client. The schema comes from introspection;
 * when the server turns introspection off (INTROSPECTION=false), the schema this build
 * was made from (schema/schema.graphql, which a test keeps equal to the code) is used
 * instead, so completion and the docs still work. The example operations of
 * schema/examples.graphql open as tabs.
 */
import 'graphiql/graphiql.css';
import './graphiql-page.css';
import type { Fetcher, FetcherOpts, FetcherParams } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { buildClientSchema, buildSchema, getIntrospectionQuery, parse, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { createRoot } from 'react-dom/client';
import examples from '../../schema/examples.graphql';
import sdl from '../../schema/schema.graphql';

const ENDPOINT = '/graphql';

async function post(params: FetcherParams, opts?: FetcherOpts): Promise<unknown> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(opts?.headers as Record<string, string> | undefined) },
    body: JSON.stringify(params),
  });
  return response.json();
}

const fetcher: Fetcher = (params, opts) => post(params, opts) as ReturnType<Fetcher>;

/** The live schema, or the bundled one with the reason introspection failed. */
async function loadSchema(): Promise<{ schema: GraphQLSchema; note: string | null }> {
  try {
    const result = (await post({ query: getIntrospectionQuery({ inputValueDeprecation: true }), operationName: 'IntrospectionQuery' })) as {
      data?: IntrospectionQuery;
      errors?: { message: string }[];
    };
    if (result.data && !result.errors) return { schema: buildClientSchema(result.data), note: null };
    const reason = result.errors?.[0]?.message ?? 'no data';
    return { schema: buildSchema(sdl), note: `Introspection is off on this server (${reason}); showing the schema this page was built with.` };
  } catch (error) {
    return { schema: buildSchema(sdl), note: `Could not introspect ${ENDPOINT} (${error instanceof Error ? error.message : String(error)}); showing the schema this page was built with.` };
  }
}

/** One tab per example operation, each with the comment that explains it. */
function exampleTabs(): { query: string }[] {
  const document = parse(examples);
  let previousEnd = 0;
  const tabs: { query: string }[] = [];
  for (const definition of document.definitions) {
    if (!definition.loc) continue;
    const before = examples.slice(previousEnd, definition.loc.start);
    const comments = before
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('#'));
    // The file's own header (how the tests use it) belongs to no operation.
    const own = tabs.length === 0 ? comments.slice(-1) : comments;
    tabs.push({ query: `${own.join('\n')}${own.length > 0 ? '\n' : ''}${examples.slice(definition.loc.start, definition.loc.end)}\n` });
    previousEnd = definition.loc.end;
  }
  return tabs;
}

async function start(): Promise<void> {
  const host = document.getElementById('graphiql') as HTMLElement;
  const { schema, note } = await loadSchema();
  if (note) console.warn(note);
  createRoot(host).render(
    <GraphiQL fetcher={fetcher} schema={schema} defaultTabs={exampleTabs()} defaultEditorToolsVisibility={false} shouldPersistHeaders={false}>
      <GraphiQL.Logo>
        <a className="graphiql-home" href="/explorer" title="Back to the explorer">
          News graph
        </a>
      </GraphiQL.Logo>
      {note ? (
        <GraphiQL.Footer>
          <p className="graphiql-note" role="status">
            {note}
          </p>
        </GraphiQL.Footer>
      ) : null}
    </GraphiQL>,
  );
}

void start();
