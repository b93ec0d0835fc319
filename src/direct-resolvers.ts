/**
 * Resolvers called without type-graphql's per-call machinery where it does nothing.
 *
 * type-graphql wraps every resolver method in a function that, on each call, makes an object
 * of the resolver's arguments, asks its container for the class's instance, runs the
 * middleware chain (empty here), sorts the method's parameters by position and maps each to
 * its value, converting each argument into an instance of its type and passing it through
 * an async validation step; a method with any argument therefore always answers with a
 * promise, which graphql-js then completes through its slower promise path. A lookup runs
 * that for each resolved field, a page for each field of each of its rows.
 *
 * For a query or field resolver whose parameters are only the root, the context, the info and
 * its arguments, and that has no middlewares, roles or validation of its own, all of that
 * comes to calling the method with the values as graphql-js hands them over, arguments of
 * an input or args class made into instances as type-graphql makes them (input-instances.ts):
 * the parameters are put in order once, here, and the method is called directly. Anything
 * else (a root typed as a class, which type-graphql copies into one; an argument of a type
 * input-instances.ts does not plan; a field two resolvers could answer) keeps type-graphql's
 * resolver, as do mutations and subscriptions.
 */
import { isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { argsConverterOf, converterOf, convertEach, passOn } from './input-instances';

type Storage = ReturnType<typeof getMetadataStorage>;
type ResolverMetadata = Storage['queries'][number];
type FieldResolverMetadata = Storage['fieldResolvers'][number];
type Param = NonNullable<ResolverMetadata['params']>[number];
/** A class, as type-graphql's metadata names it. */
type ClassTarget = ResolverMetadata['target'];
type Getter = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

/** Resolver classes keep no state (they are type-graphql's singletons); one instance per class serves every call. */
const instances = new Map<ClassTarget, object>();
function instanceOf(target: ClassTarget): object {
  let instance = instances.get(target);
  if (instance === undefined) instances.set(target, (instance = new (target as new () => object)()));
  return instance;
}

/** How a parameter's value is read from graphql-js's arguments, or null when type-graphql does more than read it. */
function getterOf(param: Param, storage: Storage): Getter | null {
  switch (param.kind) {
    case 'info':
      return (_root, _args, _context, info) => info;
    case 'context': {
      const key = param.propertyName;
      return key === undefined ? (_root, _args, context) => context : (_root, _args, context) => (context as Record<string, unknown>)[key];
    }
    case 'root': {
      // A root typed as a class is copied into an instance of it by type-graphql.
      if (param.getType !== undefined && param.getType() !== Object) return null;
      const key = param.propertyName;
      return key === undefined ? (root) => root : (root) => (root as Record<string, unknown>)[key];
    }
    case 'arg':
    case 'args': {
      if (param.validateFn !== undefined || (param.validateSettings !== undefined && param.validateSettings !== false)) return null;
      if (param.kind === 'args') {
        const convertArgs = argsConverterOf(param.getType() as ClassTarget, storage);
        return convertArgs === null ? null : (_root, args) => convertArgs(args);
      }
      const convert = converterOf(param.getType(), storage);
      const name = param.name;
      if (convert === null) return null;
      return convert === passOn ? (_root, args) => args[name] : (_root, args) => convertEach(convert, args[name]);
    }
    default:
      return null;
  }
}

/**
 * The class of `resolvers` whose instance answers a resolver declared on `target`: the class
 * itself, or the one class of the schema that extends it (type-graphql moves a base class's
 * resolvers to the class the schema was built from, for the fields factories make: the entity
 * types' `person(id)`, `organizations`, ...). Null when none or several do.
 */
function servingClass(target: ClassTarget, resolvers: readonly ClassTarget[]): ClassTarget | null {
  if (resolvers.includes(target)) return target;
  const heirs = resolvers.filter((resolver) => Object.prototype.isPrototypeOf.call(target, resolver));
  return heirs.length === 1 ? (heirs[0] as ClassTarget) : null;
}

/** The resolver calling the method directly, or null when type-graphql's must stay. */
function directResolver(metadata: ResolverMetadata | FieldResolverMetadata, serving: ClassTarget, storage: Storage): GraphQLFieldResolver<unknown, unknown> | null {
  if ((metadata.middlewares?.length ?? 0) > 0 || metadata.roles !== undefined) return null;
  const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
  const getters: Getter[] = [];
  for (const param of params) {
    const getter = getterOf(param, storage);
    if (getter === null) return null;
    getters.push(getter);
  }
  const method = (serving.prototype as Record<string, unknown>)[metadata.methodName];
  if (typeof method !== 'function') return null;
  return (root, args, context, info) => {
    const values = new Array<unknown>(getters.length);
    for (let i = 0; i < getters.length; i += 1) values[i] = (getters[i] as Getter)(root, args, context, info);
    return (method as (...values: unknown[]) => unknown).apply(instanceOf(serving), values);
  };
}

/** The classes whose fields a GraphQL object type's class has: itself, its ancestors, and the interfaces of each. */
function classesOf(target: ClassTarget, storage: Storage): Set<ClassTarget> {
  const classes = new Set<ClassTarget>();
  const add = (start: unknown): void => {
    for (let t = start; typeof t === 'function' && t !== Function.prototype; t = Object.getPrototypeOf(t)) classes.add(t as ClassTarget);
  };
  add(target);
  for (const c of [...classes]) for (const i of storage.objectTypes.find((o) => o.target === c)?.interfaceClasses ?? []) add(i);
  return classes;
}

/** The fields a class declares as an object or an interface type, those of its field resolvers included. */
function fieldsDeclaredBy(target: ClassTarget, storage: Storage): readonly { readonly name: string; readonly target: ClassTarget }[] {
  return [...(storage.objectTypes.find((o) => o.target === target)?.fields ?? []), ...(storage.interfaceTypes.find((i) => i.target === target)?.fields ?? [])];
}

/** Replaces type-graphql's resolvers with direct ones where they do nothing more; `resolvers` are the classes the schema was built from. */
export function callResolversDirectly(schema: GraphQLSchema, resolvers: readonly ClassTarget[]): GraphQLSchema {
  const storage = getMetadataStorage();
  const replace = (field: GraphQLField<unknown, unknown> | undefined, metadata: ResolverMetadata | FieldResolverMetadata): void => {
    const serving = servingClass(metadata.target, resolvers);
    const direct = field?.resolve === undefined || serving === null ? null : directResolver(metadata, serving, storage);
    if (field !== undefined && direct !== null) field.resolve = direct;
  };

  const queries = schema.getQueryType()?.getFields() ?? {};
  for (const query of storage.queries) if (servingClass(query.target, resolvers) !== null) replace(queries[query.schemaName], query);

  const external = storage.fieldResolvers.filter((r) => r.kind === 'external' && servingClass(r.target, resolvers) !== null && r.getObjectType !== undefined);
  for (const type of Object.values(schema.getTypeMap())) {
    const target = isObjectType(type) ? storage.objectTypes.find((o) => o.name === type.name)?.target : undefined;
    if (target === undefined || !isObjectType(type)) continue;
    const classes = classesOf(target, storage);
    const fields = type.getFields();
    for (const name of Object.keys(fields)) {
      // type-graphql answers a field with the resolver of the class that declares it; only a
      // field declared once along the type's classes, with one resolver there, is changed.
      const declaring = [...classes].flatMap((c) => fieldsDeclaredBy(c, storage).filter((f) => f.name === name));
      const candidates = storage.fieldResolvers.filter((r) => r.methodName === name && r.getObjectType !== undefined && classes.has(r.getObjectType()));
      const [only] = candidates;
      if (declaring.length !== 1 || candidates.length !== 1 || only === undefined || !external.includes(only)) continue;
      if (only.getObjectType?.() === declaring[0]?.target) replace(fields[name], only);
    }
  }
  return schema;
}
