import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';

/**
 * The seam between the application lifecycle and the license module. The applications module calls the
 * ApprovalHandler inside the APPROVE transaction; the licenses module provides it (token APPROVAL_HANDLER) and
 * the LicenseLookup the applications module uses to validate AMENDMENT / EXTENSION / REISSUE / CHANGE_NOTICE.
 * Neither module imports the other's internals.
 */

export type ApplicationType = 'NEW' | 'AMENDMENT' | 'EXTENSION' | 'REISSUE' | 'CHANGE_NOTICE';

/** The licensed particulars of a site, as filed in a dossier and printed on the license. */
export interface SiteParticulars {
  name: string;
  domains: string[];
  contentScope: string;
  /** Sections (chuyên mục), optional. */
  sections?: string[];
  informationSources: string[];
  serverLocation: string;
  contentManager: { fullName: string; position: string; phone: string; email: string };
}

/** A change notice's particulars (new owner and/or head-office address), filled in by the change-notice flow. */
export interface ChangeNoticeParticulars {
  /** YYYY-MM-DD, the day the change took effect (the 10 working days of Decree 72/2013 art. 23h run from it). */
  changedOn: string;
  newOwner?: string;
  newHeadOfficeAddress?: string;
}

export interface ApprovedApplication {
  id: string;
  type: ApplicationType;
  authorityId: string;
  organizationId: string;
  /** The license an AMENDMENT / EXTENSION / REISSUE / CHANGE_NOTICE concerns; null for NEW. */
  licenseId: string | null;
  /** NEW: every particular. AMENDMENT: the particulars as they will be (merged by the applications module). */
  site: SiteParticulars | null;
  /** YYYY-MM-DD requested by the applicant; null → the longest term the law allows. */
  requestedExpiresOn: string | null;
  reason: string | null;
  changeNotice?: ChangeNoticeParticulars | null;
  /** AMENDMENT: the organization's new name (with its proof document); null or absent when the name is unchanged. */
  organizationName?: string | null;
  /** The decision's calendar date in the authority's time zone (YYYY-MM-DD). */
  decidedOn: string;
}

export interface ApprovalHandler {
  /** Issues, amends, extends, reissues or updates the license, in the caller's transaction. */
  onApproved(em: EntityManager, application: ApprovedApplication, actor: Actor): Promise<{ licenseId: string }>;
}
export const APPROVAL_HANDLER = Symbol('APPROVAL_HANDLER');

/** An approved (confirmed) change notice, as the confirmation letter needs it. */
export interface ConfirmedChangeNotice {
  applicationId: string;
  authorityId: string;
  organizationId: string;
  licenseId: string;
  changeNotice: ChangeNoticeParticulars;
  /** The SUBMIT date in the authority's time zone (YYYY-MM-DD). */
  receivedOn: string;
  late: boolean;
  /** The decision's calendar date in the authority's time zone (YYYY-MM-DD). */
  decidedOn: string;
}

/**
 * Writes the confirmation letter of a change notice inside the APPROVE transaction, before the license is updated
 * (so it reads the particulars as they were). Provided by the change-notices module (token CHANGE_NOTICE_CONFIRMER).
 */
export interface ChangeNoticeConfirmer {
  confirm(em: EntityManager, notice: ConfirmedChangeNotice, actor: Actor): Promise<{ letterNumber: string }>;
}
export const CHANGE_NOTICE_CONFIRMER = Symbol('CHANGE_NOTICE_CONFIRMER');

/** What an application needs to know about an existing license. */
export interface LicenseFacts {
  id: string;
  number: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'EXPIRED' | 'TERMINATED';
  organizationId: string;
  authorityId: string;
  issuedOn: string;
  expiresOn: string;
  /** Extensions granted so far (the law allows at most 2). */
  extensionCount: number;
  site: SiteParticulars;
}

export interface LicenseLookup {
  find(em: EntityManager, licenseId: string): Promise<LicenseFacts | null>;
}
export const LICENSE_LOOKUP = Symbol('LICENSE_LOOKUP');
