import { LicensePdfCache } from './license-pdf-cache';

describe('LicensePdfCache', () => {
  it('returns what was put, by digest', () => {
    const c = new LicensePdfCache();
    c.put('a', Buffer.from('pdf-a'));
    expect(c.get('a')?.toString()).toBe('pdf-a');
    expect(c.get('b')).toBeUndefined();
  });

  it('evicts the least recently used entries beyond 16 MiB', () => {
    const c = new LicensePdfCache();
    const mb = (n: number) => Buffer.alloc(n * 1024 * 1024);
    c.put('first', mb(6));
    c.put('second', mb(6));
    expect(c.get('first')).toBeDefined(); // now the most recently used
    c.put('third', mb(6));
    expect(c.get('second')).toBeUndefined();
    expect(c.get('first')).toBeDefined();
    expect(c.get('third')).toBeDefined();
  });

  it('keeps nothing larger than its whole budget', () => {
    const c = new LicensePdfCache();
    c.put('huge', Buffer.alloc(17 * 1024 * 1024));
    expect(c.get('huge')).toBeUndefined();
  });
});
