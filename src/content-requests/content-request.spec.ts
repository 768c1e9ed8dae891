import { proposedViolationType, removalDueAt } from './content-request.entity';
import { contentRequestMachine } from './content-request.machine';

describe('content requests', () => {
  it('a removal is due hours after issue, on the clock (nights and weekends count)', () => {
    // Saturday 22:30 in Vietnam → Sunday 01:30
    expect(removalDueAt(new Date('2026-12-05T15:30:00Z'), 3).toISOString()).toBe('2026-12-05T18:30:00.000Z');
  });

  it('proposes the catalogue entry that fits what was not done', () => {
    expect(proposedViolationType({ kind: 'REMOVAL', items: [] })).toBe('FALSE_OR_ILLEGAL_LINKS');
    expect(proposedViolationType({ kind: 'CORRECTION', items: [{ code: 'EDITED_TITLES', description: 'x' }] })).toBe(
      'OWN_NEWS_PRODUCTION',
    );
    expect(
      proposedViolationType({ kind: 'CORRECTION', items: [{ code: 'MISSING_SOURCE_CITATION', description: 'x' }] }),
    ).toBe('CITATION_NOT_VERBATIM');
  });

  it('the missed deadline is a flag, never a transition of the system', () => {
    for (const t of contentRequestMachine.transitions) expect(t.roles).not.toContain('system');
  });
});
