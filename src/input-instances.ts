/**
 * Arguments turned into instances of their input and args classes as type-graphql turns
 * them (its convert-args), from a plan made once per class. type-graphql rebuilds that plan
 * on every call: for each field of an input class it looks its type up again among every
 * input type of the schema, so one filter argument cost as much as a whole page's field
 * resolvers (docs/bench-findings.md, "Node's CPU per computed request"). The values made
 * are the same: an instance of the class, holding the fields the client gave, each input
 * value converted the same way; scalars and enums as they came.
 */
import { GraphQLScalarType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Storage = ReturnType<typeof getMetadataStorage>;
type ClassTarget = Storage['inputTypes'][number]['target'];
/** One value converted: an argument, or a field of an input value. */
export type Convert = (value: unknown) => unknown;

/** The conversion of scalars and enums: none. */
export const passOn: Convert = (value) => value;

/** Scalars and registered enums, which type-graphql passes on as they are. */
function passedAsIs(type: unknown, storage: Storage): boolean {
  return type instanceof GraphQLScalarType || type === String || type === Number || type === Boolean || storage.enums.some((e) => e.enumObj === type);
}

/**
 * type-graphql's `convertToType` for the objects made here: a new instance of the class,
 * without the keys its constructor left undefined and the value does not have, and with
 * the value's own.
 */
function instanceWith(Target: ClassTarget, data: Record<string, unknown>): object {
  const instance = new (Target as new () => Record<string, unknown>)();
  for (const key of Object.keys(instance)) if (instance[key] === undefined && !(key in data)) delete instance[key];
  return Object.assign(instance, data);
}

interface FieldPlan {
  readonly name: string;
  readonly convert: Convert;
}

/** The fields of an input or args class, its ancestors' after its own, as type-graphql collects them. */
function fieldsOf(target: ClassTarget, kind: 'inputTypes' | 'argumentTypes', storage: Storage): { name: string; getType: () => unknown }[] {
  const fields: { name: string; getType: () => unknown }[] = [];
  for (let t: unknown = target; typeof t === 'function' && (t as { prototype?: unknown }).prototype !== undefined; t = Object.getPrototypeOf(t)) {
    const metadata = storage[kind].find((c) => c.target === t);
    for (const field of metadata?.fields ?? []) if (kind === 'argumentTypes' || !fields.some((f) => f.name === field.name)) fields.push(field);
  }
  return fields;
}

/** A value, or each item of a list, converted; null and undefined as they are (type-graphql's convertValuesToInstances). */
export const convertEach = (convert: Convert, value: unknown): unknown =>
  value == null ? value : Array.isArray(value) ? value.map((item) => convertEach(convert, item)) : convert(value);
const eachOf =
  (convert: Convert): Convert =>
  (value) =>
    convertEach(convert, value);

/** How a value of `type` is converted, or null for a type type-graphql would treat otherwise (an object type, a Date). */
export function converterOf(type: unknown, storage: Storage, planned = new Map<unknown, Convert>()): Convert | null {
  if (passedAsIs(type, storage)) return passOn;
  const known = planned.get(type);
  if (known !== undefined) return known;
  const input = storage.inputTypes.find((t) => t.target === type);
  if (input === undefined) return null;
  const target = input.target;
  let fields: readonly FieldPlan[] = [];
  const convert = eachOf((value) => {
    const data: Record<string, unknown> = {};
    for (const field of fields) {
      const fieldValue = (value as Record<string, unknown>)[field.name];
      if (fieldValue !== undefined) data[field.name] = field.convert(fieldValue);
    }
    return instanceWith(target, data);
  });
  // A class may hold itself (a filter of filters): the plan is known before its fields are planned.
  planned.set(type, convert);
  const plans: FieldPlan[] = [];
  for (const field of fieldsOf(target, 'inputTypes', storage)) {
    const fieldConvert = converterOf(field.getType(), storage, planned);
    if (fieldConvert === null) return null;
    plans.push({ name: field.name, convert: eachOf(fieldConvert) });
  }
  fields = plans;
  return convert;
}

/** How an args class (`@Args()`) is made from graphql-js's arguments, or null when one of its fields is of a type not planned here. */
export function argsConverterOf(target: ClassTarget, storage: Storage): ((args: Record<string, unknown>) => object) | null {
  const plans: FieldPlan[] = [];
  for (const field of fieldsOf(target, 'argumentTypes', storage)) {
    const convert = converterOf(field.getType(), storage);
    if (convert === null) return null;
    plans.push({ name: field.name, convert: eachOf(convert) });
  }
  return (args) => {
    const data: Record<string, unknown> = {};
    for (const plan of plans) {
      const value = args[plan.name];
      if (value !== undefined) data[plan.name] = plan.convert(value);
    }
    return instanceWith(target, data);
  };
}
