import { defineMachine } from '../workflow/machine';

export const APPLICATION_STATES = [
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
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_EVENTS = [
  'SUBMIT',
  'START_REVIEW',
  'CONFIRM_COMPLETE',
  'REQUEST_SUPPLEMENT',
  'RESUBMIT',
  'RETURN',
  'RECOMMEND',
  'APPROVE',
  'REJECT',
  'SEND_BACK',
  'WITHDRAW',
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/** Events only the appraiser the dossier is assigned to may fire (START_REVIEW assigns it). */
export const ASSIGNEE_EVENTS: readonly ApplicationEvent[] = [
  'CONFIRM_COMPLETE',
  'REQUEST_SUPPLEMENT',
  'RETURN',
  'RECOMMEND',
];
/** The decision events: never by the person who recommended (four eyes). */
export const DECISION_EVENTS: readonly ApplicationEvent[] = ['APPROVE', 'REJECT', 'SEND_BACK'];
/** States in which the statutory clock runs (unless paused). */
export const CLOCK_STATES: readonly ApplicationState[] = ['IN_APPRAISAL', 'PENDING_DECISION'];
/** States in which the owner may edit the dossier and add documents. */
export const EDITABLE_STATES: readonly ApplicationState[] = ['DRAFT', 'SUPPLEMENT_REQUESTED'];

/**
 * A dossier from filing to decision (Decree 72/2013 art. 23e, 23h): the desk checks completeness, the statutory
 * clock runs from a complete dossier, an appraiser recommends and the authority's leader decides.
 */
export const applicationMachine = defineMachine({
  name: 'application',
  entityType: 'application',
  stateField: 'state',
  states: APPLICATION_STATES,
  initial: 'DRAFT',
  final: ['APPROVED', 'REJECTED', 'RETURNED', 'WITHDRAWN'],
  events: APPLICATION_EVENTS,
  transitions: [
    {
      from: ['DRAFT'],
      event: 'SUBMIT',
      to: 'SUBMITTED',
      roles: ['site_owner'],
      guards: ['particularsValid', 'requiredDocuments'],
      description: 'File the dossier: every required document uploaded and the site particulars valid',
    },
    {
      from: ['SUBMITTED'],
      event: 'START_REVIEW',
      to: 'IN_REVIEW',
      roles: ['appraiser'],
      description: 'An appraiser takes the dossier and is assigned to it',
    },
    {
      from: ['IN_REVIEW'],
      event: 'CONFIRM_COMPLETE',
      to: 'IN_APPRAISAL',
      roles: ['appraiser'],
      description: 'The dossier is complete and valid: the statutory clock starts from zero',
    },
    {
      from: ['IN_REVIEW', 'IN_APPRAISAL'],
      event: 'REQUEST_SUPPLEMENT',
      to: 'SUPPLEMENT_REQUESTED',
      roles: ['appraiser'],
      guards: ['itemsAndReason'],
      description: 'Ask the applicant in writing for the missing items; the clock pauses',
    },
    {
      from: ['SUPPLEMENT_REQUESTED'],
      event: 'RESUBMIT',
      to: 'IN_REVIEW',
      roles: ['site_owner'],
      description: 'The applicant sends the supplement back for review',
    },
    {
      from: ['IN_REVIEW'],
      event: 'RETURN',
      to: 'RETURNED',
      roles: ['appraiser'],
      guards: ['reason'],
      description: 'Return the dossier with a reason (out of scope or wrong authority)',
    },
    {
      from: ['IN_APPRAISAL'],
      event: 'RECOMMEND',
      to: 'PENDING_DECISION',
      roles: ['appraiser'],
      guards: ['recommendation'],
      description: 'Record the appraisal: a recommendation and a checklist entry per required document',
    },
    {
      from: ['PENDING_DECISION'],
      event: 'APPROVE',
      to: 'APPROVED',
      roles: ['approver'],
      guards: ['licenseInForce'],
      description: 'Grant: issue, amend, extend or reissue the license (four eyes)',
    },
    {
      from: ['PENDING_DECISION'],
      event: 'REJECT',
      to: 'REJECTED',
      roles: ['approver'],
      guards: ['reason'],
      description: 'Refuse in writing, with reasons (four eyes)',
    },
    {
      from: ['PENDING_DECISION'],
      event: 'SEND_BACK',
      to: 'IN_APPRAISAL',
      roles: ['approver'],
      guards: ['note'],
      description: 'Send the recommendation back to the appraiser with a note',
    },
    {
      from: ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED', 'IN_APPRAISAL'],
      event: 'WITHDRAW',
      to: 'WITHDRAWN',
      roles: ['site_owner'],
      description: 'The applicant withdraws the dossier',
    },
  ],
});
