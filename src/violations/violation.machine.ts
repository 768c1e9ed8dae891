import { defineMachine } from '../workflow/machine';

export const VIOLATION_STATES = ['OPEN', 'SANCTIONED', 'RESOLVED', 'DISMISSED', 'ESCALATED'] as const;
export type ViolationState = (typeof VIOLATION_STATES)[number];
export const VIOLATION_EVENTS = ['SANCTION', 'DISMISS', 'CONFIRM_REMEDIED', 'ESCALATE'] as const;
export type ViolationEvent = (typeof VIOLATION_EVENTS)[number];

/**
 * A violation found at a licensed site, judged by the catalogue entry in force on the day it was found. A
 * sanction is decided by an inspector or the approver (a decision number and a fine within the entry's range);
 * an escalation proposes a suspension or a revocation to the approver, never acts alone (Decree 72/2013
 * art. 23(11)–(12); Decree 119/2020).
 */
export const violationMachine = defineMachine({
  name: 'violation',
  entityType: 'violation',
  stateField: 'state',
  states: VIOLATION_STATES,
  initial: 'OPEN',
  final: ['RESOLVED', 'DISMISSED', 'ESCALATED'],
  events: VIOLATION_EVENTS,
  transitions: [
    {
      from: ['OPEN'],
      event: 'SANCTION',
      to: 'SANCTIONED',
      roles: ['inspector', 'approver'],
      guards: ['sanctionDecision'],
      description:
        "Sanction with a decision number and a fine within the catalogue entry's range; optional remedy date",
    },
    {
      from: ['OPEN'],
      event: 'DISMISS',
      to: 'DISMISSED',
      roles: ['inspector', 'approver'],
      guards: ['reasonGiven'],
      description: 'No violation after all, with a reason',
    },
    {
      from: ['SANCTIONED'],
      event: 'CONFIRM_REMEDIED',
      to: 'RESOLVED',
      roles: ['inspector', 'approver'],
      description: 'The licensee remedied the violation',
    },
    {
      from: ['OPEN', 'SANCTIONED'],
      event: 'ESCALATE',
      to: 'ESCALATED',
      roles: ['inspector', 'approver', 'system'],
      guards: ['escalationGrounds'],
      description:
        'A grave type (from OPEN or SANCTIONED), or a remedy date that passed (SANCTIONED; the scheduler does it ' +
        'the next day): proposes a suspension — a revocation after two suspensions or for a grave type',
    },
  ],
});

export const PROPOSAL_STATES = ['OPEN', 'ACTED', 'DISMISSED'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const PROPOSAL_EVENTS = ['ACT', 'DISMISS'] as const;

/**
 * An enforcement proposal in the approver's queue. The approver acts on the license itself
 * (POST /licenses/{id}/transitions) and then closes the proposal: ACT checks the license really was suspended or
 * revoked; DISMISS needs a reason.
 */
export const enforcementProposalMachine = defineMachine({
  name: 'enforcement-proposal',
  entityType: 'enforcement_proposal',
  stateField: 'state',
  states: PROPOSAL_STATES,
  initial: 'OPEN',
  final: ['ACTED', 'DISMISSED'],
  events: PROPOSAL_EVENTS,
  transitions: [
    {
      from: ['OPEN'],
      event: 'ACT',
      to: 'ACTED',
      roles: ['approver'],
      guards: ['licenseActedOn'],
      description: 'The approver suspended or revoked the license as proposed',
    },
    {
      from: ['OPEN'],
      event: 'DISMISS',
      to: 'DISMISSED',
      roles: ['approver'],
      guards: ['reasonGiven'],
      description: 'The approver decides not to act, with a reason',
    },
  ],
});
