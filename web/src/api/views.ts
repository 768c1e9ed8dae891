/**
 * Response shapes the screens read. Requests are typed from the generated `paths` (openapi.d.ts); these answers
 * are not described by the OpenAPI document yet (issue 11 asks for it; another change completes the document).
 * When `npm run web:api` brings their schemas in, replace each with `components['schemas'][…]`.
 */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Deadline {
  dueAt: string;
  workingDaysLeft: number;
  overdue: boolean;
  paused: boolean;
}

export interface Site {
  name?: string;
  domains?: string[];
  contentScope?: string;
  sections?: string[];
  informationSources?: string[];
  serverLocation?: string;
  contentManager?: { fullName?: string; position?: string; phone?: string; email?: string };
}

export interface DocumentView {
  id: string;
  kind: string;
  fileName: string;
  size: number;
  contentType: string;
  createdAt: string;
  superseded: boolean;
}

export interface Application {
  id: string;
  type: string;
  state: string;
  version: number;
  authorityId: string;
  organizationId: string;
  licenseId: string | null;
  site: Site | null;
  requestedExpiresOn: string | null;
  reason: string | null;
  documents?: DocumentView[];
  deadline: Deadline | null;
  assigneeId: string | null;
  recommendation: string | null;
  recommendedBy: string | null;
  decisionReason: string | null;
  supplementRequest?: { items: string[]; reason: string; requestedAt: string } | null;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
}

export interface AllowedTransitions {
  state: string;
  version: number;
  allowed: string[];
}

export interface HistoryEntry {
  at: string;
  actorId: string | null;
  actorRole: string;
  event: string;
  from: string | null;
  to: string;
  reason: string | null;
  data?: Record<string, unknown>;
}

export interface Requirement {
  kind: string;
  title: string;
  titleEn: string;
  required: boolean;
  legalBasis: string;
}

export interface ChecklistEntry {
  kind: string;
  satisfied: boolean;
  note?: string;
}

export interface Appraisal {
  id: string;
  recommendation: string;
  checklist: ChecklistEntry[];
  note: string | null;
  appraiserId: string;
  createdAt: string;
}

export interface License {
  id: string;
  number: string;
  status: string;
  version: number;
  applicationId: string | null;
  name: string;
  domains: string[];
  contentScope: string;
  issuedOn: string;
  expiresOn: string;
  suspendedUntil?: string;
  licensee: { name?: string; address?: string } & Record<string, unknown>;
  suspensionCount: number;
}

export interface LicenseVersion {
  version: number;
  edition: number;
  kind: string;
  applicationId: string | null;
  signedOn: string;
  issuedOn: string;
  expiresOn: string;
  signerTitle: string;
  signerName: string;
}

export interface StaffMember {
  id: string;
  fullName: string;
  email: string;
  role: string;
}
