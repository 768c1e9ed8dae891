import { formatDate, formatMessage, formatVnd } from './format';

describe('formatMessage (ICU subset)', () => {
  it('fills names and chooses plural forms by locale', () => {
    const m = '{n, plural, one {# working day left} other {# working days left}} for {who}';
    expect(formatMessage(m, { n: 1, who: 'A' }, 'en')).toBe('1 working day left for A');
    expect(formatMessage(m, { n: 3, who: 'A' }, 'en')).toBe('3 working days left for A');
    expect(formatMessage('còn {n, plural, other {# ngày làm việc}}', { n: 2 }, 'vi')).toBe('còn 2 ngày làm việc');
    expect(formatMessage('{n, plural, =0 {none} other {#}}', { n: 0 }, 'en')).toBe('none');
  });
  it('leaves an unknown placeholder visible rather than empty', () => {
    expect(formatMessage('a {b} c')).toBe('a {b} c');
  });
});

describe('dates and money', () => {
  it('writes dates dd/mm/yyyy, instants in Hà Nội time', () => {
    expect(formatDate('2026-03-06')).toBe('06/03/2026');
    expect(formatDate('2026-03-06T16:59:59.999Z')).toBe('06/03/2026'); // 23:59 in Hà Nội
    expect(formatDate('2026-03-06T17:00:00Z')).toBe('07/03/2026');
  });
  it('writes VND without decimals', () => {
    expect(formatVnd(5000000).replace(/\s/g, ' ')).toMatch(/^5\.000\.000 ₫$/);
  });
});
