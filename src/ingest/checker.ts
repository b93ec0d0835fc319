/**
 * Reading untrusted JSON, one value at a time: each reader returns the value in the shape
 * the document needs, or null (or an empty list) after recording a problem that names the
 * value's JSON path, what was expected and what came. The validator (validate.ts) never
 * stops at the first problem, so the author of a document sees every one at once.
 */
import type { Problem } from '../errors';
import type { DateRef } from './document';
import { DATE_PRECISIONS, ENTITY_ID, inWords, isCalendarDate, type EntityType } from '../vocabulary';

export const DOCUMENT_LIMITS = {
  textLength: 1_000_000,
  entities: 5_000,
  statements: 10_000,
  stringLength: 10_000,
  listLength: 200,
} as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day as entities and statements store it: `YYYY-MM-DD`, and one the calendar has. */
export const isDay = (text: string): boolean => ISO_DATE.test(text) && isCalendarDate(text);

export type Json = unknown;

export const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isAbsent = (v: Json): v is null | undefined => v === undefined || v === null;

/** A value as a message quotes it: its JSON, cut short. */
export const show = (v: Json): string => {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** An entity id the document uses, with the types it may name there. */
export interface Reference {
  readonly id: string;
  readonly types: readonly EntityType[];
  readonly path: string;
}

export class Checker {
  readonly problems: Problem[] = [];
  /** Every entity reference read, to be checked once every definition is known. */
  readonly references: Reference[] = [];

  report(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** Reports each key of `object` that is not one of `known`; `pathOf` gives the key's path. */
  knownFields(object: Record<string, Json>, known: readonly string[], pathOf: (key: string) => string, note = ''): void {
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) this.report(pathOf(key), `unknown field; expected ${inWords(known)}${note}`);
    }
  }

  string(v: Json, path: string, opts: { optional?: boolean; max?: number } = {}): string | null {
    if (isAbsent(v)) {
      if (!opts.optional) this.report(path, 'expected a non-empty string; it is missing');
      return null;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.report(path, `expected a non-empty string; received ${show(v)}`);
      return null;
    }
    const max = opts.max ?? DOCUMENT_LIMITS.stringLength;
    if (v.length > max) {
      this.report(path, `expected at most ${max} characters; received ${v.length}`);
      return null;
    }
    return v;
  }

  list(v: Json, path: string, max: number = DOCUMENT_LIMITS.listLength): Json[] {
    if (isAbsent(v)) return [];
    if (!Array.isArray(v)) {
      this.report(path, `expected a list; received ${show(v)}`);
      return [];
    }
    if (v.length > max) {
      this.report(path, `expected at most ${max} items; received ${v.length}`);
      return [];
    }
    return v;
  }

  oneOf<T extends string>(v: Json, allowed: readonly T[], path: string, optional: boolean): T | null {
    if (isAbsent(v) && optional) return null;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.report(path, `expected one of ${allowed.join(', ')}; received ${show(v)}`);
    return null;
  }

  date(v: Json, path: string): DateRef | null {
    if (isAbsent(v)) return null;
    if (!isObject(v)) {
      this.report(path, `expected { text, date, precision }; received ${show(v)}`);
      return null;
    }
    const text = this.string(v.text, `${path}.text`, { optional: true, max: 200 });
    let date: string | null = null;
    if (!isAbsent(v.date)) {
      if (typeof v.date !== 'string' || !isDay(v.date)) {
        this.report(`${path}.date`, `expected a calendar date YYYY-MM-DD; received ${show(v.date)}`);
      } else {
        date = v.date;
      }
    }
    const precision = this.oneOf(v.precision, DATE_PRECISIONS, `${path}.precision`, date === null);
    if (date === null && text === null) this.report(path, 'expected the words of the text, a calendar date, or both');
    return { text, date, precision };
  }

  /** An entity id, recorded as a reference to one of `types`. */
  ref(v: Json, path: string, types: readonly EntityType[]): string | null {
    if (typeof v !== 'string' || !ENTITY_ID.test(v)) {
      this.report(path, `expected an entity id like person:mike-waltz; received ${show(v)}`);
      return null;
    }
    this.references.push({ id: v, types, path });
    return v;
  }

  /** A reference that may be left out. */
  optionalRef(v: Json, path: string, types: readonly EntityType[]): string | null {
    return isAbsent(v) ? null : this.ref(v, path, types);
  }

  /** A list of references, the malformed ones left out. */
  refs(v: Json, path: string, types: readonly EntityType[], max?: number): string[] {
    return this.list(v, path, max).flatMap((item, i) => this.ref(item, `${path}[${i}]`, types) ?? []);
  }
}
