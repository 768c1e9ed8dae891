import { en } from './en';
import { formatMessage } from './format';
import { vi } from './vi';

describe('the label catalogues', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('have no empty message, and the same placeholders in both languages', () => {
    const placeholders = (m: string) => [...m.matchAll(/\{(\w+)[,}]/g)].map((x) => x[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(vi[key].trim()).not.toBe('');
      expect(en[key].trim()).not.toBe('');
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(vi[key])]);
      // Every message formats (balanced braces).
      expect(() => formatMessage(vi[key], { n: 2 }, 'vi')).not.toThrow();
      expect(() => formatMessage(en[key], { n: 2 }, 'en')).not.toThrow();
    }
  });

  it('write Vietnamese with its diacritics (a catalogue saved without them would read as English words)', () => {
    const text = Object.values(vi).join(' ');
    expect(text).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
  });
});
