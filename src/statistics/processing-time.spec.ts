import { countsBy, summarizeDurations } from './processing-time';

describe('statistics helpers', () => {
  it('average and worst processing time', () => {
    expect(summarizeDurations([])).toEqual({ count: 0, average: null, worst: null });
    expect(summarizeDurations([4, 10])).toEqual({ count: 2, average: 7, worst: 10 });
    expect(summarizeDurations([1, 2, 2])).toEqual({ count: 3, average: 1.7, worst: 2 });
  });

  it('counts with every key present', () => {
    expect(
      countsBy(['A', 'B', 'C'] as const, [
        { key: 'B', n: 2 },
        { key: 'Z', n: 9 },
      ]),
    ).toEqual({ A: 0, B: 2, C: 0 });
  });
});
