import type { Actor } from './roles';
import { isStaffRole } from './roles';

/**
 * Who may see a record of an organization under an authority (license, report, inspection, violation, …): the organization's site owners, the staff of
 * its authority, and admins. Anyone else gets a 404 (never leak existence).
 */
export function visibleTo(actor: Actor, record: { authorityId: string; organizationId: string | null }): boolean {
  if (actor.role === 'admin' || actor.role === 'system') return true;
  if (actor.role === 'site_owner')
    return Boolean(actor.organizationId) && actor.organizationId === record.organizationId;
  if (isStaffRole(actor.role)) return Boolean(actor.authorityId) && actor.authorityId === record.authorityId;
  return false;
}

/** The SQL filter matching `visibleTo` for lists: appends parameters and returns a condition on alias `a`. */
export function visibilityClause(actor: Actor, params: unknown[], alias: string): string {
  if (actor.role === 'admin' || actor.role === 'system') return 'TRUE';
  if (actor.role === 'site_owner') {
    if (!actor.organizationId) return 'FALSE';
    return `${alias}.organization_id = $${params.push(actor.organizationId)}`;
  }
  if (isStaffRole(actor.role) && actor.authorityId) return `${alias}.authority_id = $${params.push(actor.authorityId)}`;
  return 'FALSE';
}
