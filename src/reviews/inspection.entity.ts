import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { InspectionRecordPdfData } from '../pdf/pdf.types';
import type { InspectionState } from './inspection.machine';

export type InspectionKind = 'PERIODIC' | 'AD_HOC';
export interface TeamMember {
  fullName: string;
  position: string;
  role?: string;
}
export interface Remedy {
  description: string;
  dueOn?: string;
}

@Entity('inspections')
export class Inspection {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'license_id', type: 'uuid' }) licenseId: string;
  @Column({ name: 'authority_id', type: 'uuid' }) authorityId: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ type: 'text' }) kind: InspectionKind;
  @Column({ name: 'scheduled_on', type: 'date' }) scheduledOn: string;
  @Column({ type: 'text' }) scope: string;
  @Column({ type: 'text' }) place: string;
  @Column({ name: 'inspector_id', type: 'uuid' }) inspectorId: string;
  @Column({ type: 'jsonb' }) team: TeamMember[];
  @Column({ type: 'jsonb', nullable: true }) findings: string[] | null;
  @Column({ type: 'text', nullable: true }) conclusion: string | null;
  @Column({ type: 'jsonb' }) remedies: Remedy[];
  @Column({ name: 'record_number', type: 'text', nullable: true }) recordNumber: string | null;
  @Column({ name: 'record_document', type: 'jsonb', nullable: true, select: false })
  recordDocument: InspectionRecordPdfData | null;
  @Column({ name: 'completed_on', type: 'date', nullable: true }) completedOn: string | null;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ type: 'text' }) state: InspectionState;
  @Column({ type: 'int' }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export function inspectionView(i: Inspection) {
  return {
    id: i.id,
    licenseId: i.licenseId,
    authorityId: i.authorityId,
    organizationId: i.organizationId,
    kind: i.kind,
    scheduledOn: i.scheduledOn,
    scope: i.scope,
    place: i.place,
    inspectorId: i.inspectorId,
    team: i.team,
    state: i.state,
    version: i.version,
    findings: i.findings,
    conclusion: i.conclusion,
    remedies: i.remedies,
    recordNumber: i.recordNumber,
    completedOn: i.completedOn,
    startedAt: i.startedAt,
    createdAt: i.createdAt,
  };
}

/**
 * The record number: the authority's sequence and 'BB-' (biên bản) with the authority's code taken from its
 * license suffix, e.g. 12/BB-STTTT for an authority numbering licenses 44/GP-STTTT.
 */
export function inspectionRecordNumber(seq: number, licenseNumberSuffix: string): string {
  const tail = licenseNumberSuffix.replace(/^GP-/i, '');
  return `${seq}/BB-${tail}`;
}
