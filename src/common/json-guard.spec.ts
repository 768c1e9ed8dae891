import { findJsonDefect } from './json-guard';

describe('findJsonDefect', () => {
  const nested = (depth: number): unknown => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

  it('counts objects and arrays, not scalars', () => {
    expect(findJsonDefect(1, 0)).toBeNull();
    expect(findJsonDefect({}, 1)).toBeNull();
    expect(findJsonDefect({}, 0)).not.toBeNull();
    expect(findJsonDefect([[{ a: [1] }]], 4)).toBeNull();
    expect(findJsonDefect([[{ a: [1] }]], 3)).not.toBeNull();
  });

  it('handles documents far deeper than the call stack', () => {
    expect(findJsonDefect(nested(32))).toBeNull();
    expect(findJsonDefect(nested(33))).toMatchObject({ message: 'must not nest more than 32 levels' });
    expect(findJsonDefect(nested(200_000))).not.toBeNull();
  });

  it('finds a deep branch beside shallow ones', () => {
    expect(findJsonDefect({ a: 1, b: [1, 2], c: { d: nested(40) } })).not.toBeNull();
  });

  it('names a __proto__, constructor or prototype key wherever it is', () => {
    expect(findJsonDefect(JSON.parse('{"site":{"__proto__":{"admin":true}}}'))).toEqual({
      field: 'site.__proto__',
      message: 'unknown field "site.__proto__"',
    });
    expect(findJsonDefect({ items: [{ constructor: 1 }] })).toMatchObject({ field: 'items[0].constructor' });
    expect(findJsonDefect({ prototype: 'x' })).toMatchObject({ field: 'prototype' });
    expect(findJsonDefect({ a: { toString: 'x' } })).toMatchObject({ field: 'a.toString' });
    expect(findJsonDefect({ hasOwnProperty: 1 })).toMatchObject({ field: 'hasOwnProperty' });
    expect(findJsonDefect({ name: 'constructor', proto: '__proto__' })).toBeNull();
  });

  it('names a string PostgreSQL cannot store: NUL or an unpaired surrogate', () => {
    expect(findJsonDefect({ site: { name: 'a\u0000b' } })).toMatchObject({ field: 'site.name' });
    expect(findJsonDefect({ items: ['ok', '\uD800'] })).toMatchObject({ field: 'items[1]' });
    expect(findJsonDefect({ reason: '\uDFFFabc' })).toMatchObject({ field: 'reason' });
    expect(findJsonDefect({ reason: 'Sông Lam 😀👨‍👩‍👧 \u202E' })).toBeNull();
  });
});
