import { defineMachine } from '../workflow/machine';

export const INSPECTION_STATES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];
export const INSPECTION_EVENTS = ['START', 'COMPLETE', 'CANCEL'] as const;
export type InspectionEvent = (typeof INSPECTION_EVENTS)[number];

/**
 * An inspection of a licensed site by the authority's inspectors. Its outcome is a written record (biên bản kiểm
 * tra) numbered on COMPLETE, and, where something is wrong, violations linked to it (docs/legal-basis.md, "Periodic review").
 */
export const inspectionMachine = defineMachine({
  name: 'inspection',
  entityType: 'inspection',
  stateField: 'state',
  states: INSPECTION_STATES,
  initial: 'PLANNED',
  final: ['COMPLETED', 'CANCELLED'],
  events: INSPECTION_EVENTS,
  transitions: [
    {
      from: ['PLANNED'],
      event: 'START',
      to: 'IN_PROGRESS',
      roles: ['inspector'],
      description: 'The team begins the inspection',
    },
    {
      from: ['IN_PROGRESS'],
      event: 'COMPLETE',
      to: 'COMPLETED',
      roles: ['inspector'],
      guards: ['findingsAndConclusion'],
      description: 'Close with findings and a conclusion (remedies optional); the record gets its number',
    },
    {
      from: ['PLANNED', 'IN_PROGRESS'],
      event: 'CANCEL',
      to: 'CANCELLED',
      roles: ['inspector'],
      guards: ['reasonGiven'],
      description: 'Call the inspection off, with a reason',
    },
  ],
});
