import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { fineRangeFor, type OffenderKind, type ViolationType } from './violation-type';
import type { ProposalState, ViolationState } from './violation.machine';

export const VIOLATION_SUBJECT_KINDS = ['LICENSE', 'UNLICENSED_SITE', 'OFFENDER'] as const;
export type ViolationSubjectKind = (typeof VIOLATION_SUBJECT_KINDS)[number];

@Entity('violations')
export class Violation {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** What the violation is about: a license, a site operating without one, or an offender identified otherwise. */
  @Column({ name: 'subject_kind', type: 'text' }) subjectKind: ViolationSubjectKind;
  @Column({ name: 'license_id', type: 'uuid', nullable: true }) licenseId: string | null;
  @Column({ name: 'inspection_id', type: 'uuid', nullable: true }) inspectionId: string | null;
  @Column({ name: 'unlicensed_site_id', type: 'uuid', nullable: true }) unlicensedSiteId: string | null;
  @Column({ name: 'authority_id', type: 'uuid' }) authorityId: string;
  /** The licensee (LICENSE subjects only): the organization whose site owners see the violation. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId: string | null;
  /** Who answers for it; null only while the operator of an unlicensed site is unknown (no sanction then). */
  @Column({ name: 'offender_kind', type: 'text', nullable: true }) offenderKind: OffenderKind | null;
  @Column({ name: 'offender_name', type: 'text', nullable: true }) offenderName: string | null;
  @Column({ name: 'offender_id_number', type: 'text', nullable: true }) offenderIdNumber: string | null;
  @Column({ name: 'offender_address', type: 'text', nullable: true }) offenderAddress: string | null;
  @Column({ name: 'type_code', type: 'text' }) typeCode: string;
  @Column({ name: 'type_effective_from', type: 'date' }) typeEffectiveFrom: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'detected_on', type: 'date' }) detectedOn: string;
  @Column({ type: 'text' }) state: ViolationState;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'fine_amount', type: 'bigint', nullable: true }) fineAmount: number | null;
  @Column({ name: 'decision_number', type: 'text', nullable: true }) decisionNumber: string | null;
  @Column({ name: 'remedy_due_on', type: 'date', nullable: true }) remedyDueOn: string | null;
  @Column({ name: 'sanctioned_at', type: 'timestamptz', nullable: true }) sanctionedAt: Date | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('enforcement_proposals')
export class EnforcementProposal {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'license_id', type: 'uuid' }) licenseId: string;
  @Column({ name: 'violation_id', type: 'uuid' }) violationId: string;
  @Column({ name: 'authority_id', type: 'uuid' }) authorityId: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ type: 'text' }) kind: 'SUSPEND' | 'REVOKE';
  @Column({ type: 'text' }) state: ProposalState;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'closed_by', type: 'uuid', nullable: true }) closedBy: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'close_note', type: 'text', nullable: true }) closeNote: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export function violationView(v: Violation, type?: ViolationType | null) {
  const range = type && v.offenderKind ? fineRangeFor(type, v.offenderKind) : null;
  return {
    id: v.id,
    subjectKind: v.subjectKind,
    licenseId: v.licenseId,
    unlicensedSiteId: v.unlicensedSiteId,
    offender: v.offenderKind
      ? { kind: v.offenderKind, name: v.offenderName, idNumber: v.offenderIdNumber, address: v.offenderAddress }
      : null,
    inspectionId: v.inspectionId,
    authorityId: v.authorityId,
    organizationId: v.organizationId,
    typeCode: v.typeCode,
    typeEffectiveFrom: v.typeEffectiveFrom,
    ...(type
      ? {
          type: {
            title: type.titleVi,
            titleEn: type.titleEn,
            legalBasis: type.legalBasis,
            minFine: type.minFine,
            maxFine: type.maxFine,
            grave: type.grave,
            verified: type.verified,
          },
          // the range that applies to this offender (an individual's is half an organization's)
          applicableFineRange: range,
        }
      : {}),
    description: v.description,
    detectedOn: v.detectedOn,
    state: v.state,
    version: v.version,
    fineAmount: v.fineAmount === null ? null : Number(v.fineAmount),
    decisionNumber: v.decisionNumber,
    remedyDueOn: v.remedyDueOn,
    sanctionedAt: v.sanctionedAt,
    resolvedAt: v.resolvedAt,
    escalatedAt: v.escalatedAt,
    createdAt: v.createdAt,
  };
}

export function proposalView(p: EnforcementProposal, license?: { number: string; status: string } | null) {
  return {
    id: p.id,
    licenseId: p.licenseId,
    ...(license ? { licenseNumber: license.number, licenseStatus: license.status } : {}),
    violationId: p.violationId,
    authorityId: p.authorityId,
    organizationId: p.organizationId,
    kind: p.kind,
    state: p.state,
    version: p.version,
    reason: p.reason,
    closedBy: p.closedBy,
    closedAt: p.closedAt,
    closeNote: p.closeNote,
    createdAt: p.createdAt,
  };
}

/**
 * What an escalation proposes: revocation after two suspensions or for a grave type, else a suspension
 * (Decree 72/2013 art. 23(11)–(12)).
 */
export function proposalKind(suspensionCount: number, grave: boolean): 'SUSPEND' | 'REVOKE' {
  return grave || suspensionCount >= 2 ? 'REVOKE' : 'SUSPEND';
}
