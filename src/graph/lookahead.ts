/**
 * What a client asked for below the field being resolved. A resolver that knows the
 * selection can fetch, in its own query, what the nested fields would otherwise fetch one
 * round trip per level (the statements of a page, then their speakers, then the
 * speakers' roles...). Only a hint: a field found here is fetched early, anything else is
 * still fetched by its own resolver, so a wrong guess costs a trip, never an answer.
 */
import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The dotted paths of every field selected under the current field, by field name (not
 * alias), through inline fragments and named fragments: `edges`, `edges.node`,
 * `edges.node.speaker`, ... `@skip` and `@include` are not evaluated: a skipped field
 * counts as selected, which at worst fetches something unused.
 */
export function selectedPaths(info: GraphQLResolveInfo, maxDepth = 6): ReadonlySet<string> {
  // graphql-js hands every item of a list the same field nodes (a person's `statements`
  // on each of 20 people): walk them once. A field selected once is keyed by its node,
  // which Apollo's cache of parsed documents gives every request of the same query, so
  // it is walked once for all of them. The nodes belong to one parsed document, so its
  // fragments are the same too.
  const key = info.fieldNodes.length === 1 ? (info.fieldNodes[0] as FieldNode) : info.fieldNodes;
  const known = walked.get(key);
  if (known !== undefined && known.depth === maxDepth) return known.paths;
  const paths = new Set<string>();
  for (const node of info.fieldNodes) collect(node.selectionSet, '', maxDepth, info.fragments, paths, new Set());
  walked.set(key, { depth: maxDepth, paths });
  return paths;
}

const walked = new WeakMap<FieldNode | readonly FieldNode[], { readonly depth: number; readonly paths: ReadonlySet<string> }>();

function collect(
  set: SelectionSetNode | undefined,
  prefix: string,
  depth: number,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  paths: Set<string>,
  visiting: Set<string>,
): void {
  if (set === undefined || depth === 0) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const path = `${prefix}${selection.name.value}`;
      paths.add(path);
      collect(selection.selectionSet, `${path}.`, depth - 1, fragments, paths, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, prefix, depth, fragments, paths, visiting);
    } else {
      const name = selection.name.value;
      // Validation rejects fragment cycles before execution; the guard keeps this total anyway.
      if (visiting.has(name)) continue;
      visiting.add(name);
      collect(fragments[name]?.selectionSet, prefix, depth, fragments, paths, visiting);
      visiting.delete(name);
    }
  }
}
