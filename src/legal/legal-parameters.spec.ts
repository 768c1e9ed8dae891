import { resolveLines } from './legal-bases.service';
import { FUNCTION_BASIS_TOKEN, LEGAL_PARAMETERS, parameterDefinition, processingKey } from './legal-catalog';
import { typedValue, valueProblem } from './legal-parameters.service';

describe('legal parameters', () => {
  it('every key has versions in date order, within its bounds, with a basis', () => {
    for (const p of LEGAL_PARAMETERS) {
      const dates = p.versions.map((v) => v.effectiveFrom);
      expect([...dates].sort()).toEqual(dates);
      for (const v of p.versions) {
        expect(valueProblem(p, v.value)).toBeNull();
        expect(v.basis.trim()).not.toBe('');
      }
      // Decree 147 is the law in force: its rows are unverified until the legal staff confirm the article.
      expect(p.versions.at(-1)?.effectiveFrom).toBe('2024-12-25');
    }
  });

  it('checks a value against the unit and bounds of its key', () => {
    const days = parameterDefinition('PROCESSING_WORKING_DAYS_NEW')!;
    expect(valueProblem(days, 15)).toBeNull();
    expect(valueProblem(days, 0)).toBe('must be at least 1');
    expect(valueProblem(days, 366)).toBe('must be at most 365');
    expect(valueProblem({ ...days, min: undefined, max: undefined }, -1)).toBe('must be between 0 and 1000000');
    expect(valueProblem({ ...days, min: undefined, max: undefined }, 1e300)).toBe('must be between 0 and 1000000');
    expect(valueProblem(days, 2.5)).toBe('must be an integer');
    expect(valueProblem(days, '15')).toBe('must be an integer');
    const due = parameterDefinition('ANNUAL_REPORT_DUE_MONTH_DAY')!;
    expect(valueProblem(due, '01-15')).toBeNull();
    expect(valueProblem(due, '02-29')).toBeNull();
    expect(valueProblem(due, '02-30')).toBe('must be a day of the year MM-DD');
    expect(valueProblem(due, 115)).toBe('must be a day of the year MM-DD');
  });

  it('reads stored text as the unit says', () => {
    expect(typedValue({ unit: 'hours', value: '3' })).toBe(3);
    expect(typedValue({ unit: 'month_day', value: '01-15' })).toBe('01-15');
  });

  it('names the processing period of each application type', () => {
    expect(processingKey('NEW')).toBe('PROCESSING_WORKING_DAYS_NEW');
    expect(processingKey('CHANGE_NOTICE')).toBe('CHANGE_NOTICE_CONFIRMATION_WORKING_DAYS');
    for (const t of ['NEW', 'AMENDMENT', 'EXTENSION', 'REISSUE', 'CHANGE_NOTICE'] as const) {
      expect(parameterDefinition(processingKey(t))).toBeDefined();
    }
  });
});

describe('legal bases', () => {
  it('puts the authority’s function decision in place of its token', () => {
    const lines = ['Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016;', FUNCTION_BASIS_TOKEN];
    expect(resolveLines(lines, { name: 'Sở Văn hóa và Thể thao', functionBasis: null })[1]).toBe(
      'Căn cứ quy định về chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Văn hóa và Thể thao;',
    );
    expect(resolveLines(lines, { name: 'x', functionBasis: 'Căn cứ Quyết định số 12/2025/QĐ-UBND' })[1]).toBe(
      'Căn cứ Quyết định số 12/2025/QĐ-UBND;',
    );
  });
});
