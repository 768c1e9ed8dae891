import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error';

/** No request of this API nests deeper than a handful of levels; 32 leaves a wide margin. */
export const MAX_JSON_DEPTH = 32;

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

/**
 * The first defect of a parsed JSON value that no validator downstream handles well: nesting deeper than
 * `maxDepth`, a key such as `__proto__`, or a string with U+0000 or an unpaired surrogate (a 500 from PostgreSQL
 * once stored, in text or jsonb). Walked without recursion, so that a hostile document cannot exhaust the stack here.
 */
export function findJsonDefect(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonDefect | null {
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length) {
    const [v, depth, path] = stack.pop() as [unknown, number, string];
    if (typeof v === 'string' && isUnstorableText(v)) {
      return { field: path, message: 'must not contain NUL or unpaired surrogate characters' };
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > maxDepth) return { field: path, message: `must not nest more than ${maxDepth} levels` };
    if (Array.isArray(v)) {
      v.forEach((child, i) => stack.push([child, depth + 1, `${path}[${i}]`]));
      continue;
    }
    for (const key of Object.keys(v)) {
      const field = path ? `${path}.${key}` : key;
      if (isForbiddenJsonKey(key) || isUnstorableText(key)) return { field, message: `unknown field "${field}"` };
      stack.push([(v as Record<string, unknown>)[key], depth + 1, field]);
    }
  }
  return null;
}

/**
 * Refuses, with 400 before validation, a JSON body nested deeper than `MAX_JSON_DEPTH` (class-transformer walks
 * bodies recursively: thousands of levels overflow the stack there, a 500) or carrying keys such as `__proto__`,
 * `constructor`, `prototype` or `toString` (class-transformer drops them silently, so they would escape the
 * unknown-field check, and they are the shape of prototype pollution), or strings PostgreSQL cannot store.
 */
export function rejectHostileJson(maxDepth = MAX_JSON_DEPTH) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const defect = req.body !== null && typeof req.body === 'object' ? findJsonDefect(req.body, maxDepth) : null;
    if (defect) {
      next(DomainError.validation('The request is invalid', [defect]));
      return;
    }
    next();
  };
}
