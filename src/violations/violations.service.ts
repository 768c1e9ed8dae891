import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Actor, SYSTEM_ACTOR } from '../auth/roles';
import { zonedIsoDate } from '../calendar/iso-date';
import { Clock } from '../common/clock';
import { DomainError, FieldError } from '../common/domain-error';
import { Page, pageOf } from '../common/pagination';
import { APP_CONFIG, AppConfig } from '../config/config';
import { LicensesRepository } from '../licenses/licenses.repository';
import { NotificationInput, NotificationsService } from '../notifications/notifications.service';
import { formatShortDate, formatVnd } from '../pdf/vietnamese-format';
import { visibleTo } from '../auth/visibility';
import { SchedulerService } from '../scheduler/scheduler.service';
import { historyView, WorkflowHistoryRepository } from '../workflow/workflow-history.repository';
import { TransitionContext, WorkflowEngine } from '../workflow/workflow.engine';
import { CreateViolationDto, ProposalsQuery, ViolationsQuery, ViolationTransitionDto } from './dto/violation.dto';
import { fineInRange, fineRangeFor, type OffenderKind, ViolationType } from './violation-type';
import { EnforcementProposal, proposalKind, Violation, type ViolationSubjectKind } from './violation.entity';
import { enforcementProposalMachine, violationMachine } from './violation.machine';
import { ViolationTypesRepository } from './violation-types.repository';
import { ViolationsRepository } from './violations.repository';

type Ctx = TransitionContext<Violation>;

/** Who a new violation is about and who answers for it. */
interface Subject {
  kind: ViolationSubjectKind;
  licenseId: string | null;
  unlicensedSiteId: string | null;
  authorityId: string;
  organizationId: string | null;
  offender: { kind: OffenderKind; name: string | null; idNumber?: string; address?: string } | null;
  /** How the notification names it (Vietnamese). */
  label: string;
}

/** Violations and the enforcement proposals their escalation puts in the approver's queue. */
@Injectable()
export class ViolationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly violations: ViolationsRepository,
    private readonly types: ViolationTypesRepository,
    private readonly licenses: LicensesRepository,
    private readonly engine: WorkflowEngine,
    private readonly history: WorkflowHistoryRepository,
    private readonly notifications: NotificationsService,
    private readonly scheduler: SchedulerService,
  ) {}

  onModuleInit(): void {
    this.scheduler.registerJob({
      name: 'violation.escalate-overdue-remedies',
      run: (em, today) => this.escalateOverdueRemedies(em, today),
    });
  }

  private today(): string {
    return zonedIsoDate(this.clock.now(), this.config.defaultTimeZone);
  }

  /**
   * Logs a violation (OPEN), judged by the catalogue entry in force on `detectedOn`; the licensee is told. With `em`,
   * inside the caller's transaction (a violation opened from a late change notice).
   */
  async create(dto: CreateViolationDto, inspector: AuthenticatedUser, em?: EntityManager): Promise<Violation> {
    const today = this.today();
    if (dto.detectedOn > today) {
      throw DomainError.rule('DETECTED_IN_FUTURE', 'A violation cannot be found on a future day', {
        errors: [{ field: 'detectedOn', message: `must be ${today} or earlier` }],
      });
    }
    const run = async (em: EntityManager) => {
      const subject = await this.subjectOf(dto, inspector, em);
      const type = await this.types.findInForce(dto.typeCode, dto.detectedOn, em);
      if (!type) {
        throw DomainError.rule(
          'VIOLATION_TYPE_NOT_IN_FORCE',
          `The catalogue has no entry ${dto.typeCode} in force on ${dto.detectedOn}`,
          { errors: [{ field: 'typeCode', message: `no entry in force on ${dto.detectedOn}` }] },
        );
      }
      if (dto.inspectionId) {
        // inspections are of licenses; a violation of another subject is never linked to one
        const inspection = await this.violations.inspection(em, dto.inspectionId);
        if (!inspection || inspection.licenseId !== subject.licenseId || inspection.state === 'CANCELLED') {
          throw DomainError.rule('INSPECTION_MISMATCH', 'The inspection is not a live inspection of this license', {
            errors: [{ field: 'inspectionId', message: 'not an inspection of this license' }],
          });
        }
      }
      const violation = await this.violations.insert(em, {
        subjectKind: subject.kind,
        licenseId: subject.licenseId,
        unlicensedSiteId: subject.unlicensedSiteId,
        inspectionId: dto.inspectionId ?? null,
        authorityId: subject.authorityId,
        organizationId: subject.organizationId,
        offenderKind: subject.offender?.kind ?? null,
        offenderName: subject.offender?.name ?? null,
        offenderIdNumber: subject.offender?.idNumber ?? null,
        offenderAddress: subject.offender?.address ?? null,
        typeCode: type.code,
        typeEffectiveFrom: type.effectiveFrom,
        description: dto.description.trim(),
        detectedOn: dto.detectedOn,
        createdBy: inspector.id,
      });
      if (subject.organizationId) {
        await this.notifications.notify(em, {
          audience: { organizationId: subject.organizationId },
          kind: 'VIOLATION_LOGGED',
          title: 'Ghi nhận vi phạm',
          body:
            `Ngày ${formatShortDate(dto.detectedOn)}, cơ quan quản lý ghi nhận vi phạm "${type.titleVi}" ` +
            `(${type.legalBasis}) đối với ${subject.label}.`,
          entityType: 'violation',
          entityId: violation.id,
          data: { licenseId: subject.licenseId, typeCode: type.code, detectedOn: dto.detectedOn },
        });
      }
      await this.engine.recordCreation(
        em,
        violationMachine,
        violation.id,
        inspector,
        { authorityId: violation.authorityId, organizationId: violation.organizationId },
        {
          subjectKind: subject.kind,
          licenseId: subject.licenseId,
          unlicensedSiteId: subject.unlicensedSiteId,
          ...(subject.offender ? { offenderKind: subject.offender.kind } : {}),
          typeCode: type.code,
          typeEffectiveFrom: type.effectiveFrom,
          detectedOn: dto.detectedOn,
        },
      );
      return violation;
    };
    return em ? run(em) : this.dataSource.transaction(run);
  }

  /**
   * Who the violation is about, and who answers for it: exactly one of a license (its licensee, an organization)
   * or an offender identified otherwise (in the inspector's authority).
   */
  private async subjectOf(dto: CreateViolationDto, inspector: AuthenticatedUser, em: EntityManager): Promise<Subject> {
    const given = [dto.licenseId, dto.unlicensedSiteId].filter((x) => x !== undefined).length;
    if (given > 1 || (given === 0 && !dto.offender) || (dto.licenseId && dto.offender)) {
      throw DomainError.validation(
        'A violation names exactly one subject: licenseId, unlicensedSiteId (with an optional offender) or offender',
        [{ field: 'licenseId', message: 'give exactly one of licenseId, unlicensedSiteId, offender' }],
      );
    }
    if (dto.unlicensedSiteId) {
      const site = await this.violations.unlicensedSite(em, dto.unlicensedSiteId);
      if (!site || !visibleTo(inspector, { authorityId: site.authorityId, organizationId: null })) {
        throw DomainError.notFound('Unlicensed site');
      }
      if (['LICENSED', 'DISMISSED'].includes(site.state)) {
        throw DomainError.conflict('CASE_CLOSED', `The site's case is ${site.state}`, { state: site.state });
      }
      // the offender named here, else the operator on record (unknown → no sanction until identified)
      const o = dto.offender ?? site.operator;
      return {
        kind: 'UNLICENSED_SITE',
        licenseId: null,
        unlicensedSiteId: site.id,
        authorityId: site.authorityId,
        organizationId: null,
        offender: o
          ? { kind: o.kind, name: o.name.trim(), idNumber: o.idNumber?.trim(), address: o.address?.trim() }
          : null,
        label: `trang ${site.domains.join(', ')}`,
      };
    }
    if (dto.licenseId) {
      const license = await this.licenses.findById(dto.licenseId, em);
      if (!license || !visibleTo(inspector, license)) throw DomainError.notFound('License');
      return {
        kind: 'LICENSE',
        licenseId: license.id,
        unlicensedSiteId: null,
        authorityId: license.authorityId,
        organizationId: license.organizationId,
        // the licensee is an organization (Decree 147/2024: licenses are issued to organizations)
        offender: { kind: 'ORGANIZATION', name: license.licensee.name, idNumber: license.licensee.registrationNumber },
        label: `trang ${license.site.name} (giấy phép số ${license.number})`,
      };
    }
    const o = dto.offender!;
    return {
      kind: 'OFFENDER',
      licenseId: null,
      unlicensedSiteId: null,
      authorityId: inspector.authorityId!,
      organizationId: null,
      offender: { kind: o.kind, name: o.name.trim(), idNumber: o.idNumber?.trim(), address: o.address?.trim() },
      label: o.name.trim(),
    };
  }

  transition(id: string, dto: ViolationTransitionDto, actor: AuthenticatedUser): Promise<Violation> {
    return this.fire(id, dto, actor, this.today());
  }

  private async fire(
    id: string,
    dto: ViolationTransitionDto,
    actor: Actor,
    today: string,
    em?: EntityManager,
  ): Promise<Violation> {
    let type: ViolationType | null = null;
    const typeOf = async (ctx: Ctx) =>
      (type ??= await this.types.findVersion(ctx.record.typeCode, ctx.record.typeEffectiveFrom, ctx.em));
    const { record } = await this.engine.fire<Violation>({
      em,
      machine: violationMachine,
      entity: Violation,
      id,
      event: dto.event,
      actor,
      expectedVersion: dto.version,
      input: { reason: dto.reason },
      visible: (v) => visibleTo(actor, v),
      guards: {
        sanctionDecision: async (ctx) => {
          const errors: FieldError[] = [];
          if (!dto.decisionNumber?.trim()) errors.push({ field: 'decisionNumber', message: 'required to SANCTION' });
          if (dto.fineAmount === undefined) errors.push({ field: 'fineAmount', message: 'required to SANCTION' });
          if (errors.length) {
            throw DomainError.rule('SANCTION_DECISION_REQUIRED', 'A sanction needs a decision number and a fine', {
              errors,
            });
          }
          if (!ctx.record.offenderKind && ctx.record.unlicensedSiteId) {
            // the site's operator, identified since the violation was logged, answers for it
            const site = await this.violations.unlicensedSite(ctx.em, ctx.record.unlicensedSiteId);
            if (site?.operator) {
              ctx.patch({
                offenderKind: site.operator.kind,
                offenderName: site.operator.name,
                offenderIdNumber: site.operator.idNumber ?? null,
                offenderAddress: site.operator.address ?? null,
              });
            }
          }
          const offender = ctx.record.offenderKind;
          if (!offender) {
            throw DomainError.rule(
              'OFFENDER_UNKNOWN',
              'Nobody can be sanctioned before the offender is known: identify the operator of the site first',
            );
          }
          const t = (await typeOf(ctx))!;
          // The fine lies in the range of the entry in force on the day of detection, halved for an individual
          // (Decree 119/2020 art. 4(1); Decree 15/2020 art. 4(2)).
          const r = fineRangeFor(t, offender);
          if (!fineInRange(t, dto.fineAmount!, offender)) {
            throw DomainError.rule(
              'FINE_OUT_OF_RANGE',
              `The fine for ${t.code} (entry from ${t.effectiveFrom}) must be between ${formatVnd(r.minFine)} and ` +
                `${formatVnd(r.maxFine)} for ${offender === 'INDIVIDUAL' ? 'an individual' : 'an organization'}`,
              {
                errors: [{ field: 'fineAmount', message: `between ${r.minFine} and ${r.maxFine}` }],
                extensions: { minFine: r.minFine, maxFine: r.maxFine, offenderKind: offender },
              },
            );
          }
          if (dto.remedyDueOn && dto.remedyDueOn < ctx.record.detectedOn) {
            throw DomainError.rule('REMEDY_DUE_BEFORE_DETECTION', 'The remedy date is before the violation was found', {
              errors: [{ field: 'remedyDueOn', message: `must be ${ctx.record.detectedOn} or later` }],
            });
          }
        },
        reasonGiven: () => {
          if (!dto.reason?.trim()) {
            throw DomainError.rule('REASON_REQUIRED', `${dto.event} needs a reason`, {
              errors: [{ field: 'reason', message: `required for ${dto.event}` }],
            });
          }
        },
        escalationGrounds: async (ctx) => {
          // an escalation proposes suspending or revoking a license: there must be one
          if (!ctx.record.licenseId) {
            throw DomainError.rule(
              'ESCALATION_NEEDS_LICENSE',
              'Only a violation of a license can be escalated to a suspension or revocation proposal',
            );
          }
          const t = (await typeOf(ctx))!;
          const remedyPassed = ctx.record.remedyDueOn !== null && ctx.record.remedyDueOn < today;
          if (t.grave || (ctx.from === 'SANCTIONED' && remedyPassed)) return;
          throw DomainError.rule(
            'ESCALATION_NOT_JUSTIFIED',
            ctx.from === 'OPEN'
              ? `Only a grave type is escalated before a sanction; ${t.code} is not`
              : 'The remedy date has not passed and the type is not grave',
          );
        },
      },
      effect: (ctx) => this.effect(ctx, dto, today, typeOf),
      scope: (v) => ({ authorityId: v.authorityId, organizationId: v.organizationId }),
    });
    return record;
  }

  private async effect(
    ctx: Ctx,
    dto: ViolationTransitionDto,
    today: string,
    typeOf: (ctx: Ctx) => Promise<ViolationType | null>,
  ): Promise<void> {
    const v = ctx.record;
    const now = this.clock.now();
    // only a licensee has site owners to tell; other offenders get the authority's letters
    const tell = async (n: Omit<NotificationInput, 'audience'>) => {
      if (v.organizationId) {
        await this.notifications.notify(ctx.em, { audience: { organizationId: v.organizationId }, ...n });
      }
    };
    const t = (await typeOf(ctx))!;
    switch (ctx.event) {
      case 'SANCTION': {
        ctx.patch({
          fineAmount: dto.fineAmount!,
          decisionNumber: dto.decisionNumber!.trim(),
          remedyDueOn: dto.remedyDueOn ?? null,
          sanctionedAt: now,
        });
        ctx.note({ fineAmount: dto.fineAmount, decisionNumber: dto.decisionNumber, remedyDueOn: dto.remedyDueOn });
        const remedy = dto.remedyDueOn ? ` Hạn khắc phục: ${formatShortDate(dto.remedyDueOn)}.` : '';
        await tell({
          kind: 'VIOLATION_SANCTIONED',
          title: 'Quyết định xử phạt vi phạm hành chính',
          body: `Quyết định số ${dto.decisionNumber!.trim()}: phạt tiền ${formatVnd(dto.fineAmount!)} về hành vi "${t.titleVi}".${remedy}`,
          entityType: 'violation',
          entityId: v.id,
          data: {
            fineAmount: dto.fineAmount,
            decisionNumber: dto.decisionNumber,
            remedyDueOn: dto.remedyDueOn ?? null,
          },
        });
        return;
      }
      case 'DISMISS':
        await tell({
          kind: 'VIOLATION_DISMISSED',
          title: 'Hủy ghi nhận vi phạm',
          body: `Vi phạm "${t.titleVi}" ghi nhận ngày ${formatShortDate(v.detectedOn)} không bị xử lý. Lý do: ${dto.reason ?? ''}`,
          entityType: 'violation',
          entityId: v.id,
        });
        return;
      case 'CONFIRM_REMEDIED':
        ctx.patch({ resolvedAt: now });
        await tell({
          kind: 'VIOLATION_RESOLVED',
          title: 'Xác nhận đã khắc phục vi phạm',
          body: `Cơ quan quản lý xác nhận tổ chức đã khắc phục vi phạm "${t.titleVi}".`,
          entityType: 'violation',
          entityId: v.id,
        });
        return;
      case 'ESCALATE': {
        ctx.patch({ escalatedAt: now });
        const license = (await this.licenses.findById(v.licenseId!, ctx.em))!;
        const kind = proposalKind(license.suspensionCount, t.grave);
        const reason = t.grave
          ? `Vi phạm nghiêm trọng: ${t.titleVi}`
          : `Không khắc phục vi phạm "${t.titleVi}" trong thời hạn (hạn ${formatShortDate(v.remedyDueOn ?? today)})`;
        const proposal = await this.violations.insertProposal(ctx.em, {
          licenseId: license.id,
          violationId: v.id,
          authorityId: v.authorityId,
          organizationId: license.organizationId,
          kind,
          reason,
        });
        ctx.note({ proposalId: proposal.id, proposal: kind });
        await this.notifications.notify(ctx.em, {
          audience: { authorityId: v.authorityId, roles: ['approver'] },
          kind: 'ESCALATION',
          title: kind === 'REVOKE' ? 'Đề xuất thu hồi giấy phép' : 'Đề xuất đình chỉ giấy phép',
          body:
            `Giấy phép số ${license.number} (${license.site.name}): ${reason}. ` +
            (kind === 'REVOKE'
              ? `Giấy phép đã bị đình chỉ ${license.suspensionCount} lần; đề xuất thu hồi.`
              : 'Đề xuất đình chỉ hoạt động.'),
          entityType: 'enforcement_proposal',
          entityId: proposal.id,
          data: { licenseId: v.licenseId, violationId: v.id, kind },
        });
        return;
      }
    }
  }

  /** Daily: escalate SANCTIONED violations whose remedy date passed (run-once; idempotent by state). */
  private async escalateOverdueRemedies(em: EntityManager, today: string): Promise<Record<string, unknown>> {
    const ids = await this.violations.overdueRemedies(em, today);
    for (const id of ids) await this.fire(id, { event: 'ESCALATE' }, SYSTEM_ACTOR, today, em);
    return { escalated: ids.length };
  }

  async get(id: string, actor: Actor): Promise<{ violation: Violation; type: ViolationType | null }> {
    const violation = await this.violations.findById(id);
    if (!violation || !visibleTo(actor, violation)) throw DomainError.notFound('Violation');
    return { violation, type: await this.types.findVersion(violation.typeCode, violation.typeEffectiveFrom) };
  }

  async list(actor: Actor, q: ViolationsQuery): Promise<Page<{ violation: Violation; type: ViolationType | null }>> {
    const { items, total } = await this.violations.list(actor, q);
    const cache = new Map<string, ViolationType | null>();
    const out = [];
    for (const v of items) {
      const key = `${v.typeCode}@${v.typeEffectiveFrom}`;
      if (!cache.has(key)) cache.set(key, await this.types.findVersion(v.typeCode, v.typeEffectiveFrom));
      out.push({ violation: v, type: cache.get(key) ?? null });
    }
    return pageOf(out, total, q);
  }

  async historyOf(id: string, actor: Actor) {
    const { violation } = await this.get(id, actor);
    return (await this.history.list('violation', [violation.id])).map(historyView);
  }

  async allowed(id: string, actor: Actor) {
    const { violation } = await this.get(id, actor);
    return {
      state: violation.state,
      version: violation.version,
      allowed: await this.engine.allowedEvents(violationMachine, violation, actor),
    };
  }

  async proposals(actor: Actor, q: ProposalsQuery) {
    const { items, total } = await this.violations.proposals(actor, q);
    const out = [];
    for (const p of items) out.push({ proposal: p, license: await this.licenses.findById(p.licenseId) });
    return pageOf(out, total, q);
  }

  /** ACT (after suspending or revoking the license) or DISMISS (with a reason) an enforcement proposal. */
  async closeProposal(
    id: string,
    dto: { event: string; version?: number; reason?: string },
    approver: AuthenticatedUser,
  ) {
    const { record } = await this.engine.fire<EnforcementProposal>({
      machine: enforcementProposalMachine,
      entity: EnforcementProposal,
      id,
      event: dto.event,
      actor: approver,
      expectedVersion: dto.version,
      input: { reason: dto.reason },
      visible: (p) => visibleTo(approver, p),
      guards: {
        licenseActedOn: async (ctx) => {
          const license = (await this.licenses.findById(ctx.record.licenseId, ctx.em))!;
          const done = ctx.record.kind === 'REVOKE' ? ['REVOKED'] : ['SUSPENDED', 'REVOKED'];
          if (!done.includes(license.status)) {
            throw DomainError.rule(
              'LICENSE_NOT_ACTED_ON',
              `The license is ${license.status}: ${ctx.record.kind === 'REVOKE' ? 'revoke' : 'suspend'} it first ` +
                '(POST /licenses/{id}/transitions)',
            );
          }
        },
        reasonGiven: () => {
          if (!dto.reason?.trim()) {
            throw DomainError.rule('REASON_REQUIRED', 'A dismissed proposal needs a reason', {
              errors: [{ field: 'reason', message: 'required for DISMISS' }],
            });
          }
        },
      },
      effect: (ctx) => {
        ctx.patch({ closedBy: approver.id, closedAt: this.clock.now(), closeNote: dto.reason?.trim() ?? null });
      },
      scope: (p) => ({ authorityId: p.authorityId, organizationId: p.organizationId }),
    });
    return { proposal: record, license: await this.licenses.findById(record.licenseId) };
  }
}
