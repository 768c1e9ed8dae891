import { returnStatus, sumFigures } from './unit-reporting.entity';

describe('unit reporting rules', () => {
  it('a return not filed by its due day is overdue; one filed is not, late or not', () => {
    expect(returnStatus(null, '2026-11-30', '2026-11-30')).toEqual({ state: 'MISSING', overdue: false, late: false });
    expect(returnStatus(null, '2026-11-30', '2026-12-01')).toEqual({ state: 'MISSING', overdue: true, late: false });
    expect(returnStatus({ state: 'DRAFT', late: null }, '2026-11-30', '2026-12-01').overdue).toBe(true);
    expect(returnStatus({ state: 'SUBMITTED', late: true }, '2026-11-30', '2026-12-05')).toEqual({
      state: 'SUBMITTED',
      overdue: false,
      late: true,
    });
  });

  it('adds up the units figures', () => {
    const a = {
      sitesReviewed: 3,
      unlicensedSitesFound: 1,
      unitsDirectedToApply: 1,
      violationsHandled: 0,
      finesVnd: 0,
      contentRemovals: 2,
    };
    const b = { ...a, sitesReviewed: 4, finesVnd: 10_000_000 };
    expect(sumFigures([a, b])).toMatchObject({ sitesReviewed: 7, finesVnd: 10_000_000, contentRemovals: 4 });
  });
});
