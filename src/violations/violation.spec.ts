import { proposalKind } from './violation.entity';

describe('escalation proposals', () => {
  it('proposes a suspension, or a revocation after two suspensions or for a grave type', () => {
    expect(proposalKind(0, false)).toBe('SUSPEND');
    expect(proposalKind(1, false)).toBe('SUSPEND');
    expect(proposalKind(2, false)).toBe('REVOKE');
    expect(proposalKind(0, true)).toBe('REVOKE');
  });
});
