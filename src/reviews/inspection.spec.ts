import { inspectionRecordNumber } from './inspection.entity';

describe('inspection record numbers', () => {
  it('uses the authority code of its license suffix with BB-', () => {
    expect(inspectionRecordNumber(12, 'GP-STTTT')).toBe('12/BB-STTTT');
    expect(inspectionRecordNumber(1, 'GP-TTĐT')).toBe('1/BB-TTĐT');
    expect(inspectionRecordNumber(3, 'STTTT')).toBe('3/BB-STTTT');
  });
});
