import { defineMachine } from '../workflow/machine';

export const UNIT_REPORT_STATES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const;
export type UnitReportState = (typeof UNIT_REPORT_STATES)[number];
export const UNIT_REPORT_EVENTS = ['SUBMIT', 'ACCEPT', 'RETURN'] as const;

/**
 * A unit's half-yearly or annual return to the department (the provincial plan: units and localities report every
 * 6 months and every year, the annual before 1 December). Lateness is a flag measured at the first SUBMIT.
 */
export const unitReportMachine = defineMachine({
  name: 'unit-report',
  entityType: 'unit_report',
  stateField: 'state',
  states: UNIT_REPORT_STATES,
  initial: 'DRAFT',
  final: ['ACCEPTED'],
  events: UNIT_REPORT_EVENTS,
  transitions: [
    {
      from: ['DRAFT', 'RETURNED'],
      event: 'SUBMIT',
      to: 'SUBMITTED',
      roles: ['reporting_unit'],
      description: "The unit files its return (figures, text, attachments); late when after the period's due date",
    },
    {
      from: ['SUBMITTED'],
      event: 'ACCEPT',
      to: 'ACCEPTED',
      roles: ['approver', 'inspector'],
      description: 'The department takes the return into its synthesis',
    },
    {
      from: ['SUBMITTED'],
      event: 'RETURN',
      to: 'RETURNED',
      roles: ['approver', 'inspector'],
      guards: ['reasonGiven'],
      description: 'Sent back to the unit with a reason',
    },
  ],
});
