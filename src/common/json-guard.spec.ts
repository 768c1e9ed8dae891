import { findJsonDefect, JSON_LIMITS } from './json-guard';

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

  it('refuses 80,000 keys in milliseconds, before any validator sees them', () => {
    const wide: Record<string, number> = {};
    for (let i = 0; i < 80_000; i++) wide[`k${i}`] = i;
    const started = process.hrtime.bigint();
    expect(findJsonDefect({ a: 1, wide })).toEqual({ field: 'wide', message: 'must not have more than 100 fields' });
    // A few ms on an idle machine; class-transformer took 3.5 s on the same body. The bound allows a busy machine.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1_000);
  });

  it('counts every value of the document, arrays included', () => {
    expect(findJsonDefect({ items: Array(JSON_LIMITS.maxNodes).fill(0) })).toMatchObject({
      message: 'the document must not hold more than 20000 values',
    });
    expect(findJsonDefect({ items: Array(JSON_LIMITS.maxNodes - 10).fill(0) })).toBeNull();
    const rows = Array.from({ length: 3_000 }, () => ({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }));
    expect(findJsonDefect({ rows })).toMatchObject({ field: expect.stringMatching(/^rows\[\d+\]/) });
  });

  it('caps string length, and key length without echoing the key', () => {
    expect(findJsonDefect({ s: 'x'.repeat(JSON_LIMITS.maxStringLength) })).toBeNull();
    expect(findJsonDefect({ s: 'x'.repeat(JSON_LIMITS.maxStringLength + 1) })).toMatchObject({ field: 's' });
    const defect = findJsonDefect({ ['k'.repeat(10_000)]: 1 });
    expect(defect?.field.length).toBeLessThan(100);
  });
});
