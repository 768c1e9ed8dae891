import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error';

/** No request of this API nests deeper than a handful of levels; 32 leaves a wide margin. */
export const MAX_JSON_DEPTH = 32;

/**
 * Caps checked before class-transformer and class-validator see a body: they take time more than linear in the
 * number of keys (80,000 keys cost 3.5 s of CPU and 4.5 MB of errors). The widest DTO has about 20 fields, the
 * largest document (an annual report: 500 + 200 + 100 list items) a few thousand values, the longest text field
 * 4,000 characters; these caps leave a wide margin above each.
 */
export interface JsonLimits {
  maxDepth: number;
  /** Keys of one object. */
  maxKeys: number;
  /** Objects, arrays and scalars of the whole document. */
  maxNodes: number;
  /** Characters of one string (a key or a value). */
  maxStringLength: number;
}

export const JSON_LIMITS: JsonLimits = {
  maxDepth: MAX_JSON_DEPTH,
  maxKeys: 100,
  maxNodes: 20_000,
  maxStringLength: 65_536,
};

/** Keys that name JavaScript's object machinery (`__proto__`, `constructor`, `toString`…), never a field here. */
export function isForbiddenJsonKey(key: string): boolean {
  return key === 'prototype' || key in Object.prototype;
}

/** U+0000 or a UTF-16 surrogate without its pair: no text a person writes, and PostgreSQL refuses both. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isUnstorableText(s: string): boolean {
  return UNSTORABLE_TEXT.test(s);
}

export interface JsonDefect {
  field: string;
  message: string;
}

/** A path segment for a key, shortened so that an error never echoes a huge key back. */
function fieldName(path: string, key: string): string {
  const k = key.length > 64 ? `${key.slice(0, 64)}…` : key;
  return path ? `${path}.${k}` : k;
}

/**
 * The first defect of a parsed JSON value that no validator downstream handles well: nesting deeper than
 * `maxDepth`, an object with too many keys, too many values in all, a string too long, a key such as `__proto__`,
 * or a string with U+0000 or an unpaired surrogate (a 500 from PostgreSQL once stored, in text or jsonb). Walked
 * without recursion, so that a hostile document cannot exhaust the stack here; linear in the document's size.
 */
export function findJsonDefect(value: unknown, limits: Partial<JsonLimits> | number = {}): JsonDefect | null {
  const { maxDepth, maxKeys, maxNodes, maxStringLength } = {
    ...JSON_LIMITS,
    ...(typeof limits === 'number' ? { maxDepth: limits } : limits),
  };
  const stack: [unknown, number, string][] = [[value, 0, '']];
  let nodes = 0;
  while (stack.length) {
    const [v, depth, path] = stack.pop() as [unknown, number, string];
    if (++nodes > maxNodes) return { field: path, message: `the document must not hold more than ${maxNodes} values` };
    if (typeof v === 'string') {
      if (v.length > maxStringLength) return { field: path, message: `must be at most ${maxStringLength} characters` };
      if (isUnstorableText(v)) return { field: path, message: 'must not contain NUL or unpaired surrogate characters' };
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > maxDepth) return { field: path, message: `must not nest more than ${maxDepth} levels` };
    if (Array.isArray(v)) {
      if (nodes + stack.length + v.length > maxNodes) {
        return { field: path, message: `the document must not hold more than ${maxNodes} values` };
      }
      v.forEach((child, i) => stack.push([child, depth + 1, `${path}[${i}]`]));
      continue;
    }
    // Counted with an early exit: listing 80,000 keys first would cost more than the whole check should.
    let keyCount = 0;
    for (const key in v) {
      if (Object.prototype.hasOwnProperty.call(v, key) && ++keyCount > maxKeys) {
        return { field: path, message: `must not have more than ${maxKeys} fields` };
      }
    }
    for (const key of Object.keys(v)) {
      const field = fieldName(path, key);
      if (key.length > 200 || isForbiddenJsonKey(key) || isUnstorableText(key)) {
        return { field, message: `unknown field "${field}"` };
      }
      stack.push([(v as Record<string, unknown>)[key], depth + 1, field]);
    }
  }
  return null;
}

/**
 * The same checks for a query string, as parsed by Express (strings, arrays of strings, or objects of them):
 * fewer parameters, shorter values. Each value may be a search text at most; 1,000 characters is far above any.
 */
export const QUERY_LIMITS: JsonLimits = { maxDepth: 4, maxKeys: 30, maxNodes: 200, maxStringLength: 1_000 };

/** Largest raw query string (bytes after the `?`), checked before Express parses it. */
export const MAX_QUERY_STRING_LENGTH = 8_192;

/**
 * Refuses, with 400 before validation, a JSON body nested deeper than `MAX_JSON_DEPTH` (class-transformer walks
 * bodies recursively: thousands of levels overflow the stack there, a 500) or carrying keys such as `__proto__`,
 * `constructor`, `prototype` or `toString` (class-transformer drops them silently, so they would escape the
 * unknown-field check, and they are the shape of prototype pollution), or strings PostgreSQL cannot store.
 */
export function rejectHostileJson(limits: Partial<JsonLimits> = {}) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const defect = req.body !== null && typeof req.body === 'object' ? findJsonDefect(req.body, limits) : null;
    if (defect) {
      next(DomainError.validation('The request is invalid', [defect]));
      return;
    }
    next();
  };
}

/**
 * Refuses, with 400 before any route runs, a query string that is too long, has too many parameters, values too
 * long, or text PostgreSQL cannot store (`?q=a%00b` reached the database and failed there: a 500). A query string
 * whose percent-encoding is broken is refused too (Express would otherwise keep the raw text).
 */
export function rejectHostileQuery() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const url = req.originalUrl ?? req.url;
    const at = url.indexOf('?');
    if (at < 0) return next();
    const raw = url.slice(at + 1);
    if (raw.length > MAX_QUERY_STRING_LENGTH) {
      return next(
        DomainError.validation('The query string is too long', [
          { field: 'query', message: `must be at most ${MAX_QUERY_STRING_LENGTH} characters` },
        ]),
      );
    }
    for (const part of raw.split('&')) {
      try {
        decodeURIComponent(part.replace(/\+/g, ' '));
      } catch {
        return next(
          DomainError.validation('The query string is invalid', [
            { field: 'query', message: 'must be percent-encoded UTF-8' },
          ]),
        );
      }
    }
    const defect = findJsonDefect(req.query, QUERY_LIMITS);
    if (defect) {
      return next(
        DomainError.validation('The query string is invalid', [{ ...defect, field: defect.field || 'query' }]),
      );
    }
    next();
  };
}
