import { defineMachine } from '../workflow/machine';

export const UNLICENSED_SITE_STATES = [
  'REPORTED',
  'UNDER_REVIEW',
  'DIRECTED_TO_APPLY',
  'SANCTIONED',
  'LICENSED',
  'CEASED',
  'DISMISSED',
] as const;
export type UnlicensedSiteState = (typeof UNLICENSED_SITE_STATES)[number];
export const UNLICENSED_SITE_EVENTS = [
  'START_REVIEW',
  'DIRECT_TO_APPLY',
  'SANCTION',
  'MARK_LICENSED',
  'MARK_CEASED',
  'DISMISS',
] as const;
export type UnlicensedSiteEvent = (typeof UNLICENSED_SITE_EVENTS)[number];

/**
 * A site found operating as a general e-information site without a license. The authority reviews it, directs the
 * operator in a numbered letter to apply for a license (the provincial plan: "check, review and direct units to
 * apply for licenses"; Decree 147/2024), and closes it when the NEW application that followed is approved
 * (LICENSED), when the site stops (CEASED), or records a sanction (a NO_LICENSE violation, Decree 119/2020 art.
 * 20): a sanctioned site must still stop or be licensed, so SANCTIONED is not final.
 */
export const unlicensedSiteMachine = defineMachine({
  name: 'unlicensed-site',
  entityType: 'unlicensed_site',
  stateField: 'state',
  states: UNLICENSED_SITE_STATES,
  initial: 'REPORTED',
  final: ['LICENSED', 'CEASED', 'DISMISSED'],
  events: UNLICENSED_SITE_EVENTS,
  transitions: [
    {
      from: ['REPORTED'],
      event: 'START_REVIEW',
      to: 'UNDER_REVIEW',
      roles: ['inspector', 'appraiser'],
      description: 'The authority checks the report and its evidence',
    },
    {
      from: ['UNDER_REVIEW'],
      event: 'DIRECT_TO_APPLY',
      to: 'DIRECTED_TO_APPLY',
      roles: ['inspector', 'approver'],
      guards: ['operatorKnown', 'applyByGiven'],
      description:
        'A numbered letter (PDF) directs the known operator to apply for a license by `applyBy` and to stop until then',
    },
    {
      from: ['UNDER_REVIEW', 'DIRECTED_TO_APPLY'],
      event: 'SANCTION',
      to: 'SANCTIONED',
      roles: ['inspector', 'approver'],
      guards: ['noLicenseViolationSanctioned'],
      description: 'Records the sanction: `violationId` names a SANCTIONED NO_LICENSE violation of this site',
    },
    {
      from: ['UNDER_REVIEW', 'DIRECTED_TO_APPLY', 'SANCTIONED'],
      event: 'MARK_LICENSED',
      to: 'LICENSED',
      roles: ['inspector', 'appraiser'],
      guards: ['licensedApplication'],
      description: "`applicationId`: an APPROVED NEW application of the authority naming one of the site's domains",
    },
    {
      from: ['UNDER_REVIEW', 'DIRECTED_TO_APPLY', 'SANCTIONED'],
      event: 'MARK_CEASED',
      to: 'CEASED',
      roles: ['inspector'],
      guards: ['reasonGiven'],
      description: 'The site stopped operating (how it was checked, in `reason`)',
    },
    {
      from: ['REPORTED', 'UNDER_REVIEW'],
      event: 'DISMISS',
      to: 'DISMISSED',
      roles: ['inspector', 'approver'],
      guards: ['reasonGiven'],
      description: 'Not a general e-information site needing a license after all, with a reason',
    },
  ],
});
