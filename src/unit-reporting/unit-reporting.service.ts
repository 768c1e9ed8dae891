import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { Actor } from '../auth/roles';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import { addDays, isoDateFromParts, zonedIsoDate } from '../calendar/iso-date';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { pageOf } from '../common/pagination';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { StoredUpload } from '../documents/document-upload';
import { DocumentsService } from '../documents/documents.service';
import type { DocumentView } from '../documents/dto/document.dto';
import { authorityBlock } from '../licenses/license-document';
import { NotificationsService } from '../notifications/notifications.service';
import { formatVietnameseDate, formatVnd } from '../pdf/vietnamese-format';
import { SchedulerService } from '../scheduler/scheduler.service';
import { StatisticsService } from '../statistics/statistics.service';
import { UsersRepository } from '../users/users.repository';
import { historyView, WorkflowHistoryRepository } from '../workflow/workflow-history.repository';
import { WorkflowEngine } from '../workflow/workflow.engine';
import type {
  CreateReportingPeriodDto,
  CreateReportingUnitDto,
  CreateUnitReportDto,
  UnitReportsQuery,
  UnitReportTransitionDto,
  UpdateUnitReportDto,
} from './dto/unit-reporting.dto';
import { REPORTING_UNITS_MAX } from './dto/unit-reporting.dto';
import { renderSynthesisReport, SynthesisSection } from './synthesis-pdf';
import { unitReportMachine } from './unit-report.machine';
import {
  periodView,
  ReportingPeriod,
  ReportingUnit,
  returnStatus,
  sumFigures,
  UNIT_FIGURE_KEYS,
  UNIT_FIGURE_LABELS,
  UnitFigures,
  UnitReport,
  unitView,
} from './unit-reporting.entity';
import { UnitReportingRepository } from './unit-reporting.repository';

const OWNER = (id: string) => ({ type: 'unit_report', id });
/** Days before the due day when the units that have not filed are reminded. */
const REMINDER_DAYS = 7;
const STATE_LABEL: Record<string, string> = {
  MISSING: 'chưa báo cáo',
  DRAFT: 'chưa gửi báo cáo',
  SUBMITTED: 'đã gửi báo cáo',
  RETURNED: 'báo cáo bị trả lại để bổ sung',
  ACCEPTED: 'báo cáo đã được tiếp nhận',
};

/** Reporting units, their periods and returns, reminders and the authority's synthesis report (issue 15). */
@Injectable()
export class UnitReportingService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly repo: UnitReportingRepository,
    private readonly authorities: AuthoritiesRepository,
    private readonly users: UsersRepository,
    private readonly engine: WorkflowEngine,
    private readonly history: WorkflowHistoryRepository,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    private readonly notifications: NotificationsService,
    private readonly scheduler: SchedulerService,
    private readonly statistics: StatisticsService,
  ) {}

  onModuleInit(): void {
    this.scheduler.registerJob({ name: 'unit-report.reminders', run: (em, today) => this.remind(em, today) });
  }

  private async today(authorityId: string, em?: EntityManager): Promise<string> {
    const a = await this.authorities.findById(authorityId, em);
    return zonedIsoDate(this.clock.now(), a?.timeZone || this.config.defaultTimeZone);
  }

  /** The authority a staff member or admin acts for (admin: the one named). */
  private authorityOf(actor: AuthenticatedUser, named?: string): string {
    if (actor.role === 'admin') {
      if (!named) {
        throw DomainError.validation('Name the authority', [{ field: 'authorityId', message: 'required for admin' }]);
      }
      return named;
    }
    if (named && named !== actor.authorityId) throw DomainError.notFound('Authority');
    return actor.authorityId!;
  }

  /** The unit a reporting_unit account files for (403 when it has none yet). */
  private async unitOf(actor: AuthenticatedUser, em?: EntityManager): Promise<ReportingUnit> {
    const unit = await this.repo.unitOfUser(actor.id, em);
    if (!unit || !unit.active) throw DomainError.forbidden('This account is not attached to an active reporting unit');
    return unit;
  }

  // ---- units ------------------------------------------------------------------------------------------------

  async createUnit(dto: CreateReportingUnitDto, actor: AuthenticatedUser) {
    const authorityId = this.authorityOf(actor, dto.authorityId);
    return this.dataSource.transaction(async (em) => {
      if (!(await this.authorities.findById(authorityId, em))) throw DomainError.notFound('Authority');
      const exists = await em.query(`SELECT 1 FROM reporting_units WHERE authority_id = $1 AND code = $2`, [
        authorityId,
        dto.code,
      ]);
      if (exists.length) throw DomainError.conflict(ErrorCode.ALREADY_EXISTS, `A unit ${dto.code} exists`);
      const unit = await this.repo.insertUnit(em, {
        authorityId,
        code: dto.code,
        name: dto.name.trim(),
        kind: dto.kind,
      });
      await this.audit.record(em, {
        actor,
        action: 'reporting_unit.CREATE',
        entityType: 'reporting_unit',
        entityId: unit.id,
        authorityId,
        data: { code: unit.code, name: unit.name, kind: unit.kind },
      });
      return unitView(unit);
    });
  }

  async units(actor: AuthenticatedUser) {
    if (actor.role === 'reporting_unit') return [unitView(await this.unitOf(actor))];
    return (await this.repo.units(actor.role === 'admin' ? null : actor.authorityId)).map(unitView);
  }

  async addMember(unitId: string, userId: string, actor: AuthenticatedUser) {
    return this.dataSource.transaction(async (em) => {
      const unit = await this.repo.unit(unitId, em);
      if (!unit) throw DomainError.notFound('Reporting unit');
      const user = await this.users.findById(userId, em);
      if (!user || user.role !== 'reporting_unit') {
        throw DomainError.rule('NOT_A_REPORTING_ACCOUNT', 'The account must have the role reporting_unit', {
          errors: [{ field: 'userId', message: 'an account of role reporting_unit' }],
        });
      }
      await this.repo.addMember(em, unit.id, user.id);
      await this.audit.record(em, {
        actor,
        action: 'reporting_unit.MEMBER_ADDED',
        entityType: 'reporting_unit',
        entityId: unit.id,
        authorityId: unit.authorityId,
        data: { userId: user.id },
      });
      return { unitId: unit.id, userId: user.id };
    });
  }

  // ---- periods ----------------------------------------------------------------------------------------------

  async createPeriod(dto: CreateReportingPeriodDto, actor: AuthenticatedUser) {
    const authorityId = actor.authorityId!;
    return this.dataSource.transaction(async (em) => {
      const defaults = (await this.repo.periodDefaults(dto.kind, em))!;
      const at = (md: string) => {
        const [m, d] = md.split('-').map(Number);
        return isoDateFromParts(dto.year, m, d);
      };
      const dueOn = dto.dueOn ?? at(defaults.due);
      const exists = await em.query(
        `SELECT 1 FROM reporting_periods WHERE authority_id = $1 AND kind = $2 AND year = $3`,
        [authorityId, dto.kind, dto.year],
      );
      if (exists.length) {
        throw DomainError.conflict(ErrorCode.ALREADY_EXISTS, `The ${dto.kind} period of ${dto.year} exists`);
      }
      const p = await this.repo.insertPeriod(em, {
        authorityId,
        kind: dto.kind,
        year: dto.year,
        coversFrom: at(defaults.coversFrom),
        coversTo: at(defaults.coversTo),
        dueOn,
        createdBy: actor.id,
      });
      await this.audit.record(em, {
        actor,
        action: 'reporting_period.CREATE',
        entityType: 'reporting_period',
        entityId: p.id,
        authorityId,
        data: periodView(p),
      });
      return periodView(p);
    });
  }

  private async period(id: string, actor: AuthenticatedUser): Promise<ReportingPeriod> {
    const p = await this.repo.period(id);
    let authorityId = actor.authorityId;
    if (actor.role === 'reporting_unit') authorityId = (await this.unitOf(actor)).authorityId;
    if (!p || (actor.role !== 'admin' && p.authorityId !== authorityId)) throw DomainError.notFound('Reporting period');
    return p;
  }

  async periods(actor: AuthenticatedUser) {
    if (actor.role === 'reporting_unit') {
      return (await this.repo.periods((await this.unitOf(actor)).authorityId)).map(periodView);
    }
    return (await this.repo.periods(actor.role === 'admin' ? null : actor.authorityId)).map(periodView);
  }

  /** Every unit of the authority with the state of its return for the period; overdue when due and not filed. */
  async status(periodId: string, actor: AuthenticatedUser) {
    const p = await this.period(periodId, actor);
    const today = await this.today(p.authorityId);
    const reports = await this.repo.reportsOfPeriod(p.id);
    const units = (await this.repo.units(p.authorityId)).filter((u) => u.active);
    return {
      period: periodView(p),
      // Cut at REPORTING_UNITS_MAX, what the document declares (far above the units of any province).
      units: units.slice(0, REPORTING_UNITS_MAX).map((u) => {
        const r = reports.find((x) => x.unitId === u.id) ?? null;
        return { unit: unitView(u), reportId: r?.id ?? null, ...returnStatus(r, p.dueOn, today) };
      }),
    };
  }

  // ---- returns ----------------------------------------------------------------------------------------------

  async createReport(dto: CreateUnitReportDto, actor: AuthenticatedUser): Promise<UnitReport> {
    return this.dataSource.transaction(async (em) => {
      const unit = await this.unitOf(actor, em);
      const p = await this.repo.period(dto.periodId, em);
      if (!p || p.authorityId !== unit.authorityId) throw DomainError.notFound('Reporting period');
      const exists = await em.query(`SELECT id FROM unit_reports WHERE period_id = $1 AND unit_id = $2`, [
        p.id,
        unit.id,
      ]);
      if (exists.length) {
        throw DomainError.conflict(ErrorCode.ALREADY_EXISTS, 'The unit already has a return for this period', {
          existingId: exists[0].id,
        });
      }
      const r = await this.repo.insertReport(em, {
        periodId: p.id,
        unitId: unit.id,
        authorityId: unit.authorityId,
        figures: figuresOf(dto.figures),
        narrative: dto.narrative.trim(),
        createdBy: actor.id,
      });
      await this.engine.recordCreation(
        em,
        unitReportMachine,
        r.id,
        actor,
        { authorityId: r.authorityId },
        {
          periodId: p.id,
          unitId: unit.id,
        },
      );
      return r;
    });
  }

  /** Who may see a return: its unit's accounts, the authority's staff, admins. */
  private async visible(r: UnitReport, actor: Actor): Promise<boolean> {
    if (actor.role === 'admin' || actor.role === 'system') return true;
    if (actor.role === 'reporting_unit') return (await this.repo.unitOfUser(actor.id!))?.id === r.unitId;
    return ['appraiser', 'approver', 'inspector'].includes(actor.role) && actor.authorityId === r.authorityId;
  }

  async getReport(id: string, actor: Actor): Promise<UnitReport> {
    const r = await this.repo.report(id);
    if (!r || !(await this.visible(r, actor))) throw DomainError.notFound('Unit report');
    return r;
  }

  async listReports(actor: AuthenticatedUser, q: UnitReportsQuery) {
    const scope =
      actor.role === 'reporting_unit'
        ? { unitId: (await this.unitOf(actor)).id }
        : { authorityId: actor.role === 'admin' ? null : actor.authorityId };
    const { items, total } = await this.repo.reports({ ...scope, ...q });
    return pageOf(items, total, q);
  }

  async updateReport(id: string, dto: UpdateUnitReportDto, actor: AuthenticatedUser): Promise<UnitReport> {
    if (dto.figures === undefined && dto.narrative === undefined) {
      throw DomainError.validation('Nothing to change', [{ field: 'figures', message: 'send figures or narrative' }]);
    }
    return this.dataSource.transaction(async (em) => {
      const r = await this.repo.lockReport(em, id);
      if (!r || !(await this.visible(r, actor))) throw DomainError.notFound('Unit report');
      if (!['DRAFT', 'RETURNED'].includes(r.state)) {
        throw DomainError.conflict(ErrorCode.CONFLICT, `A ${r.state} return cannot be changed`, { state: r.state });
      }
      if (dto.version !== undefined && dto.version !== r.version) {
        throw DomainError.conflict(ErrorCode.VERSION_CONFLICT, `The return is at version ${r.version}`, {
          currentVersion: r.version,
        });
      }
      const changes: Partial<UnitReport> = { version: r.version + 1 };
      if (dto.figures) changes.figures = figuresOf(dto.figures);
      if (dto.narrative !== undefined) changes.narrative = dto.narrative.trim();
      await this.repo.updateReport(em, r.id, changes);
      await this.audit.record(em, {
        actor,
        action: 'unit_report.UPDATE',
        entityType: 'unit_report',
        entityId: r.id,
        authorityId: r.authorityId,
        data: { version: changes.version },
      });
      return Object.assign(r, changes);
    });
  }

  async transition(id: string, dto: UnitReportTransitionDto, actor: AuthenticatedUser): Promise<UnitReport> {
    const mine = actor.role === 'reporting_unit' ? (await this.repo.unitOfUser(actor.id))?.id : undefined;
    const now = this.clock.now();
    const { record } = await this.engine.fire<UnitReport>({
      machine: unitReportMachine,
      entity: UnitReport,
      id,
      event: dto.event,
      actor,
      expectedVersion: dto.version,
      input: { reason: dto.reason },
      visible: (r) =>
        actor.role === 'reporting_unit'
          ? r.unitId === mine
          : actor.role === 'admin' || actor.authorityId === r.authorityId,
      guards: {
        reasonGiven: () => {
          if (!dto.reason?.trim()) {
            throw DomainError.rule('REASON_REQUIRED', 'RETURN needs a reason', {
              errors: [{ field: 'reason', message: 'required for RETURN' }],
            });
          }
        },
      },
      effect: async (ctx) => {
        const r = ctx.record;
        if (ctx.event === 'SUBMIT') {
          const p = (await this.repo.period(r.periodId, ctx.em))!;
          const today = await this.today(r.authorityId, ctx.em);
          // lateness is measured once, at the first filing
          if (!r.submittedAt) ctx.patch({ submittedAt: now, submittedOn: today, late: today > p.dueOn });
          ctx.note({ late: r.late ?? today > p.dueOn });
        } else {
          const members = await this.repo.memberIds(r.unitId, ctx.em);
          await this.notifications.notify(
            ctx.em,
            members.map((userId) => ({
              audience: { userId },
              kind: ctx.event === 'ACCEPT' ? 'UNIT_REPORT_ACCEPTED' : 'UNIT_REPORT_RETURNED',
              title: ctx.event === 'ACCEPT' ? 'Báo cáo đã được tiếp nhận' : 'Báo cáo bị trả lại để bổ sung',
              body: ctx.event === 'ACCEPT' ? 'Sở đã tiếp nhận báo cáo của đơn vị.' : `Lý do: ${dto.reason!.trim()}`,
              entityType: 'unit_report',
              entityId: r.id,
            })),
          );
        }
      },
      scope: (r) => ({ authorityId: r.authorityId }),
    });
    return record;
  }

  async historyOf(id: string, actor: Actor) {
    const r = await this.getReport(id, actor);
    return (await this.history.list('unit_report', [r.id])).map(historyView);
  }

  async allowed(id: string, actor: Actor) {
    const r = await this.getReport(id, actor);
    return {
      state: r.state,
      version: r.version,
      allowed: await this.engine.allowedEvents(unitReportMachine, r, actor),
    };
  }

  async attach(id: string, kind: string, file: StoredUpload, actor: AuthenticatedUser): Promise<DocumentView> {
    return this.dataSource.transaction(async (em) => {
      const r = await this.repo.lockReport(em, id);
      if (!r || !(await this.visible(r, actor))) throw DomainError.notFound('Unit report');
      if (!['DRAFT', 'RETURNED'].includes(r.state)) {
        throw DomainError.conflict(ErrorCode.CONFLICT, `A ${r.state} return takes no attachment`, { state: r.state });
      }
      return this.documents.attach(em, OWNER(r.id), kind, file, actor, { authorityId: r.authorityId });
    });
  }

  async documentsOf(id: string, actor: Actor) {
    const r = await this.getReport(id, actor);
    return this.documents.list(OWNER(r.id), { includeSuperseded: true });
  }

  async document(id: string, docId: string, actor: Actor) {
    const r = await this.getReport(id, actor);
    const doc = await this.documents.get(OWNER(r.id), docId);
    if (!doc) throw DomainError.notFound('Document');
    return this.documents.download(doc);
  }

  // ---- reminders --------------------------------------------------------------------------------------------

  /**
   * Daily: units that have not filed are reminded from REMINDER_DAYS before the due day, and told once when it has
   * passed (the approvers too). Idempotent: one notification per unit, period and kind (dedupe keys).
   */
  private async remind(em: EntityManager, today: string): Promise<Record<string, unknown>> {
    let reminded = 0;
    let overdue = 0;
    for (const p of await this.repo.periodsDueBy(em, addDays(today, REMINDER_DAYS))) {
      const reports = await this.repo.reportsOfPeriod(p.id, em);
      for (const u of (await this.repo.units(p.authorityId, em)).filter((x) => x.active)) {
        const s = returnStatus(reports.find((r) => r.unitId === u.id) ?? null, p.dueOn, today);
        if (s.state !== 'MISSING' && s.state !== 'DRAFT') continue;
        const late = today > p.dueOn;
        const kind = late ? 'UNIT_REPORT_OVERDUE' : 'UNIT_REPORT_DUE';
        const body = `Báo cáo ${periodLabel(p)} của ${u.name} ${late ? 'đã quá hạn' : 'đến hạn'} ${formatVietnameseDate(p.dueOn)}.`;
        const members = await this.repo.memberIds(u.id, em);
        await this.notifications.notify(em, [
          ...members.map((userId) => ({
            audience: { userId },
            kind,
            title: late ? 'Báo cáo định kỳ quá hạn' : 'Sắp đến hạn báo cáo định kỳ',
            body,
            entityType: 'reporting_period',
            entityId: p.id,
            dedupeKey: `${kind}:${p.id}:${u.id}:${userId}`,
          })),
          ...(late
            ? [
                {
                  audience: { authorityId: p.authorityId, roles: ['approver' as const] },
                  kind,
                  title: 'Đơn vị chưa gửi báo cáo định kỳ',
                  body,
                  entityType: 'reporting_period',
                  entityId: p.id,
                  data: { unitId: u.id },
                  dedupeKey: `${kind}:${p.id}:${u.id}:approvers`,
                },
              ]
            : []),
        ]);
        if (late) overdue++;
        else reminded++;
      }
    }
    return { reminded, overdue };
  }

  // ---- synthesis --------------------------------------------------------------------------------------------

  /** The figures of the synthesis report for the Provincial People's Committee. */
  async synthesis(periodId: string, actor: AuthenticatedUser) {
    const p = await this.period(periodId, actor);
    const authority = (await this.authorities.findById(p.authorityId))!;
    const stats = await this.statistics.compute(
      { from: p.coversFrom, to: p.coversTo, authorityId: p.authorityId },
      actor,
    );
    const versions = await this.repo.licenseVersionsSigned(p.authorityId, p.coversFrom, p.coversTo);
    const ended = await this.repo.licensesEnded(p.authorityId, p.coversFrom, p.coversTo, authority.timeZone);
    const status = await this.status(p.id, actor);
    const reports = await this.repo.reportsOfPeriod(p.id);
    const counted = reports.filter((r) => r.state === 'SUBMITTED' || r.state === 'ACCEPTED');
    const us = stats.unlicensedSites.byState;
    return {
      period: periodView(p),
      authority: { id: authority.id, name: authority.name, province: authority.province },
      generatedOn: await this.today(p.authorityId),
      units: {
        expected: status.units.length,
        filed: status.units.filter((u) => u.state === 'SUBMITTED' || u.state === 'ACCEPTED').length,
        overdue: status.units.filter((u) => u.overdue).length,
        late: status.units.filter((u) => u.late).length,
        totals: sumFigures(counted.map((r) => r.figures)),
        byUnit: status.units.map((u) => ({
          code: u.unit.code,
          name: u.unit.name,
          state: u.state,
          overdue: u.overdue,
          late: u.late,
          figures: reports.find((r) => r.id === u.reportId)?.figures ?? null,
        })),
      },
      licensing: {
        issued: versions.NEW ?? 0,
        amended: versions.AMENDMENT ?? 0,
        extended: versions.EXTENSION ?? 0,
        reissued: versions.REISSUE ?? 0,
        revoked: ended.revoked,
        expired: ended.expired,
        inForce: stats.licenses.byStatus.ACTIVE,
      },
      inspections: stats.inspections,
      violations: {
        total: stats.violations.total,
        sanctioned: stats.violations.sanctioned,
        totalFines: stats.violations.totalFines,
      },
      contentRequests: stats.contentRequests,
      unlicensedSites: {
        found: stats.unlicensedSites.found,
        resolved: us.LICENSED + us.CEASED + us.SANCTIONED,
        licensed: us.LICENSED,
        ceased: us.CEASED,
        sanctioned: us.SANCTIONED,
      },
    };
  }

  /** The figures as CSV lines `section,metric,value` (UTF-8, RFC 4180 quoting). */
  async synthesisCsv(periodId: string, actor: AuthenticatedUser): Promise<string> {
    const s = await this.synthesis(periodId, actor);
    const rows: [string, string, string | number][] = [];
    for (const [k, v] of Object.entries(s.licensing)) rows.push(['licensing', k, v]);
    rows.push(['inspections', 'total', s.inspections.total]);
    for (const [k, v] of Object.entries(s.violations)) rows.push(['violations', k, v]);
    for (const k of ['issued', 'answered', 'accepted', 'missed', 'violations'] as const) {
      rows.push(['contentRequests', k, s.contentRequests[k]]);
    }
    for (const [k, v] of Object.entries(s.unlicensedSites)) rows.push(['unlicensedSites', k, v]);
    for (const k of ['expected', 'filed', 'overdue', 'late'] as const) rows.push(['units', k, s.units[k]]);
    for (const k of UNIT_FIGURE_KEYS) rows.push(['unitTotals', k, s.units.totals[k]]);
    for (const u of s.units.byUnit) rows.push([`unit:${u.code}`, 'state', u.state]);
    const q = (x: string | number) => (/[",\n]/.test(String(x)) ? `"${String(x).replace(/"/g, '""')}"` : String(x));
    return ['section,metric,value', ...rows.map((r) => r.map(q).join(','))].join('\r\n') + '\r\n';
  }

  async synthesisPdf(periodId: string, actor: AuthenticatedUser): Promise<Buffer> {
    const s = await this.synthesis(periodId, actor);
    const p = (await this.repo.period(periodId))!;
    const authority = (await this.authorities.findById(p.authorityId))!;
    const n = (x: number) => String(x);
    const sections: SynthesisSection[] = [
      {
        heading: 'Công tác cấp phép trang thông tin điện tử tổng hợp',
        lines: [
          { label: 'Số giấy phép cấp mới', value: n(s.licensing.issued) },
          { label: 'Số giấy phép sửa đổi, bổ sung', value: n(s.licensing.amended) },
          { label: 'Số giấy phép gia hạn', value: n(s.licensing.extended) },
          { label: 'Số giấy phép cấp lại', value: n(s.licensing.reissued) },
          { label: 'Số giấy phép bị thu hồi', value: n(s.licensing.revoked) },
          { label: 'Số giấy phép hết hạn', value: n(s.licensing.expired) },
          { label: 'Số giấy phép đang có hiệu lực', value: n(s.licensing.inForce) },
        ],
      },
      {
        heading: 'Công tác kiểm tra, xử lý vi phạm',
        lines: [
          { label: 'Số cuộc kiểm tra', value: n(s.inspections.total) },
          { label: 'Số vi phạm được ghi nhận', value: n(s.violations.total) },
          { label: 'Số vi phạm đã ra quyết định xử phạt', value: n(s.violations.sanctioned) },
          { label: 'Tổng số tiền phạt', value: formatVnd(s.violations.totalFines) },
        ],
      },
      {
        heading: 'Yêu cầu chấn chỉnh, gỡ bỏ thông tin',
        lines: [
          { label: 'Số văn bản yêu cầu chấn chỉnh', value: n(s.contentRequests.byKind.CORRECTION.issued) },
          { label: 'Số văn bản yêu cầu gỡ bỏ thông tin', value: n(s.contentRequests.byKind.REMOVAL.issued) },
          { label: 'Số yêu cầu đã được thực hiện và ghi nhận', value: n(s.contentRequests.accepted) },
          { label: 'Số yêu cầu quá hạn', value: n(s.contentRequests.missed) },
        ],
      },
      {
        heading: 'Trang thông tin điện tử hoạt động không có giấy phép',
        lines: [
          { label: 'Số trang phát hiện', value: n(s.unlicensedSites.found) },
          { label: 'Số trang đã được cấp phép', value: n(s.unlicensedSites.licensed) },
          { label: 'Số trang đã dừng hoạt động', value: n(s.unlicensedSites.ceased) },
          { label: 'Số trang đã bị xử phạt', value: n(s.unlicensedSites.sanctioned) },
        ],
      },
      {
        heading: 'Tổng hợp số liệu báo cáo của các đơn vị, địa phương',
        lines: [
          { label: 'Số đơn vị phải báo cáo', value: n(s.units.expected) },
          { label: 'Số đơn vị đã báo cáo', value: n(s.units.filed) },
          { label: 'Số đơn vị quá hạn chưa báo cáo', value: n(s.units.overdue) },
          ...UNIT_FIGURE_KEYS.map((k) => ({
            label: UNIT_FIGURE_LABELS[k],
            value: k === 'finesVnd' ? formatVnd(s.units.totals[k]) : n(s.units.totals[k]),
          })),
        ],
      },
    ];
    const suffix = authority.licenseNumberSuffix.trim();
    return renderSynthesisReport({
      authority: authorityBlock(authority, authority.signerName),
      numberSuffix: `BC-${/^GP-./i.test(suffix) ? suffix.slice(3) : authority.code}`,
      signedOn: s.generatedOn,
      periodLabel: periodLabel(p),
      coversFrom: p.coversFrom,
      coversTo: p.coversTo,
      recipient: `Ủy ban nhân dân tỉnh ${authority.province}`,
      sections,
      units: s.units.byUnit.map((u) => ({
        name: u.name,
        status: `${STATE_LABEL[u.state] ?? u.state}${u.overdue ? ' (quá hạn)' : ''}${u.late ? ' (gửi muộn)' : ''}`,
      })),
    });
  }
}

function figuresOf(f: UnitFigures): UnitFigures {
  return Object.fromEntries(UNIT_FIGURE_KEYS.map((k) => [k, f[k]])) as UnitFigures;
}

export function periodLabel(p: Pick<ReportingPeriod, 'kind' | 'year'>): string {
  return p.kind === 'ANNUAL' ? `năm ${p.year}` : `6 tháng đầu năm ${p.year}`;
}
