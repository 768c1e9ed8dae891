import type { Application } from './application.entity';
import type { OpenSupplementRequest } from './applications.repository';
import type { CompletenessCheck, Deadline } from './deadline';

/** What the API shows of an application (`GET /applications/{id}` and the list items). */
export function applicationView(
  a: Application,
  extra: {
    deadline: Deadline | null;
    documents?: unknown[];
    supplementRequest?: OpenSupplementRequest | null;
    completenessCheck?: CompletenessCheck | null;
  },
) {
  return {
    id: a.id,
    type: a.type,
    state: a.state,
    version: a.version,
    authorityId: a.authorityId,
    organizationId: a.organizationId,
    licenseId: a.licenseId,
    site: a.site,
    requestedExpiresOn: a.requestedExpiresOn,
    reason: a.reason,
    changeNotice: a.changeNotice,
    late: a.late,
    lateByWorkingDays: a.lateByWorkingDays,
    violationId: a.violationId,
    // flagged to the appraiser: registered sites operating without a license that share a domain (issue 15)
    unlicensedSiteIds: a.unlicensedSiteIds ?? [],
    ...(extra.documents ? { documents: extra.documents } : {}),
    deadline: extra.deadline,
    receivedOn: a.receivedOn,
    clockStartedOn: a.clockStartedOn,
    ...(extra.completenessCheck !== undefined ? { completenessCheck: extra.completenessCheck } : {}),
    organizationName: a.organizationName,
    assigneeId: a.assigneeId,
    recommendation: a.recommendation,
    recommendedBy: a.recommendedBy,
    decisionReason: a.decisionReason,
    ...(extra.supplementRequest !== undefined
      ? {
          supplementRequest: extra.supplementRequest && {
            items: extra.supplementRequest.items,
            reason: extra.supplementRequest.reason,
            requestedAt: extra.supplementRequest.requestedAt,
          },
        }
      : {}),
    createdAt: a.createdAt,
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
    updatedAt: a.updatedAt,
  };
}

export type ApplicationView = ReturnType<typeof applicationView>;
