import { fineInRange, fineRangeFor, individualFine, violationTypeView, type ViolationType } from './violation-type';

const entry: ViolationType = {
  code: 'HOMEPAGE_DISCLOSURE',
  effectiveFrom: '2026-07-01',
  titleVi: 'Trang chủ không ghi đầy đủ thông tin',
  titleEn: 'Homepage disclosure',
  legalBasis: 'Nghị định 174/2026/NĐ-CP, Điều 93',
  minFine: 10_000_000,
  maxFine: 20_000_000,
  additionalMeasures: [],
  remedialMeasures: ['Buộc bổ sung'],
  grave: false,
  verified: false,
  sourceText: 'Nghị định 174/2026/NĐ-CP',
  article: 'Điều 93',
  clause: null,
  deprivationMinMonths: null,
  deprivationMaxMonths: null,
  createdAt: new Date(0),
};

describe('violation catalogue rules', () => {
  it('an individual pays half of an organization fine', () => {
    expect(individualFine(10_000_000)).toBe(5_000_000);
    expect(individualFine(15_000_001)).toBe(7_500_000);
    expect(violationTypeView(entry)).toMatchObject({ individualMinFine: 5_000_000, individualMaxFine: 10_000_000 });
  });

  it('a fine must lie inside the range, bounds included, in whole VND', () => {
    expect(fineInRange(entry, 10_000_000)).toBe(true);
    expect(fineInRange(entry, 20_000_000)).toBe(true);
    expect(fineInRange(entry, 9_999_999)).toBe(false);
    expect(fineInRange(entry, 20_000_001)).toBe(false);
    expect(fineInRange(entry, 15_000_000.5)).toBe(false);
  });

  it('the range follows the offender: an individual pays half, in whole VND inside the halved range', () => {
    expect(fineRangeFor(entry, 'ORGANIZATION')).toEqual({
      minFine: 10_000_000,
      maxFine: 20_000_000,
      offenderKind: 'ORGANIZATION',
    });
    expect(fineRangeFor(entry, 'INDIVIDUAL')).toEqual({
      minFine: 5_000_000,
      maxFine: 10_000_000,
      offenderKind: 'INDIVIDUAL',
    });
    expect(fineRangeFor({ minFine: 15_000_001, maxFine: 20_000_001 }, 'INDIVIDUAL')).toMatchObject({
      minFine: 7_500_001,
      maxFine: 10_000_000,
    });
    expect(fineInRange(entry, 10_000_000, 'INDIVIDUAL')).toBe(true);
    expect(fineInRange(entry, 10_000_001, 'INDIVIDUAL')).toBe(false);
    expect(fineInRange(entry, 4_999_999, 'INDIVIDUAL')).toBe(false);
    expect(fineInRange(entry, 15_000_000, 'INDIVIDUAL')).toBe(false);
  });
});
