import { DateTime, IsoDate, Json, Uuid } from '../common/openapi/schema-props';

/**
 * The half-yearly figures (Circular 09/2014 reporting): each section is an object of counts (by type, state or
 * status), processing times in working days, and fines in VND.
 */
export class StatisticsView {
  @Uuid({ nullable: true, description: 'null: every authority (admin)' }) authorityId: string | null;
  @IsoDate() from: string;
  @IsoDate() to: string;
  @DateTime() generatedAt: Date;
  @Json({
    description:
      '{ received: { total, byType }, decided: { total, approved, rejected, byType }, processingWorkingDays, overdue }',
  })
  applications: Record<string, unknown>;
  @Json({ description: 'Change notices received, late, violations opened' }) changeNotices: Record<string, unknown>;
  @Json({ description: '{ byStatus, issuedInPeriod }' }) licenses: Record<string, unknown>;
  @Json({ description: 'Reports due, submitted, accepted, overdue' }) reports: Record<string, unknown>;
  @Json({ description: '{ total, byState }' }) inspections: Record<string, unknown>;
  @Json({ description: '{ total, sanctioned, totalFines, byType }' }) violations: Record<string, unknown>;
}
