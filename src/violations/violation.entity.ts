import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ViolationType } from './violation-type';
import type { ProposalState, ViolationState } from './violation.machine';

@Entity('violations')
export class Violation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'license_id', type: 'uuid' }) licenseId: string;
  @Column({ name: 'inspection_id', type: 'uuid', nullable: true }) inspectionId: string | null;
  @Column({ name: 'authority_id', type: 'uuid' }) authorityId: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
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
  return {
    id: v.id,
    licenseId: v.licenseId,
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
