import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ApplicationType, ChangeNoticeParticulars } from './approval.port';
import type { ApplicationState } from './application.machine';
import type { SiteInput } from './site-particulars';

/** A dossier filed by an organization with an authority (table `applications`). */
@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) type: ApplicationType;
  @Column({ type: 'text' }) state: ApplicationState;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'authority_id', type: 'uuid' }) authorityId: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ name: 'license_id', type: 'uuid', nullable: true }) licenseId: string | null;
  /** NEW: every particular; AMENDMENT: only those that change; other types: null. */
  @Column({ type: 'jsonb', nullable: true }) site: SiteInput | null;
  /** CHANGE_NOTICE only: the date of the change and the new owner and/or head-office address. */
  @Column({ name: 'change_notice', type: 'jsonb', nullable: true }) changeNotice: ChangeNoticeParticulars | null;
  /** CHANGE_NOTICE, from SUBMIT on: filed more than 10 working days after the change (Decree 72/2013 art. 23h). */
  @Column({ type: 'boolean', nullable: true }) late: boolean | null;
  @Column({ name: 'late_by_working_days', type: 'int', nullable: true }) lateByWorkingDays: number | null;
  /** The violation an inspector opened from a late change notice. */
  @Column({ name: 'violation_id', type: 'uuid', nullable: true }) violationId: string | null;
  @Column({ name: 'requested_expires_on', type: 'date', nullable: true }) requestedExpiresOn: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ name: 'recommended_by', type: 'uuid', nullable: true }) recommendedBy: string | null;
  @Column({ type: 'text', nullable: true }) recommendation: 'APPROVE' | 'REJECT' | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason: string | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'clock_started_on', type: 'date', nullable: true }) clockStartedOn: string | null;
  @Column({ name: 'clock_paused', type: 'boolean' }) clockPaused: boolean;
  /** The day the dossier or its last supplement was received: the statutory period counts from it once complete. */
  @Column({ name: 'received_on', type: 'date', nullable: true }) receivedOn: string | null;
  /** The end of the completeness check of the last receipt (COMPLETENESS_CHECK_WORKING_DAYS). */
  @Column({ name: 'completeness_due_at', type: 'timestamptz', nullable: true }) completenessDueAt: Date | null;
  /** AMENDMENT: the organization's new name (a change of name is an amendment of the license); null: unchanged. */
  @Column({ name: 'organization_name', type: 'text', nullable: true }) organizationName: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** Open cases of sites operating without a license that share a domain with this NEW dossier (at SUBMIT). */
  @Column({ name: 'unlicensed_site_ids', type: 'uuid', array: true }) unlicensedSiteIds: string[];
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
