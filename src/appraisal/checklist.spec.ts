import { assertChecklist, reviewChecklist } from './checklist';

const reqs = [
  { kind: 'APPLICATION_FORM', required: true },
  { kind: 'ASSOCIATION_CHARTER', required: false },
  { kind: 'OPERATION_PLAN', required: true },
];
const all = (satisfied = true) => reqs.map((r) => ({ kind: r.kind, satisfied }));

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe('reviewChecklist', () => {
  it('finds missing, unknown and duplicate kinds', () => {
    const r = reviewChecklist(
      [
        { kind: 'APPLICATION_FORM', satisfied: true },
        { kind: 'APPLICATION_FORM', satisfied: true },
        { kind: 'PASSPORT', satisfied: true },
      ],
      reqs,
    );
    expect(r).toEqual({
      missing: ['ASSOCIATION_CHARTER', 'OPERATION_PLAN'],
      unknown: ['PASSPORT'],
      duplicate: ['APPLICATION_FORM'],
      unsatisfied: [],
    });
  });
});

describe('assertChecklist', () => {
  it('accepts one entry per requirement', () => {
    expect(codeOf(() => assertChecklist('APPROVE', all(), reqs))).toBeUndefined();
  });
  it('refuses an incomplete checklist', () => {
    expect(codeOf(() => assertChecklist('REJECT', all().slice(1), reqs))).toBe('CHECKLIST_INCOMPLETE');
  });
  it('refuses to recommend approval over an unsatisfied required document, but not over an optional one', () => {
    expect(codeOf(() => assertChecklist('APPROVE', all(false), reqs))).toBe('CHECKLIST_NOT_SATISFIED');
    expect(codeOf(() => assertChecklist('REJECT', all(false), reqs))).toBeUndefined();
    const optionalMissing = all().map((e) => (e.kind === 'ASSOCIATION_CHARTER' ? { ...e, satisfied: false } : e));
    expect(codeOf(() => assertChecklist('APPROVE', optionalMissing, reqs))).toBeUndefined();
  });
});
