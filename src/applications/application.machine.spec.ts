import { describeMachine } from '../workflow/machine';
import { applicationMachine } from './application.machine';

/** The contract's table (docs/applications.md, the lifecycle table), row by row. */
const CONTRACT: [string[], string, string, string][] = [
  [['DRAFT'], 'SUBMIT', 'SUBMITTED', 'site_owner'],
  [['SUBMITTED'], 'START_REVIEW', 'IN_REVIEW', 'appraiser'],
  [['IN_REVIEW'], 'CONFIRM_COMPLETE', 'IN_APPRAISAL', 'appraiser'],
  [['IN_REVIEW', 'IN_APPRAISAL'], 'REQUEST_SUPPLEMENT', 'SUPPLEMENT_REQUESTED', 'appraiser'],
  [['SUPPLEMENT_REQUESTED'], 'RESUBMIT', 'IN_REVIEW', 'site_owner'],
  [['IN_REVIEW'], 'RETURN', 'RETURNED', 'appraiser'],
  [['IN_APPRAISAL'], 'RECOMMEND', 'PENDING_DECISION', 'appraiser'],
  [['PENDING_DECISION'], 'APPROVE', 'APPROVED', 'approver'],
  [['PENDING_DECISION'], 'REJECT', 'REJECTED', 'approver'],
  [['PENDING_DECISION'], 'SEND_BACK', 'IN_APPRAISAL', 'approver'],
  [['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED', 'IN_APPRAISAL'], 'WITHDRAW', 'WITHDRAWN', 'site_owner'],
];

describe('applicationMachine', () => {
  it('is exactly the contract table', () => {
    const expected = CONTRACT.flatMap(([froms, event, to, role]) =>
      froms.map((from) => ({ from, event, to, roles: [role] })),
    );
    const actual = describeMachine(applicationMachine).transitions.map(({ from, event, to, roles }) => ({
      from,
      event,
      to,
      roles,
    }));
    expect(actual).toEqual(expected);
  });

  it('has the contract states and events', () => {
    expect(applicationMachine.states).toEqual([
      'DRAFT',
      'SUBMITTED',
      'IN_REVIEW',
      'SUPPLEMENT_REQUESTED',
      'IN_APPRAISAL',
      'PENDING_DECISION',
      'APPROVED',
      'REJECTED',
      'RETURNED',
      'WITHDRAWN',
    ]);
    expect(applicationMachine.final).toEqual(['APPROVED', 'REJECTED', 'RETURNED', 'WITHDRAWN']);
  });
});
