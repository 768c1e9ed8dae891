/**
 * `reporting_unit` (issue 15): an account of a provincial department, a district People's Committee or a mass
 * organization that files its unit's half-yearly and annual returns and nothing else.
 */
export const ROLES = ['site_owner', 'appraiser', 'approver', 'inspector', 'admin', 'reporting_unit'] as const;
export type Role = (typeof ROLES)[number];

/** Staff belong to one authority and see only its records. */
export const STAFF_ROLES = ['appraiser', 'approver', 'inspector'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** Who did something: a user, the scheduler (`system`), or an anonymous caller of a public endpoint. */
export interface Actor {
  id: string | null;
  role: Role | 'system' | 'anonymous';
  authorityId?: string | null;
  organizationId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, role: 'system' };
export const ANONYMOUS_ACTOR: Actor = { id: null, role: 'anonymous' };
