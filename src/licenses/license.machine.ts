import { defineMachine } from '../workflow/machine';
import { LICENSE_STATUSES } from './license.entity';

export const LICENSE_EVENTS = ['SUSPEND', 'REINSTATE', 'REVOKE', 'SURRENDER', 'EXPIRE'] as const;
export type LicenseEvent = (typeof LICENSE_EVENTS)[number];

/**
 * The license lifecycle (Decree 72/2013 art. 23(6), 23(11)–(12)). Amendments, extensions and reissues keep the
 * license ACTIVE and raise its version; they are issuances (license-issuer.ts), not transitions.
 */
export const licenseMachine = defineMachine({
  name: 'license',
  entityType: 'license',
  stateField: 'status',
  states: LICENSE_STATUSES,
  initial: 'ACTIVE',
  final: ['REVOKED', 'EXPIRED', 'TERMINATED'],
  events: LICENSE_EVENTS,
  transitions: [
    {
      from: ['ACTIVE'],
      event: 'SUSPEND',
      to: 'SUSPENDED',
      roles: ['approver'],
      guards: ['suspensionDecision', 'suspensionLength'],
      description:
        'Suspend until a date (at most 3 months by default), with a reason and a decision number; a second ' +
        'suspension proposes revocation to the approvers (Decree 72/2013 art. 23(11)–(12))',
    },
    {
      from: ['SUSPENDED'],
      event: 'REINSTATE',
      to: 'ACTIVE',
      roles: ['approver', 'system'],
      description: 'End a suspension: by the approver, or by the system the day after `until`',
    },
    {
      from: ['ACTIVE', 'SUSPENDED'],
      event: 'REVOKE',
      to: 'REVOKED',
      roles: ['approver'],
      guards: ['reasonGiven'],
      description: 'Revoke the license, with a reason (Decree 72/2013 art. 23(12))',
    },
    {
      from: ['ACTIVE', 'SUSPENDED'],
      event: 'SURRENDER',
      to: 'TERMINATED',
      roles: ['site_owner'],
      description: 'The licensee gives the license up (no rule in the texts: recorded as a surrender)',
    },
    {
      from: ['ACTIVE', 'SUSPENDED'],
      event: 'EXPIRE',
      to: 'EXPIRED',
      roles: ['system'],
      description: 'The day after `expiresOn`: no grace period (Decree 72/2013 art. 23(6))',
    },
  ],
});
