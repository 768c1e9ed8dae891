import { defineMachine } from '../workflow/machine';

export const REPORT_STATES = ['DUE', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const REPORT_EVENTS = ['SUBMIT', 'ACCEPT', 'RETURN'] as const;
export type ReportEvent = (typeof REPORT_EVENTS)[number];

/**
 * A periodic (annual, Form 03) or ad hoc report of a licensed site (Circular 09/2014 art. 9). `overdue` is not a
 * state: it is derived (DUE or RETURNED and past its due date).
 */
export const reportMachine = defineMachine({
  name: 'report',
  entityType: 'report',
  stateField: 'state',
  states: REPORT_STATES,
  initial: 'DUE',
  final: ['ACCEPTED'],
  events: REPORT_EVENTS,
  transitions: [
    {
      from: ['DUE', 'RETURNED'],
      event: 'SUBMIT',
      to: 'SUBMITTED',
      roles: ['site_owner'],
      description: 'The licensee files the report (POST /reports), with its structured content',
    },
    {
      from: ['SUBMITTED'],
      event: 'ACCEPT',
      to: 'ACCEPTED',
      roles: ['appraiser'],
      description: 'The authority accepts the report',
    },
    {
      from: ['SUBMITTED'],
      event: 'RETURN',
      to: 'RETURNED',
      roles: ['appraiser'],
      guards: ['reasonGiven'],
      description: 'The authority returns the report for correction, with a reason; the licensee submits it again',
    },
  ],
});
