/**
 * Every regular expression of the extractor is safe from catastrophic backtracking, as
 * safe-regex2 judges it (no nested quantifiers, bounded repetition): the text it runs on
 * is whatever a client sends. The expressions are read from the source with TypeScript's
 * parser, so a new one is checked the day it is written; a RegExp built at run time from a
 * string cannot be judged this way and is refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import safeRegex from 'safe-regex2';
import ts from 'typescript';
import { layOut } from '../../src/extract/layout';

const DIR = path.resolve(__dirname, '../../src/extract');

interface Found {
  readonly where: string;
  readonly literal: string | null;
}

function regexesIn(file: string): Found[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(DIR, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    if (ts.isRegularExpressionLiteral(node)) found.push({ where, literal: node.text });
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') found.push({ where, literal: null });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const toRegExp = (literal: string): RegExp => {
  const slash = literal.lastIndexOf('/');
  return new RegExp(literal.slice(1, slash), literal.slice(slash + 1));
};

const all = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .flatMap(regexesIn);

describe('the regular expressions of src/extract', () => {
  it('are found in the source (the check reads what it should)', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(all.some((f) => f.where.startsWith('layout.ts'))).toBe(true);
  });

  it('are all literals: none is built at run time from a string', () => {
    expect(all.filter((f) => f.literal === null).map((f) => f.where)).toEqual([]);
  });

  it('cannot backtrack catastrophically', () => {
    const unsafe = all.filter((f) => f.literal !== null && !safeRegex(toRegExp(f.literal))).map((f) => `${f.where} ${f.literal as string}`);
    expect(unsafe).toEqual([]);
  });

  it('would catch a pattern that can (the checker is not a stub)', () => {
    expect(safeRegex(/^(\w+\s?)*$/)).toBe(false);
    expect(safeRegex(/(a+)+$/)).toBe(false);
    expect(safeRegex(/^\s+$/)).toBe(true);
  });
});

/*
 * A loop can be quadratic where no expression is: a scan forward from every line over the
 * blank lines after it cost N²/2 steps for N blank lines. The largest text a client may
 * send is 200 000 characters, so a page of nothing but line breaks must be laid out in the
 * time of a page; the budget below is a hundred times what a linear layout needs, and a
 * quadratic one needs far more.
 */
describe('laying out a text', () => {
  it('is linear in a long run of blank lines, inside a quote and out', () => {
    const blank = '\n'.repeat(150_000);
    expect(layOut(`He said "it runs on.${blank}"`).paragraphs.length).toBeGreaterThan(0);
    expect(layOut(`First.${blank}Last.`).paragraphs.length).toBeGreaterThan(0);
  }, 60_000);
});
