import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OfficialLetterPdfData } from '../pdf/official-letter';
import type { OffenderKind } from '../violations/violation-type';
import type { UnlicensedSiteState } from './unlicensed-site.machine';

export const DISCOVERY_METHODS = ['INSPECTION', 'MONITORING', 'COMPLAINT', 'REFERRAL', 'OTHER'] as const;
export type DiscoveryMethod = (typeof DISCOVERY_METHODS)[number];

/** A site found operating as a general e-information site without a license (the register of issue 15). */
@Entity('unlicensed_sites')
export class UnlicensedSite {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'authority_id', type: 'uuid' }) authorityId: string;
  @Column({ name: 'site_name', type: 'text', nullable: true }) siteName: string | null;
  /** Normalized (see domains.ts). */
  @Column({ type: 'text', array: true }) domains: string[];
  @Column({ name: 'operator_kind', type: 'text', nullable: true }) operatorKind: OffenderKind | null;
  @Column({ name: 'operator_name', type: 'text', nullable: true }) operatorName: string | null;
  @Column({ name: 'operator_id_number', type: 'text', nullable: true }) operatorIdNumber: string | null;
  @Column({ name: 'operator_address', type: 'text', nullable: true }) operatorAddress: string | null;
  @Column({ name: 'found_on', type: 'date' }) foundOn: string;
  @Column({ name: 'found_by', type: 'uuid' }) foundBy: string;
  @Column({ name: 'discovery_method', type: 'text' }) discoveryMethod: DiscoveryMethod;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'reported_at', type: 'timestamptz' }) reportedAt: Date;
  @Column({ type: 'text' }) state: UnlicensedSiteState;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'letter_number', type: 'text', nullable: true }) letterNumber: string | null;
  @Column({ name: 'letter_year', type: 'int', nullable: true }) letterYear: number | null;
  @Column({ name: 'letter_seq', type: 'int', nullable: true }) letterSeq: number | null;
  @Column({ name: 'letter_signed_on', type: 'date', nullable: true }) letterSignedOn: string | null;
  @Column({ name: 'apply_by', type: 'date', nullable: true }) applyBy: string | null;
  @Column({ name: 'letter_document', type: 'jsonb', nullable: true }) letterDocument: OfficialLetterPdfData | null;
  @Column({ name: 'letter_pdf_sha256', type: 'text', nullable: true }) letterPdfSha256: string | null;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId: string | null;
  @Column({ name: 'license_id', type: 'uuid', nullable: true }) licenseId: string | null;
  @Column({ name: 'violation_id', type: 'uuid', nullable: true }) violationId: string | null;
  @Column({ name: 'closing_note', type: 'text', nullable: true }) closingNote: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Where and when the site was seen operating; its captures are documents of owner `unlicensed_site_evidence`. */
@Entity('unlicensed_site_evidence')
export class UnlicensedSiteEvidence {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'site_id', type: 'uuid' }) siteId: string;
  @Column({ type: 'text' }) url: string;
  @Column({ name: 'captured_at', type: 'timestamptz' }) capturedAt: Date;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}

/** Records of this register are the authority's: visible to its staff and admins only (site owners never). */
export function siteScope(s: UnlicensedSite): { authorityId: string; organizationId: null } {
  return { authorityId: s.authorityId, organizationId: null };
}
