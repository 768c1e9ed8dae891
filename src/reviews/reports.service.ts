import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Actor, isStaffRole, SYSTEM_ACTOR } from '../auth/roles';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import { isoDateYear, zonedIsoDate } from '../calendar/iso-date';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Page, pageOf } from '../common/pagination';
import { APP_CONFIG, AppConfig } from '../config/config';
import { License } from '../licenses/license.entity';
import { LicensesRepository } from '../licenses/licenses.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { formatShortDate } from '../pdf/vietnamese-format';
import { SchedulerService } from '../scheduler/scheduler.service';
import { historyView, WorkflowHistoryRepository } from '../workflow/workflow-history.repository';
import { WorkflowEngine } from '../workflow/workflow.engine';
import { ReportSettingsDto, ReportsQuery, RequestReportDto, SubmitReportDto } from './dto/report.dto';
import { activeDuringYear, annualDueOn, annualYear } from './report-rules';
import { Report, ReportContent } from './report.entity';
import { reportMachine } from './report.machine';
import { OwedReport, ReportSettings, ReportsRepository } from './reports.repository';
import { visibleTo } from '../auth/visibility';
import { LegalParametersService } from '../legal/legal-parameters.service';

function periodLabel(r: { kind: string; period: string }): string {
  return r.kind === 'ANNUAL' ? `định kỳ năm ${r.period}` : 'đột xuất';
}

/** The day a license stopped being in force, for the "active during the year" rule. */
function endedOn(l: License, today: string, timeZone: string): string {
  if (l.status === 'ACTIVE' || l.status === 'SUSPENDED' || l.status === 'EXPIRED') return l.expiresOn;
  const changed = zonedIsoDate(l.updatedAt, timeZone);
  return changed < today ? changed : today;
}

/**
 * Report obligations of licensed sites (Circular 09/2014 art. 9): one annual report per year of operation, due by
 * the authority's day (15 January by default), and ad hoc reports when an appraiser asks.
 */
@Injectable()
export class ReportsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly reports: ReportsRepository,
    private readonly licenses: LicensesRepository,
    private readonly authorities: AuthoritiesRepository,
    private readonly engine: WorkflowEngine,
    private readonly history: WorkflowHistoryRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly scheduler: SchedulerService,
    private readonly legal: LegalParametersService,
  ) {}

  /** The national annual due day in force on `on` (ANNUAL_REPORT_DUE_MONTH_DAY), for authorities without their own. */
  private async defaultDueMonthDay(on: string, em?: EntityManager): Promise<string> {
    return String(await this.legal.valueOn('ANNUAL_REPORT_DUE_MONTH_DAY', on, null, em));
  }

  onModuleInit(): void {
    this.scheduler.registerJob({
      name: 'report.annual-obligations',
      run: (em, today) => this.createObligations(em, today),
    });
    this.scheduler.registerJob({ name: 'report.reminders', run: (em, today) => this.sendReminders(em, today) });
  }

  today(): string {
    return zonedIsoDate(this.clock.now(), this.config.defaultTimeZone);
  }

  private async visibleLicense(em: EntityManager, licenseId: string, actor: Actor): Promise<License> {
    const license = await this.licenses.findById(licenseId, em);
    if (!license || !visibleTo(actor, license)) throw DomainError.notFound('License');
    return license;
  }

  /** Files (or refiles after RETURN) the report of a period: the DUE row is created on demand for a year. */
  async submit(dto: SubmitReportDto, owner: AuthenticatedUser): Promise<Report> {
    const today = this.today();
    return this.dataSource.transaction(async (em) => {
      const license = await this.visibleLicense(em, dto.licenseId, owner);
      let report = await this.reports.findByPeriod(em, license.id, dto.period);
      if (!report) {
        const year = annualYear(dto.period);
        if (year === null) {
          throw DomainError.rule(
            'REPORT_NOT_REQUESTED',
            `No ad hoc report ${dto.period} was requested for this license`,
            {
              errors: [{ field: 'period', message: 'no such ad hoc request' }],
            },
          );
        }
        if (year > isoDateYear(today)) {
          throw DomainError.rule('REPORT_PERIOD_INVALID', `The year ${year} has not begun`, {
            errors: [{ field: 'period', message: 'a future year' }],
          });
        }
        if (
          !activeDuringYear(
            { issuedOn: license.issuedOn, endedOn: endedOn(license, today, this.config.defaultTimeZone) },
            year,
          )
        ) {
          throw DomainError.rule('REPORT_PERIOD_INVALID', `The license was not in force during ${year}`, {
            errors: [{ field: 'period', message: 'the license was not in force that year' }],
          });
        }
        const settings = await this.reports.settings(license.authorityId, await this.defaultDueMonthDay(today, em), em);
        const r = await this.reports.insertOrGet(em, {
          licenseId: license.id,
          authorityId: license.authorityId,
          organizationId: license.organizationId,
          period: dto.period,
          kind: 'ANNUAL',
          dueOn: annualDueOn(year, settings.annualDueMonthDay),
        });
        if (r.created) await this.recordCreation(em, r.report, owner);
        report = r.report;
      }
      const content = JSON.parse(JSON.stringify(dto.content)) as ReportContent;
      const { record } = await this.engine.fire<Report>({
        em,
        machine: reportMachine,
        entity: Report,
        id: report.id,
        event: 'SUBMIT',
        actor: owner,
        expectedVersion: dto.version,
        visible: (r) => visibleTo(owner, r),
        effect: async (ctx) => {
          ctx.patch({ content, submittedAt: this.clock.now() });
          ctx.note({ period: ctx.record.period, late: ctx.record.dueOn < today });
          await this.notifications.notify(em, {
            audience: { authorityId: ctx.record.authorityId, roles: ['appraiser'] },
            kind: 'REPORT_SUBMITTED',
            title: 'Báo cáo mới được nộp',
            body: `Báo cáo ${periodLabel(ctx.record)} của trang ${license.site.name} (giấy phép số ${license.number}) đã được nộp, chờ xem xét.`,
            entityType: 'report',
            entityId: ctx.record.id,
            data: { licenseId: license.id, period: ctx.record.period },
          });
        },
        scope: (r) => ({ authorityId: r.authorityId, organizationId: r.organizationId }),
      });
      return record;
    });
  }

  /** An appraiser asks the licensee for an ad hoc report by a date (Circular 09/2014 art. 9). */
  async requestAdHoc(dto: RequestReportDto, appraiser: AuthenticatedUser): Promise<Report> {
    const today = this.today();
    if (dto.dueOn < today) {
      throw DomainError.rule('DUE_DATE_IN_PAST', 'The due date of a requested report cannot be in the past', {
        errors: [{ field: 'dueOn', message: `must be ${today} or later` }],
      });
    }
    return this.dataSource.transaction(async (em) => {
      const license = await this.visibleLicense(em, dto.licenseId, appraiser);
      if (license.status !== 'ACTIVE' && license.status !== 'SUSPENDED') {
        throw DomainError.rule('LICENSE_NOT_IN_FORCE', `The license is ${license.status}: no report can be requested`);
      }
      const period = `ADHOC-${today.replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
      const { report } = await this.reports.insertOrGet(em, {
        licenseId: license.id,
        authorityId: license.authorityId,
        organizationId: license.organizationId,
        period,
        kind: 'AD_HOC',
        dueOn: dto.dueOn,
        note: dto.note.trim(),
        requestedBy: appraiser.id,
      });
      await this.notifications.notify(em, {
        audience: { organizationId: license.organizationId },
        kind: 'REPORT_REQUESTED',
        title: 'Yêu cầu báo cáo đột xuất',
        body:
          `Cơ quan cấp phép yêu cầu báo cáo đột xuất về trang ${license.site.name} (giấy phép số ${license.number}), ` +
          `hạn nộp ngày ${formatShortDate(dto.dueOn)}. Nội dung: ${dto.note.trim()}`,
        entityType: 'report',
        entityId: report.id,
        data: { licenseId: license.id, period, dueOn: dto.dueOn },
      });
      await this.recordCreation(em, report, appraiser);
      return report;
    });
  }

  async transition(
    id: string,
    dto: { event: string; version?: number; reason?: string },
    appraiser: AuthenticatedUser,
  ): Promise<Report> {
    const { record } = await this.engine.fire<Report>({
      machine: reportMachine,
      entity: Report,
      id,
      event: dto.event,
      actor: appraiser,
      expectedVersion: dto.version,
      input: { reason: dto.reason },
      visible: (r) => visibleTo(appraiser, r),
      guards: {
        reasonGiven: () => {
          if (!dto.reason?.trim()) {
            throw DomainError.rule('REASON_REQUIRED', 'A returned report needs a reason', {
              errors: [{ field: 'reason', message: 'required for RETURN' }],
            });
          }
        },
      },
      effect: async (ctx) => {
        if (ctx.event === 'ACCEPT') ctx.patch({ acceptedAt: this.clock.now() });
        const accepted = ctx.event === 'ACCEPT';
        await this.notifications.notify(ctx.em, {
          audience: { organizationId: ctx.record.organizationId },
          kind: accepted ? 'REPORT_ACCEPTED' : 'REPORT_RETURNED',
          title: accepted ? 'Báo cáo đã được chấp nhận' : 'Báo cáo bị trả lại',
          body: accepted
            ? `Báo cáo ${periodLabel(ctx.record)} đã được cơ quan cấp phép chấp nhận.`
            : `Báo cáo ${periodLabel(ctx.record)} bị trả lại để hoàn thiện. Lý do: ${dto.reason ?? ''}`,
          entityType: 'report',
          entityId: ctx.record.id,
          data: { period: ctx.record.period, ...(accepted ? {} : { reason: dto.reason }) },
        });
      },
      scope: (r) => ({ authorityId: r.authorityId, organizationId: r.organizationId }),
    });
    return record;
  }

  async get(id: string, actor: Actor): Promise<Report> {
    const report = await this.reports.findById(id);
    if (!report || !visibleTo(actor, report)) throw DomainError.notFound('Report');
    return report;
  }

  async list(actor: Actor, q: ReportsQuery): Promise<Page<Report>> {
    const { items, total } = await this.reports.list(actor, q, this.today());
    return pageOf(items, total, q);
  }

  async historyOf(id: string, actor: Actor) {
    const report = await this.get(id, actor);
    return (await this.history.list('report', [report.id])).map(historyView);
  }

  async allowed(id: string, actor: Actor) {
    const report = await this.get(id, actor);
    return {
      state: report.state,
      version: report.version,
      allowed: await this.engine.allowedEvents(reportMachine, report, actor),
    };
  }

  async settings(authorityId: string, user: AuthenticatedUser): Promise<ReportSettings> {
    // Staff see only their own authority's records: another authority's settings are 404, like its reports.
    if (isStaffRole(user.role) && user.authorityId !== authorityId) throw DomainError.notFound('Authority');
    if (!(await this.authorities.findById(authorityId))) throw DomainError.notFound('Authority');
    return this.reports.settings(authorityId, await this.defaultDueMonthDay(this.today()));
  }

  /** Per-authority due day and reminder window (admin). Applies to obligations created from now on. */
  async saveSettings(authorityId: string, dto: ReportSettingsDto, admin: AuthenticatedUser): Promise<ReportSettings> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.authorities.findById(authorityId, em))) throw DomainError.notFound('Authority');
      const current = await this.reports.settings(authorityId, await this.defaultDueMonthDay(this.today(), em), em);
      const next: ReportSettings = {
        authorityId,
        annualDueMonthDay: dto.annualDueMonthDay,
        reminderDays: dto.reminderDays ?? current.reminderDays,
      };
      await this.reports.saveSettings(em, next, admin.id);
      await this.audit.record(em, {
        actor: admin,
        action: 'report_settings.updated',
        entityType: 'authority',
        entityId: authorityId,
        authorityId,
        data: { before: current, after: next },
      });
      return next;
    });
  }

  private recordCreation(em: EntityManager, report: Report, actor: Actor): Promise<void> {
    return this.engine.recordCreation(
      em,
      reportMachine,
      report.id,
      actor,
      { authorityId: report.authorityId, organizationId: report.organizationId },
      { licenseId: report.licenseId, period: report.period, kind: report.kind, dueOn: report.dueOn },
    );
  }

  /** Daily: the annual obligations of the current and the previous year (idempotent). */
  private async createObligations(em: EntityManager, today: string): Promise<Record<string, unknown>> {
    const year = isoDateYear(today);
    let created = 0;
    for (const y of [year - 1, year]) {
      const rows = await this.reports.createAnnualObligations(em, y, await this.defaultDueMonthDay(today, em));
      for (const r of rows) {
        await this.engine.recordCreation(
          em,
          reportMachine,
          r.id,
          SYSTEM_ACTOR,
          { authorityId: r.authorityId, organizationId: r.organizationId },
          { period: String(y), kind: 'ANNUAL' },
        );
      }
      created += rows.length;
    }
    return { created };
  }

  /** Daily: REPORT_DUE in the reminder window, REPORT_OVERDUE to the licensee and the appraisers — once each. */
  private async sendReminders(em: EntityManager, today: string): Promise<Record<string, unknown>> {
    const due = await this.reports.dueSoon(em, today);
    for (const r of due) {
      await this.notifications.notify(em, {
        audience: { organizationId: r.organizationId },
        kind: 'REPORT_DUE',
        title: 'Sắp đến hạn nộp báo cáo',
        body: `Báo cáo ${periodLabel(r)} của trang ${r.siteName} (giấy phép số ${r.licenseNumber}) phải nộp trước ngày ${formatShortDate(r.dueOn)}.`,
        entityType: 'report',
        entityId: r.id,
        data: { licenseId: r.licenseId, period: r.period, dueOn: r.dueOn },
        dedupeKey: `report-due:${r.id}:${r.dueOn}`,
      });
    }
    const overdue = await this.reports.overdue(em, today);
    for (const r of overdue) await this.notifyOverdue(em, r);
    return { due: due.length, overdue: overdue.length };
  }

  private async notifyOverdue(em: EntityManager, r: OwedReport): Promise<void> {
    const body = `Báo cáo ${periodLabel(r)} của trang ${r.siteName} (giấy phép số ${r.licenseNumber}) đã quá hạn nộp (hạn ngày ${formatShortDate(r.dueOn)}).`;
    const common = { kind: 'REPORT_OVERDUE', title: 'Báo cáo quá hạn', body, entityType: 'report', entityId: r.id };
    const data = { licenseId: r.licenseId, period: r.period, dueOn: r.dueOn };
    await this.notifications.notify(em, [
      {
        ...common,
        audience: { organizationId: r.organizationId },
        data,
        dedupeKey: `report-overdue:${r.id}:${r.dueOn}:org`,
      },
      {
        ...common,
        audience: { authorityId: r.authorityId, roles: ['appraiser'] },
        data,
        dedupeKey: `report-overdue:${r.id}:${r.dueOn}:staff`,
      },
    ]);
  }
}
