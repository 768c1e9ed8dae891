import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Actor, isStaffRole, SYSTEM_ACTOR } from '../auth/roles';
import { visibleTo } from '../auth/visibility';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import { compareIsoDate, zonedIsoDate } from '../calendar/iso-date';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode, FieldError } from '../common/domain-error';
import { offsetOf, pageOf } from '../common/pagination';
import { NotificationsService } from '../notifications/notifications.service';
import { PdfService, sha256Hex } from '../pdf/pdf.service';
import { DocumentSigning } from '../signing/signing.service';
import { formatVietnameseDate } from '../pdf/vietnamese-format';
import { historyView, WorkflowHistoryRepository } from '../workflow/workflow-history.repository';
import { TransitionContext, WorkflowEngine } from '../workflow/workflow.engine';
import { LicenseNumberingDto, LicensesQuery, LicenseTransitionDto } from './dto/license.dto';
import { DEFAULT_NUMBER_FORMAT, formatLicenseNumber, numberFormatProblems } from './license-number';
import { LegalParametersService } from '../legal/legal-parameters.service';
import { addMonths } from './license-term';
import { License } from './license.entity';
import { licenseMachine } from './license.machine';
import { licenseVersionView, licenseView, versionSummary } from './license.view';
import { LicensePdfCache } from './license-pdf-cache';
import { LicenseScope, LicensesRepository, LicenseVersionRow } from './licenses.repository';
import { normalizeSearchText } from './search-text';

type LicenseCtx = TransitionContext<License>;

function scopeOf(user: AuthenticatedUser): LicenseScope {
  if (user.role === 'site_owner')
    return { organizationId: user.organizationId ?? '00000000-0000-0000-0000-000000000000' };
  if (isStaffRole(user.role)) return { authorityId: user.authorityId ?? '00000000-0000-0000-0000-000000000000' };
  if (user.role === 'admin') return {};
  // deny by default: any other role (e.g. reporting_unit) sees no license
  return { authorityId: '00000000-0000-0000-0000-000000000000' };
}

@Injectable()
export class LicensesService {
  private readonly logger = new Logger(LicensesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly licenses: LicensesRepository,
    private readonly authorities: AuthoritiesRepository,
    private readonly engine: WorkflowEngine,
    private readonly history: WorkflowHistoryRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly pdf: PdfService,
    private readonly clock: Clock,
    private readonly pdfCache: LicensePdfCache,
    private readonly signing: DocumentSigning,
    private readonly legal: LegalParametersService,
  ) {}

  private async visible(id: string, user: AuthenticatedUser): Promise<License> {
    const license = await this.licenses.findById(id);
    if (!license || !visibleTo(user, license)) throw DomainError.notFound('License');
    return license;
  }

  async list(user: AuthenticatedUser, q: LicensesQuery) {
    const search = q.q ? normalizeSearchText(q.q) : undefined;
    const { items, total } = await this.licenses.list(scopeOf(user), {
      status: q.status,
      q: search || undefined,
      limit: q.pageSize,
      offset: offsetOf(q),
    });
    return pageOf(items.map(licenseView), total, q);
  }

  async get(id: string, user: AuthenticatedUser, version?: number) {
    const license = await this.visible(id, user);
    if (version === undefined) return licenseView(license);
    const v = await this.licenses.version(license.id, version);
    if (!v) throw DomainError.notFound('License version');
    return licenseVersionView(license, v);
  }

  async versions(id: string, user: AuthenticatedUser) {
    const license = await this.visible(id, user);
    return (await this.licenses.versions(license.id)).map(versionSummary);
  }

  /**
   * The PDF of a version (the latest when none is named), re-rendered from the data stored with it: the same
   * bytes every time. If they no longer match the recorded digest (a font or renderer change), the document is
   * still served — it says what the record says — and the mismatch is logged as an error for the operators.
   */
  async pdfOf(id: string, user: AuthenticatedUser, version?: number) {
    const license = await this.visible(id, user);
    const v =
      version === undefined
        ? await this.licenses.latestVersion(license.id)
        : await this.licenses.version(license.id, version);
    if (!v) throw DomainError.notFound('License version');
    const { bytes, sha256 } = await this.versionPdf(license, v);
    const fileName = `giay-phep-${license.number.replace(/[^A-Za-z0-9-]+/g, '-')}-v${v.version}.pdf`;
    return { bytes, sha256, recordedSha256: v.pdfSha256, fileName };
  }

  /**
   * A version's PDF (from the cache, or re-rendered and signed by the authority's certificate); a digest that no
   * longer matches the recorded one is logged as an error for the operators.
   */
  async versionPdf(
    license: Pick<License, 'id' | 'authorityId'>,
    v: Pick<LicenseVersionRow, 'version' | 'document' | 'pdfSha256'>,
  ): Promise<{ bytes: Buffer; sha256: string }> {
    const cached = this.pdfCache.get(v.pdfSha256);
    if (cached) return { bytes: cached, sha256: v.pdfSha256 };
    let signer;
    if (v.document.seal) {
      const authority = await this.authorities.findById(license.authorityId);
      if (!authority) throw DomainError.notFound('Authority');
      signer = await this.signing.signerFor(authority);
    }
    const bytes = await this.pdf.renderLicense(v.document, signer);
    const sha256 = sha256Hex(bytes);
    if (sha256 === v.pdfSha256) this.pdfCache.put(sha256, bytes);
    else {
      this.logger.error(
        `License ${license.id} version ${v.version}: rendered PDF sha256 ${sha256} differs from the recorded ${v.pdfSha256}`,
      );
    }
    return { bytes, sha256 };
  }

  /** What the signature of a license's latest version says (for the public verification). */
  async latestSignature(license: Pick<License, 'id' | 'authorityId'>) {
    const v = await this.licenses.latestVersion(license.id);
    if (!v) return null;
    const { bytes, sha256 } = await this.versionPdf(license, v);
    return {
      ...this.signing.report(bytes, v.document.seal?.certificateSha256 ?? null),
      version: v.version,
      sha256,
      matchesRecordedDigest: sha256 === v.pdfSha256,
    };
  }

  async allowed(id: string, user: AuthenticatedUser) {
    const license = await this.visible(id, user);
    const allowed = await this.engine.allowedEvents(licenseMachine, license, user);
    return { state: license.status, status: license.status, version: license.version, allowed };
  }

  async transition(id: string, dto: LicenseTransitionDto, user: AuthenticatedUser) {
    const { record } = await this.fire(id, dto.event, user, dto.version, {
      reason: dto.reason,
      decisionNumber: dto.decisionNumber,
      until: dto.until,
      violationId: dto.violationId,
    });
    return licenseView(record);
  }

  /** The scheduler's transitions (EXPIRE, REINSTATE), in the job's transaction. */
  async fireAsSystem(em: EntityManager, id: string, event: 'EXPIRE' | 'REINSTATE', reason: string): Promise<void> {
    await this.fire(id, event, SYSTEM_ACTOR, undefined, { reason }, em);
  }

  private fire(
    id: string,
    event: unknown,
    actor: Actor,
    expectedVersion: number | undefined,
    input: { reason?: string; decisionNumber?: string; until?: string; violationId?: string },
    em?: EntityManager,
  ) {
    return this.engine.fire<License>({
      machine: licenseMachine,
      entity: License,
      id,
      event,
      actor,
      expectedVersion,
      input,
      em,
      visible: (l) => visibleTo(actor, l),
      guards: {
        suspensionDecision: (ctx) => requireFields(ctx, ['until', 'reason', 'decisionNumber']),
        suspensionLength: (ctx) => this.checkSuspensionLength(ctx),
        reasonGiven: (ctx) => requireFields(ctx, ['reason']),
      },
      effect: (ctx) => this.effect(ctx),
      scope: (l) => ({ authorityId: l.authorityId, organizationId: l.organizationId }),
    });
  }

  /**
   * Two kinds of suspension are kept apart. Under the licensing rules (no `violationId`), a suspension lasts the
   * term in force (LICENSE_SUSPENSION_MONTHS: 3 months, Decree 72/2013 art. 23(11), carried over to Decree
   * 147/2024); a longer one is refused. A deprivation of the right to use the license imposed as an administrative
   * sanction (`violationId`) carries the term of its sanction decision (the violation's decision number), within
   * the months its violation-type entry allows (e.g. 1–3 months, Decree 119/2020 art. 20(2)).
   */
  private async checkSuspensionLength(ctx: LicenseCtx): Promise<void> {
    const until = String(ctx.input.until);
    const authority = await this.authorities.findById(ctx.record.authorityId, ctx.em);
    const today = zonedIsoDate(this.clock.now(), authority?.timeZone ?? 'Asia/Ho_Chi_Minh');
    if (compareIsoDate(until, today) <= 0) {
      throw DomainError.rule('SUSPENSION_UNTIL_INVALID', `until (${until}) must be after today (${today})`, {
        errors: [{ field: 'until', message: `must be after ${today}` }],
      });
    }
    const violationId = typeof ctx.input.violationId === 'string' ? ctx.input.violationId : undefined;
    if (violationId) return this.checkDeprivation(ctx, violationId, today, until);
    const months = await this.legal.numberOn('LICENSE_SUSPENSION_MONTHS', today, ctx.record.authorityId, ctx.em);
    const latest = addMonths(today, months);
    if (compareIsoDate(until, latest) > 0) {
      throw DomainError.rule('SUSPENSION_TOO_LONG', `A suspension lasts at most ${months} months: until ${latest}`, {
        errors: [{ field: 'until', message: `must be on or before ${latest}` }],
        extensions: { maxMonths: months, latestUntil: latest },
      });
    }
    ctx.note({ basis: 'LICENSING_RULES', termMonths: months });
  }

  private async checkDeprivation(ctx: LicenseCtx, violationId: string, today: string, until: string): Promise<void> {
    const basis = await this.licenses.deprivationBasis(ctx.em, violationId);
    if (!basis || basis.licenseId !== ctx.record.id) {
      throw DomainError.rule('SANCTION_NOT_FOUND', 'No violation of this license with this id', {
        errors: [{ field: 'violationId', message: 'no violation of this license with this id' }],
      });
    }
    if (!basis.decisionNumber || !['SANCTIONED', 'RESOLVED', 'ESCALATED'].includes(basis.state)) {
      throw DomainError.rule('SANCTION_NOT_DECIDED', 'The violation has no sanction decision yet', {
        extensions: { violationState: basis.state },
      });
    }
    if (basis.decisionNumber !== ctx.input.decisionNumber) {
      throw DomainError.rule(
        'SANCTION_DECISION_MISMATCH',
        'A deprivation is imposed by the violation’s sanction decision',
        {
          errors: [{ field: 'decisionNumber', message: `must be ${basis.decisionNumber}` }],
        },
      );
    }
    if (basis.minMonths === null || basis.maxMonths === null) {
      throw DomainError.rule(
        'DEPRIVATION_NOT_ALLOWED',
        `The entry ${basis.typeCode} allows no deprivation of the license`,
        {
          errors: [{ field: 'violationId', message: 'its violation type allows no deprivation' }],
        },
      );
    }
    const earliest = addMonths(today, basis.minMonths);
    const latest = addMonths(today, basis.maxMonths);
    if (compareIsoDate(until, earliest) < 0 || compareIsoDate(until, latest) > 0) {
      throw DomainError.rule(
        'DEPRIVATION_TERM_OUT_OF_RANGE',
        `${basis.typeCode} allows ${basis.minMonths}–${basis.maxMonths} months: until between ${earliest} and ${latest}`,
        {
          errors: [{ field: 'until', message: `must be between ${earliest} and ${latest}` }],
          extensions: {
            minMonths: basis.minMonths,
            maxMonths: basis.maxMonths,
            earliestUntil: earliest,
            latestUntil: latest,
          },
        },
      );
    }
    ctx.note({ basis: 'SANCTION', violationId });
  }

  private async effect(ctx: LicenseCtx): Promise<void> {
    const l = ctx.record;
    const org = { organizationId: l.organizationId };
    const base = { entityType: 'license', entityId: l.id, data: { number: l.number } };
    const decisionNumber = typeof ctx.input.decisionNumber === 'string' ? ctx.input.decisionNumber : undefined;
    if (decisionNumber) ctx.note({ decisionNumber });
    switch (ctx.event) {
      case 'SUSPEND': {
        const until = String(ctx.input.until);
        const suspensionCount = l.suspensionCount + 1;
        ctx.patch({ suspendedUntil: until, suspensionCount });
        ctx.note({ until, suspensionCount });
        await this.notifications.notify(ctx.em, {
          ...base,
          audience: org,
          kind: 'LICENSE_SUSPENDED',
          title: `Giấy phép số ${l.number} bị đình chỉ`,
          body:
            `Giấy phép số ${l.number} bị đình chỉ đến hết ${formatVietnameseDate(until)} theo quyết định ` +
            `số ${decisionNumber ?? ''}. Lý do: ${String(ctx.input.reason ?? '')}`,
        });
        // Revocation after two suspensions (Decree 72/2013 art. 23(12)): proposed to the approvers, never automatic.
        if (suspensionCount >= 2) {
          ctx.note({ revocationProposed: true });
          await this.notifications.notify(ctx.em, {
            ...base,
            audience: { authorityId: l.authorityId, roles: ['approver'] },
            kind: 'REVOCATION_PROPOSED',
            title: `Đề xuất thu hồi giấy phép số ${l.number}`,
            body:
              `Giấy phép số ${l.number} đã bị đình chỉ ${suspensionCount} lần; theo quy định về cấp phép trang ` +
              'thông tin điện tử tổng hợp, giấy phép bị thu hồi khi đã bị đình chỉ hai lần. Đề nghị xem xét quyết ' +
              'định thu hồi.',
            dedupeKey: `revocation-proposed:${l.id}:${suspensionCount}`,
          });
        }
        return;
      }
      case 'REINSTATE':
        ctx.patch({ suspendedUntil: null });
        await this.notifications.notify(ctx.em, {
          ...base,
          audience: org,
          kind: 'LICENSE_REINSTATED',
          title: `Giấy phép số ${l.number} được tiếp tục có hiệu lực`,
          body: `Thời hạn đình chỉ giấy phép số ${l.number} đã kết thúc; giấy phép tiếp tục có hiệu lực.`,
        });
        return;
      case 'REVOKE':
        ctx.patch({ suspendedUntil: null });
        await this.notifications.notify(ctx.em, {
          ...base,
          audience: org,
          kind: 'LICENSE_REVOKED',
          title: `Giấy phép số ${l.number} bị thu hồi`,
          body: `Giấy phép số ${l.number} bị thu hồi. Lý do: ${String(ctx.input.reason ?? '')}`,
        });
        return;
      case 'SURRENDER':
        ctx.patch({ suspendedUntil: null });
        await this.notifications.notify(ctx.em, {
          ...base,
          audience: { authorityId: l.authorityId, roles: ['approver', 'appraiser'] },
          kind: 'LICENSE_SURRENDERED',
          title: `Giấy phép số ${l.number} được tổ chức đề nghị chấm dứt`,
          body: `${l.licensee.name} đã chấm dứt hoạt động trang ${l.site.name} theo giấy phép số ${l.number}.`,
        });
        return;
      case 'EXPIRE':
        ctx.patch({ suspendedUntil: null });
        await this.notifications.notify(ctx.em, {
          ...base,
          audience: org,
          kind: 'LICENSE_EXPIRED',
          title: `Giấy phép số ${l.number} đã hết hạn`,
          body:
            `Giấy phép số ${l.number} hết hiệu lực sau ${formatVietnameseDate(l.expiresOn)}. Trang ` +
            `${l.site.name} không được tiếp tục hoạt động khi chưa có giấy phép mới.`,
        });
        return;
    }
  }

  /** The site's lifecycle: its state, license, the caller's events and history across applications and license. */
  async lifecycle(id: string, user: AuthenticatedUser) {
    const license = await this.visible(id, user);
    const applicationIds = await this.licenses.applicationIds(license);
    const [licenseHistory, applicationHistory] = await Promise.all([
      this.history.list(licenseMachine.entityType, [license.id]),
      this.history.list('application', applicationIds),
    ]);
    const history = [...licenseHistory, ...applicationHistory]
      .sort((a, b) => a.id - b.id)
      .map((h) => ({ ...historyView(h), entityType: h.entityType, entityId: h.entityId }));
    return {
      siteId: license.id,
      state: license.status,
      license: licenseView(license),
      allowed: await this.engine.allowedEvents(licenseMachine, license, user),
      applicationIds,
      history,
    };
  }

  async numbering(authorityId: string) {
    const authority = await this.authorities.findById(authorityId);
    if (!authority) throw DomainError.notFound('Authority');
    const s = (await this.licenses.series(authorityId)) ?? {
      authorityId,
      nextSeq: 1,
      format: DEFAULT_NUMBER_FORMAT,
      pad: 0,
    };
    const year = Number(zonedIsoDate(this.clock.now(), authority.timeZone).slice(0, 4));
    return {
      ...s,
      suffix: authority.licenseNumberSuffix,
      nextNumber: formatLicenseNumber(s.nextSeq, s.format, s.pad, authority.licenseNumberSuffix, year),
    };
  }

  /** An authority migrating from paper continues its series; numbers are never reused, so it only moves forward. */
  async setNumbering(authorityId: string, dto: LicenseNumberingDto, admin: AuthenticatedUser) {
    const problems = numberFormatProblems(dto.format);
    if (problems.length) {
      throw DomainError.validation(
        'The number format is invalid',
        problems.map((message): FieldError => ({ field: 'format', message })),
      );
    }
    await this.dataSource.transaction(async (em) => {
      const authority = await this.authorities.findById(authorityId, em);
      if (!authority) throw DomainError.notFound('Authority');
      const saved = await this.licenses.setSeries(em, { authorityId, ...dto });
      if (!saved) {
        const current = await this.licenses.series(authorityId, em);
        throw DomainError.rule(
          'NUMBER_SEQUENCE_BACKWARDS',
          'License numbers are never reused: nextSeq only moves forward',
          {
            errors: [{ field: 'nextSeq', message: `must be at least ${current?.nextSeq ?? 1}` }],
            extensions: { currentNextSeq: current?.nextSeq },
          },
        );
      }
      await this.audit.record(em, {
        actor: admin,
        action: 'authority.license_numbering_set',
        entityType: 'authority',
        entityId: authorityId,
        authorityId,
        data: { ...dto },
      });
    });
    return this.numbering(authorityId);
  }

  /** The authority's suspension term (LICENSE_SUSPENSION_MONTHS in force today; `isDefault` when national). */
  async settings(authorityId: string) {
    if (!(await this.authorities.findById(authorityId))) throw DomainError.notFound('Authority');
    const v = await this.legal.versionOn('LICENSE_SUSPENSION_MONTHS', this.legal.today(), authorityId);
    return { authorityId, suspensionMaxMonths: Number(v.value), isDefault: v.authorityId === null };
  }

  /** The authority's own suspension term from today on (an effective-dated legal parameter; the past is kept). */
  async setSettings(authorityId: string, suspensionMaxMonths: number, admin: AuthenticatedUser) {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.authorities.findById(authorityId, em))) throw DomainError.notFound('Authority');
      await this.legal.setAuthorityValueFromToday(
        em,
        'LICENSE_SUSPENSION_MONTHS',
        authorityId,
        suspensionMaxMonths,
        admin,
      );
      await this.audit.record(em, {
        actor: admin,
        action: 'authority.license_settings_set',
        entityType: 'authority',
        entityId: authorityId,
        authorityId,
        data: { suspensionMaxMonths },
      });
    });
    return this.settings(authorityId);
  }
}

/** Fields an event needs: missing ones are a 400 naming each field. */
function requireFields(ctx: LicenseCtx, fields: string[]): void {
  const missing = fields.filter((f) => {
    const v = ctx.input[f];
    return typeof v !== 'string' || v.trim() === '';
  });
  if (missing.length) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 400, `${ctx.event} needs ${missing.join(', ')}`, {
      errors: missing.map((field) => ({ field, message: `${field} is required for ${ctx.event}` })),
    });
  }
}
