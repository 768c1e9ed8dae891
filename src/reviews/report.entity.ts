import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReportState } from './report.machine';

export type ReportKind = 'ANNUAL' | 'AD_HOC';

/** The structured content of a report (Circular 09/2014, Form 03), validated by ReportContentDto. */
export interface ReportContent {
  articlesPublished: number;
  sourcesUsed: string[];
  staff: { content: number; technical: number };
  incidents: { date: string; description: string; actionTaken: string }[];
  unamendedChanges: string[];
  notes?: string;
}

@Entity('reports')
export class Report {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'license_id', type: 'uuid' }) licenseId: string;
  @Column({ name: 'authority_id', type: 'uuid' }) authorityId: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ type: 'text' }) period: string;
  @Column({ type: 'text' }) kind: ReportKind;
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  @Column({ type: 'text' }) state: ReportState;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'jsonb', nullable: true }) content: ReportContent | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Overdue: still owed (DUE or RETURNED) after its due date. */
export function isReportOverdue(r: Pick<Report, 'state' | 'dueOn'>, today: string): boolean {
  return (r.state === 'DUE' || r.state === 'RETURNED') && r.dueOn < today;
}

export function reportView(r: Report, today: string) {
  return {
    id: r.id,
    licenseId: r.licenseId,
    authorityId: r.authorityId,
    organizationId: r.organizationId,
    period: r.period,
    kind: r.kind,
    dueOn: r.dueOn,
    state: r.state,
    version: r.version,
    overdue: isReportOverdue(r, today),
    content: r.content,
    note: r.note,
    submittedAt: r.submittedAt,
    acceptedAt: r.acceptedAt,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt,
  };
}
