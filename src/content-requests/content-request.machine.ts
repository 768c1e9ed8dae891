import { defineMachine } from '../workflow/machine';

export const CONTENT_REQUEST_STATES = [
  'ISSUED',
  'ANSWERED',
  'RETURNED',
  'ACCEPTED',
  'VIOLATION_RECORDED',
  'WITHDRAWN',
] as const;
export type ContentRequestState = (typeof CONTENT_REQUEST_STATES)[number];
export const CONTENT_REQUEST_EVENTS = ['ANSWER', 'ACCEPT', 'RETURN', 'RECORD_VIOLATION', 'WITHDRAW'] as const;
export type ContentRequestEvent = (typeof CONTENT_REQUEST_EVENTS)[number];

/**
 * A correction or removal request to a licensee (the provincial plan: "correct the activities of general sites";
 * Decree 147/2024: remove unlawful content within 3 hours of a request). The licensee answers (what was done, with
 * evidence); the authority accepts or returns the answer. A missed deadline is a flag with a proposed violation
 * (set by the deadline watch, never a transition): the inspector decides, logs the violation (POST /violations) and
 * records it here.
 */
export const contentRequestMachine = defineMachine({
  name: 'content-request',
  entityType: 'content_request',
  stateField: 'state',
  states: CONTENT_REQUEST_STATES,
  initial: 'ISSUED',
  final: ['ACCEPTED', 'VIOLATION_RECORDED', 'WITHDRAWN'],
  events: CONTENT_REQUEST_EVENTS,
  transitions: [
    {
      from: ['ISSUED', 'RETURNED'],
      event: 'ANSWER',
      to: 'ANSWERED',
      roles: ['site_owner'],
      guards: ['responseGiven'],
      description: 'The licensee says what was done (`response`); evidence is uploaded to the request',
    },
    {
      from: ['ANSWERED'],
      event: 'ACCEPT',
      to: 'ACCEPTED',
      roles: ['inspector', 'approver'],
      description: 'The authority checked the site and accepts the answer',
    },
    {
      from: ['ANSWERED'],
      event: 'RETURN',
      to: 'RETURNED',
      roles: ['inspector', 'approver'],
      guards: ['reasonGiven'],
      description: 'Not done as asked (`reason`); the original deadline still runs',
    },
    {
      from: ['ISSUED', 'RETURNED', 'ANSWERED'],
      event: 'RECORD_VIOLATION',
      to: 'VIOLATION_RECORDED',
      roles: ['inspector', 'approver'],
      guards: ['deadlineMissed', 'violationOfLicense'],
      description:
        'After a missed deadline, the inspector decided: `violationId` names the violation logged against the license',
    },
    {
      from: ['ISSUED', 'RETURNED', 'ANSWERED'],
      event: 'WITHDRAW',
      to: 'WITHDRAWN',
      roles: ['inspector', 'approver'],
      guards: ['reasonGiven'],
      description: 'The request is withdrawn, with a reason',
    },
  ],
});
