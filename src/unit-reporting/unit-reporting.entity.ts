import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { UnitReportState } from './unit-report.machine';

export const UNIT_KINDS = [
  'PROVINCIAL_DEPARTMENT',
  'DISTRICT_PEOPLES_COMMITTEE',
  'MASS_ORGANIZATION',
  'OTHER',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const PERIOD_KINDS = ['HALF_YEAR', 'ANNUAL'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The structured figures of a unit's return (each a whole number ≥ 0). */
export const UNIT_FIGURE_KEYS = [
  'sitesReviewed',
  'unlicensedSitesFound',
  'unitsDirectedToApply',
  'violationsHandled',
  'finesVnd',
  'contentRemovals',
] as const;
export type UnitFigureKey = (typeof UNIT_FIGURE_KEYS)[number];
export type UnitFigures = Record<UnitFigureKey, number>;

/** What each figure means, as printed in the synthesis report. */
export const UNIT_FIGURE_LABELS: Record<UnitFigureKey, string> = {
  sitesReviewed: 'Số trang thông tin điện tử được rà soát, kiểm tra',
  unlicensedSitesFound: 'Số trang hoạt động không có giấy phép được phát hiện',
  unitsDirectedToApply: 'Số đơn vị được hướng dẫn, đôn đốc làm thủ tục cấp phép',
  violationsHandled: 'Số vụ vi phạm được xử lý',
  finesVnd: 'Tổng số tiền xử phạt (đồng)',
  contentRemovals: 'Số tin, bài vi phạm được gỡ bỏ',
};

@Entity('reporting_units')
export class ReportingUnit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'authority_id', type: 'uuid' }) authorityId: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) kind: UnitKind;
  @Column({ type: 'boolean' }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('reporting_unit_members')
export class ReportingUnitMember {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
}

@Entity('reporting_periods')
export class ReportingPeriod {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'authority_id', type: 'uuid' }) authorityId: string;
  @Column({ type: 'text' }) kind: PeriodKind;
  @Column({ type: 'int' }) year: number;
  @Column({ name: 'covers_from', type: 'date' }) coversFrom: string;
  @Column({ name: 'covers_to', type: 'date' }) coversTo: string;
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('unit_reports')
export class UnitReport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'period_id', type: 'uuid' }) periodId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'authority_id', type: 'uuid' }) authorityId: string;
  @Column({ type: 'text' }) state: UnitReportState;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'jsonb' }) figures: UnitFigures;
  @Column({ type: 'text' }) narrative: string;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'submitted_on', type: 'date', nullable: true }) submittedOn: string | null;
  @Column({ type: 'boolean', nullable: true }) late: boolean | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export function unitView(u: ReportingUnit) {
  return { id: u.id, authorityId: u.authorityId, code: u.code, name: u.name, kind: u.kind, active: u.active };
}

export function periodView(p: ReportingPeriod) {
  return {
    id: p.id,
    authorityId: p.authorityId,
    kind: p.kind,
    year: p.year,
    coversFrom: p.coversFrom,
    coversTo: p.coversTo,
    dueOn: p.dueOn,
  };
}

export function unitReportView(r: UnitReport) {
  return {
    id: r.id,
    periodId: r.periodId,
    unitId: r.unitId,
    authorityId: r.authorityId,
    state: r.state,
    version: r.version,
    figures: r.figures,
    narrative: r.narrative,
    submittedAt: r.submittedAt,
    submittedOn: r.submittedOn,
    late: r.late,
  };
}

/** Adds up the figures of several returns. */
export function sumFigures(all: UnitFigures[]): UnitFigures {
  const out = Object.fromEntries(UNIT_FIGURE_KEYS.map((k) => [k, 0])) as UnitFigures;
  for (const f of all) for (const k of UNIT_FIGURE_KEYS) out[k] += Number(f[k] ?? 0);
  return out;
}

/** The status of a unit's return for a period on `today`: overdue when the due day passed and nothing was filed. */
export function returnStatus(
  report: Pick<UnitReport, 'state' | 'late'> | null,
  dueOn: string,
  today: string,
): { state: string; overdue: boolean; late: boolean } {
  const filed = report !== null && report.state !== 'DRAFT';
  return {
    state: report?.state ?? 'MISSING',
    overdue: !filed && today > dueOn,
    late: report?.late ?? false,
  };
}
