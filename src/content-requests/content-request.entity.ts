import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OfficialLetterPdfData } from '../pdf/official-letter';
import type { ContentRequestState } from './content-request.machine';

export const CONTENT_REQUEST_KINDS = ['CORRECTION', 'REMOVAL'] as const;
export type ContentRequestKind = (typeof CONTENT_REQUEST_KINDS)[number];

/** What a correction request may list (the provincial plan's words), and the catalogue entry a failure suggests. */
export const CORRECTION_ITEM_CODES = [
  'OWN_NEWS_PRODUCTION',
  'EDITED_TITLES',
  'OUT_OF_SCOPE',
  'MISSING_SOURCE_CITATION',
  'OTHER',
] as const;
export type CorrectionItemCode = (typeof CORRECTION_ITEM_CODES)[number];

export interface CorrectionItem {
  code: CorrectionItemCode;
  description: string;
  url?: string;
}

@Entity('content_requests')
export class ContentRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'authority_id', type: 'uuid' }) authorityId: string;
  @Column({ name: 'license_id', type: 'uuid' }) licenseId: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ type: 'text' }) kind: ContentRequestKind;
  @Column({ type: 'jsonb' }) items: CorrectionItem[];
  @Column({ type: 'text', array: true }) urls: string[];
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn: string;
  @Column({ name: 'deadline_working_days', type: 'int', nullable: true }) deadlineWorkingDays: number | null;
  @Column({ name: 'deadline_hours', type: 'int', nullable: true }) deadlineHours: number | null;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'text' }) state: ContentRequestState;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'letter_number', type: 'text' }) letterNumber: string;
  @Column({ name: 'letter_year', type: 'int' }) letterYear: number;
  @Column({ name: 'letter_seq', type: 'int' }) letterSeq: number;
  @Column({ name: 'letter_document', type: 'jsonb' }) letterDocument: OfficialLetterPdfData;
  @Column({ name: 'letter_pdf_sha256', type: 'text' }) letterPdfSha256: string;
  @Column({ type: 'text', nullable: true }) response: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ name: 'answered_late', type: 'boolean', nullable: true }) answeredLate: boolean | null;
  @Column({ name: 'answer_count', type: 'int' }) answerCount: number;
  /** Flag: the deadline passed with no accepted answer (set by the deadline watch). */
  @Column({ name: 'missed_at', type: 'timestamptz', nullable: true }) missedAt: Date | null;
  @Column({ name: 'proposed_violation_type', type: 'text', nullable: true }) proposedViolationType: string | null;
  @Column({ name: 'violation_id', type: 'uuid', nullable: true }) violationId: string | null;
  @Column({ name: 'closing_note', type: 'text', nullable: true }) closingNote: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/**
 * The catalogue entry an inspector is proposed when a request's deadline is missed: a removal not made → links to
 * or posting of unlawful content; a correction → the first listed item's own entry (Decree 119/2020 art. 20).
 */
export function proposedViolationType(r: Pick<ContentRequest, 'kind' | 'items'>): string {
  if (r.kind === 'REMOVAL') return 'FALSE_OR_ILLEGAL_LINKS';
  const byItem: Record<CorrectionItemCode, string> = {
    OWN_NEWS_PRODUCTION: 'OWN_NEWS_PRODUCTION',
    EDITED_TITLES: 'OWN_NEWS_PRODUCTION',
    OUT_OF_SCOPE: 'OUT_OF_SCOPE',
    MISSING_SOURCE_CITATION: 'CITATION_NOT_VERBATIM',
    OTHER: 'OUT_OF_SCOPE',
  };
  return byItem[r.items[0]?.code ?? 'OTHER'];
}

/** When a request is due: a removal `hours` after issue on the clock; a correction at the end of its last working day. */
export function removalDueAt(issuedAt: Date, hours: number): Date {
  return new Date(issuedAt.getTime() + hours * 3_600_000);
}

export function contentRequestView(r: ContentRequest) {
  return {
    id: r.id,
    authorityId: r.authorityId,
    licenseId: r.licenseId,
    organizationId: r.organizationId,
    kind: r.kind,
    items: r.items,
    urls: r.urls,
    description: r.description,
    state: r.state,
    version: r.version,
    issuedAt: r.issuedAt,
    deadline:
      r.kind === 'REMOVAL'
        ? { unit: 'HOURS', amount: r.deadlineHours, dueAt: r.dueAt }
        : { unit: 'WORKING_DAYS', amount: r.deadlineWorkingDays, dueAt: r.dueAt },
    letter: { number: r.letterNumber, signedOn: r.issuedOn, sha256: r.letterPdfSha256 },
    response: r.response,
    answeredAt: r.answeredAt,
    answeredLate: r.answeredLate,
    missed: r.missedAt !== null,
    missedAt: r.missedAt,
    proposedViolationType: r.proposedViolationType,
    violationId: r.violationId,
    closingNote: r.closingNote,
    createdBy: r.createdBy,
  };
}
