import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { domainToUnicode } from 'node:url';
import { DataSource, EntityManager } from 'typeorm';
import { domainProblem } from '../applications/site-particulars';
import type { UnlicensedSiteWatch } from '../applications/unlicensed-site.port';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { Actor } from '../auth/roles';
import { visibleTo } from '../auth/visibility';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import { isoDateYear, zonedIsoDate } from '../calendar/iso-date';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode, FieldError } from '../common/domain-error';
import { Page, pageOf } from '../common/pagination';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { StoredUpload } from '../documents/document-upload';
import { DocumentsService } from '../documents/documents.service';
import type { DocumentView } from '../documents/dto/document.dto';
import { confirmationLetterNumber as letterNumber } from '../change-notices/letter-number';
import { authorityBlock } from '../licenses/license-document';
import { NotificationsService } from '../notifications/notifications.service';
import { OfficialLetterPdfData, renderOfficialLetter } from '../pdf/official-letter';
import { sha256Hex } from '../pdf/pdf.service';
import { formatVietnameseDate } from '../pdf/vietnamese-format';
import { UsersRepository } from '../users/users.repository';
import type { OffenderDto } from '../violations/dto/violation.dto';
import { historyView, WorkflowHistoryRepository } from '../workflow/workflow-history.repository';
import { TransitionContext, WorkflowEngine } from '../workflow/workflow.engine';
import { normalizeDomains, sharedDomains } from './domains';
import type {
  CreateUnlicensedSiteDto,
  EvidenceInputDto,
  UnlicensedSitesQuery,
  UnlicensedSiteTransitionDto,
  UpdateUnlicensedSiteDto,
} from './dto/unlicensed-site.dto';
import { UNLICENSED_LIST_MAX } from './dto/unlicensed-site.dto';
import { siteScope, UnlicensedSite, UnlicensedSiteEvidence } from './unlicensed-site.entity';
import { unlicensedSiteMachine } from './unlicensed-site.machine';
import { UnlicensedSitesRepository } from './unlicensed-sites.repository';

type Ctx = TransitionContext<UnlicensedSite>;

const EVIDENCE_OWNER = (id: string) => ({ type: 'unlicensed_site_evidence', id });
const FINAL = unlicensedSiteMachine.final as readonly string[];

/** The legal basis printed on the direction letter. */
export const DIRECTION_LEGAL_BASIS =
  'Luật Báo chí ngày 05 tháng 4 năm 2016 và Nghị định số 147/2024/NĐ-CP ngày 09 tháng 11 năm 2024 của Chính phủ ' +
  'quy định quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng';

/** The register of sites operating without a license, its lifecycle, evidence and letters. */
@Injectable()
export class UnlicensedSitesService implements UnlicensedSiteWatch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly repo: UnlicensedSitesRepository,
    private readonly engine: WorkflowEngine,
    private readonly history: WorkflowHistoryRepository,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    private readonly notifications: NotificationsService,
    private readonly authorities: AuthoritiesRepository,
    private readonly users: UsersRepository,
  ) {}

  private async today(em: EntityManager | undefined, authorityId: string): Promise<string> {
    const a = await this.authorities.findById(authorityId, em);
    return zonedIsoDate(this.clock.now(), a?.timeZone || this.config.defaultTimeZone);
  }

  /** Records a site found operating without a license, with its evidence items (REPORTED). */
  async register(dto: CreateUnlicensedSiteDto, user: AuthenticatedUser): Promise<UnlicensedSite> {
    const errors: FieldError[] = [];
    dto.domains.forEach((d, i) => {
      const problem = domainProblem(d);
      if (problem) errors.push({ field: `domains[${i}]`, message: problem });
    });
    if (errors.length) throw DomainError.validation('A domain is not valid', errors);
    const domains = normalizeDomains(dto.domains);
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const today = await this.today(em, user.authorityId!);
      if (dto.foundOn > today) {
        throw DomainError.rule('FOUND_IN_FUTURE', 'A site cannot be found on a future day', {
          errors: [{ field: 'foundOn', message: `must be ${today} or earlier` }],
        });
      }
      this.checkCaptures(dto.evidence ?? [], now);
      // One open case per site: a second report of a domain is added to the first (409 names it).
      const existing = await this.repo.openWithDomains(em, user.authorityId!, domains);
      if (existing.length) {
        throw DomainError.conflict(
          ErrorCode.ALREADY_EXISTS,
          `An open case already covers ${sharedDomains(domains, existing[0].domains).join(', ')}`,
          { existingId: existing[0].id },
        );
      }
      const site = await this.repo.insert(em, {
        authorityId: user.authorityId!,
        siteName: dto.siteName?.trim() ?? null,
        domains,
        ...operatorColumns(dto.operator),
        foundOn: dto.foundOn,
        foundBy: user.id,
        discoveryMethod: dto.discoveryMethod,
        description: dto.description.trim(),
        reportedAt: now,
      });
      const evidence = [];
      for (const e of dto.evidence ?? []) evidence.push(await this.insertEvidence(em, site, e, user, now));
      await this.engine.recordCreation(em, unlicensedSiteMachine, site.id, user, siteScope(site), {
        domains,
        foundOn: dto.foundOn,
        discoveryMethod: dto.discoveryMethod,
        evidenceIds: evidence.map((e) => e.id),
      });
      return site;
    });
  }

  private checkCaptures(items: EvidenceInputDto[], now: Date): void {
    const errors: FieldError[] = [];
    items.forEach((e, i) => {
      if (new Date(e.capturedAt).getTime() > now.getTime()) {
        errors.push({ field: `evidence[${i}].capturedAt`, message: 'must not be in the future' });
      }
    });
    if (errors.length)
      throw DomainError.rule('CAPTURED_IN_FUTURE', 'A capture cannot be taken in the future', { errors });
  }

  private insertEvidence(
    em: EntityManager,
    site: UnlicensedSite,
    e: EvidenceInputDto,
    user: AuthenticatedUser,
    now: Date,
  ): Promise<UnlicensedSiteEvidence> {
    return this.repo.insertEvidence(em, {
      siteId: site.id,
      url: e.url,
      capturedAt: new Date(e.capturedAt),
      note: e.note?.trim() ?? null,
      recordedBy: user.id,
      recordedAt: now,
    });
  }

  /** A site of the caller's authority (404 otherwise), or a refusal when it is closed. */
  private async lockOpen(em: EntityManager, id: string, actor: Actor): Promise<UnlicensedSite> {
    const site = await this.repo.lockById(em, id);
    if (!site || !visibleTo(actor, siteScope(site))) throw DomainError.notFound('Unlicensed site');
    if (FINAL.includes(site.state)) {
      throw DomainError.conflict('CASE_CLOSED', `The case is ${site.state}: nothing can be added or changed`, {
        state: site.state,
      });
    }
    return site;
  }

  /** Identifies the operator or renames the site while the case is open. */
  async update(id: string, dto: UpdateUnlicensedSiteDto, user: AuthenticatedUser): Promise<UnlicensedSite> {
    if (dto.siteName === undefined && dto.operator === undefined) {
      throw DomainError.validation('Nothing to change', [{ field: 'operator', message: 'send operator or siteName' }]);
    }
    return this.dataSource.transaction(async (em) => {
      const site = await this.lockOpen(em, id, user);
      if (dto.version !== undefined && dto.version !== site.version) {
        throw DomainError.conflict(ErrorCode.VERSION_CONFLICT, `The case is at version ${site.version}`, {
          currentVersion: site.version,
        });
      }
      const changes: Partial<UnlicensedSite> = { version: site.version + 1 };
      if (dto.siteName !== undefined) changes.siteName = dto.siteName.trim();
      if (dto.operator !== undefined) Object.assign(changes, operatorColumns(dto.operator));
      await this.repo.update(em, site.id, changes);
      await this.audit.record(em, {
        actor: user,
        action: 'unlicensed_site.UPDATE',
        entityType: 'unlicensed_site',
        entityId: site.id,
        ...siteScope(site),
        data: {
          ...(dto.siteName !== undefined ? { siteName: changes.siteName } : {}),
          ...(dto.operator ? { operatorKind: dto.operator.kind } : {}),
        },
      });
      return Object.assign(site, changes);
    });
  }

  async addEvidence(id: string, dto: EvidenceInputDto, user: AuthenticatedUser) {
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const site = await this.lockOpen(em, id, user);
      this.checkCaptures([dto], now);
      const e = await this.insertEvidence(em, site, dto, user, now);
      await this.audit.record(em, {
        actor: user,
        action: 'unlicensed_site.EVIDENCE_ADDED',
        entityType: 'unlicensed_site',
        entityId: site.id,
        ...siteScope(site),
        data: { evidenceId: e.id, url: e.url, capturedAt: e.capturedAt.toISOString() },
      });
      return evidenceView(e, []);
    });
  }

  /** A capture of an evidence item (PDF, PNG or JPEG judged by content), stored with its SHA-256. */
  async attachCapture(
    id: string,
    evidenceId: string,
    kind: string,
    file: StoredUpload,
    user: AuthenticatedUser,
  ): Promise<DocumentView> {
    return this.dataSource.transaction(async (em) => {
      const site = await this.lockOpen(em, id, user);
      const e = await this.repo.findEvidence(site.id, evidenceId, em);
      if (!e) throw DomainError.notFound('Evidence');
      return this.documents.attach(em, EVIDENCE_OWNER(e.id), kind, file, user, siteScope(site));
    });
  }

  async captureContent(id: string, evidenceId: string, docId: string, actor: Actor) {
    const site = await this.get(id, actor);
    const e = await this.repo.findEvidence(site.id, evidenceId);
    if (!e) throw DomainError.notFound('Evidence');
    const doc = await this.documents.get(EVIDENCE_OWNER(e.id), docId);
    if (!doc) throw DomainError.notFound('Document');
    return this.documents.download(doc);
  }

  async get(id: string, actor: Actor): Promise<UnlicensedSite> {
    const site = await this.repo.findById(id);
    if (!site || !visibleTo(actor, siteScope(site))) throw DomainError.notFound('Unlicensed site');
    return site;
  }

  /** The site with its evidence (and captures) and the filed NEW dossiers naming one of its domains. */
  async detail(id: string, actor: Actor) {
    const site = await this.get(id, actor);
    const evidence = [];
    for (const e of await this.repo.evidenceOf(site.id)) {
      evidence.push(evidenceView(e, await this.documents.list(EVIDENCE_OWNER(e.id), { includeSuperseded: true })));
    }
    const forms = [...new Set(site.domains.flatMap((d) => [d, domainToUnicode(d)]))];
    const apps = await this.repo.applicationsNaming(site.authorityId, forms);
    const matchingApplications = apps
      .map((a) => ({ id: a.id, state: a.state, sharedDomains: sharedDomains(site.domains, a.domains) }))
      .filter((a) => a.sharedDomains.length > 0);
    return { site, evidence, matchingApplications };
  }

  async list(actor: Actor, q: UnlicensedSitesQuery): Promise<Page<UnlicensedSite>> {
    const domain = q.domain ? normalizeDomains([q.domain])[0] : undefined;
    const { items, total } = await this.repo.list(actor, { ...q, domain });
    return pageOf(items, total, q);
  }

  async historyOf(id: string, actor: Actor) {
    const site = await this.get(id, actor);
    return (await this.history.list('unlicensed_site', [site.id])).map(historyView);
  }

  async allowed(id: string, actor: Actor) {
    const site = await this.get(id, actor);
    return {
      state: site.state,
      version: site.version,
      allowed: await this.engine.allowedEvents(unlicensedSiteMachine, site, actor),
    };
  }

  /** The direction letter, rendered from the data fixed when it was signed (same bytes every time); 409 before. */
  async letterPdf(id: string, actor: Actor): Promise<{ pdf: Buffer; number: string }> {
    const site = await this.get(id, actor);
    if (!site.letterDocument || !site.letterNumber) {
      throw DomainError.conflict('LETTER_NOT_AVAILABLE', 'No letter was sent: the operator was not directed to apply', {
        state: site.state,
      });
    }
    return { pdf: await renderOfficialLetter(site.letterDocument), number: site.letterNumber };
  }

  async transition(id: string, dto: UnlicensedSiteTransitionDto, actor: AuthenticatedUser): Promise<UnlicensedSite> {
    const { record } = await this.engine.fire<UnlicensedSite>({
      machine: unlicensedSiteMachine,
      entity: UnlicensedSite,
      id,
      event: dto.event,
      actor,
      expectedVersion: dto.version,
      input: { reason: dto.reason },
      visible: (s) => visibleTo(actor, siteScope(s)),
      guards: {
        operatorKnown: (ctx) => {
          if (!ctx.record.operatorName) {
            throw DomainError.rule(
              'OPERATOR_UNKNOWN',
              'Identify the operator first (PATCH /unlicensed-sites/{id}): the letter is addressed to them',
            );
          }
        },
        applyByGiven: async (ctx) => {
          const today = await this.today(ctx.em, ctx.record.authorityId);
          if (!dto.applyBy || dto.applyBy <= today) {
            throw DomainError.rule('APPLY_BY_REQUIRED', 'The letter needs a day by which to apply, after today', {
              errors: [{ field: 'applyBy', message: `required, after ${today}` }],
            });
          }
        },
        noLicenseViolationSanctioned: async (ctx) => {
          const v = dto.violationId ? await this.repo.violation(ctx.em, dto.violationId) : null;
          if (!v || v.unlicensedSiteId !== ctx.record.id || v.typeCode !== 'NO_LICENSE' || v.state !== 'SANCTIONED') {
            throw DomainError.rule(
              'SANCTION_VIOLATION_REQUIRED',
              'violationId must name a SANCTIONED NO_LICENSE violation of this site (POST /violations first)',
              { errors: [{ field: 'violationId', message: 'a SANCTIONED NO_LICENSE violation of this site' }] },
            );
          }
        },
        licensedApplication: async (ctx) => {
          const a = dto.applicationId ? await this.repo.application(ctx.em, dto.applicationId) : null;
          const shared = a ? sharedDomains(ctx.record.domains, a.domains) : [];
          if (
            !a ||
            a.authorityId !== ctx.record.authorityId ||
            a.type !== 'NEW' ||
            a.state !== 'APPROVED' ||
            shared.length === 0
          ) {
            throw DomainError.rule(
              'LICENSED_APPLICATION_REQUIRED',
              "applicationId must name an APPROVED NEW application of this authority naming one of the site's domains",
              { errors: [{ field: 'applicationId', message: 'an APPROVED NEW application with a shared domain' }] },
            );
          }
        },
        reasonGiven: () => {
          if (!dto.reason?.trim()) {
            throw DomainError.rule('REASON_REQUIRED', `${dto.event} needs a reason`, {
              errors: [{ field: 'reason', message: `required for ${dto.event}` }],
            });
          }
        },
      },
      effect: (ctx) => this.effect(ctx, dto, actor),
      scope: siteScope,
    });
    return record;
  }

  private async effect(ctx: Ctx, dto: UnlicensedSiteTransitionDto, actor: AuthenticatedUser): Promise<void> {
    const now = this.clock.now();
    switch (ctx.event) {
      case 'DIRECT_TO_APPLY': {
        const letter = await this.directionLetter(ctx, dto.applyBy!, actor);
        ctx.note({ letterNumber: letter.letterNumber, applyBy: dto.applyBy, sha256: letter.sha256 });
        return;
      }
      case 'SANCTION':
        ctx.patch({ violationId: dto.violationId! });
        ctx.note({ violationId: dto.violationId });
        return;
      case 'MARK_LICENSED': {
        const a = (await this.repo.application(ctx.em, dto.applicationId!))!;
        ctx.patch({
          applicationId: a.id,
          licenseId: a.licenseId,
          closedAt: now,
          closingNote: dto.reason?.trim() ?? null,
        });
        ctx.note({ applicationId: a.id, licenseId: a.licenseId });
        return;
      }
      case 'MARK_CEASED':
      case 'DISMISS':
        ctx.patch({ closedAt: now, closingNote: dto.reason!.trim() });
        return;
    }
  }

  /** Numbers, composes and fingerprints the letter directing the operator to apply (stored for re-rendering). */
  private async directionLetter(ctx: Ctx, applyBy: string, actor: AuthenticatedUser) {
    const s = ctx.record;
    const authority = (await this.authorities.findById(s.authorityId, ctx.em))!;
    const signer = authority.signerName.trim() || (await this.users.findById(actor.id, ctx.em))?.fullName || '';
    const signedOn = await this.today(ctx.em, s.authorityId);
    const year = isoDateYear(signedOn);
    const seq = await this.repo.takeLetterSequence(ctx.em, authority.id, year);
    const number = letterNumber(seq, authority);
    const evidence = await this.repo.evidenceOf(s.id, ctx.em);
    const site = s.siteName ? `"${s.siteName}" (${s.domains.join(', ')})` : s.domains.join(', ');
    const document: OfficialLetterPdfData = {
      authority: authorityBlock(authority, signer),
      letterNumber: number,
      signedOn,
      summary: 'đề nghị làm thủ tục cấp giấy phép thiết lập trang thông tin điện tử tổng hợp',
      recipient: s.operatorName!,
      body: [
        {
          text:
            `Qua công tác kiểm tra, rà soát, ${formatVietnameseDate(s.foundOn)}, cơ quan quản lý phát hiện trang ` +
            `thông tin điện tử ${site} do ${s.operatorName} thiết lập đang hoạt động như một trang thông tin điện tử ` +
            'tổng hợp nhưng chưa được cấp giấy phép theo quy định.',
          items: evidence.map((e) => `${e.url} (ghi nhận lúc ${formatCaptureTime(e.capturedAt)})`),
        },
        {
          text:
            `Căn cứ ${DIRECTION_LEGAL_BASIS}, việc thiết lập trang thông tin điện tử tổng hợp phải có giấy phép của ` +
            'cơ quan nhà nước có thẩm quyền.',
        },
        {
          text:
            `Đề nghị ${s.operatorName} dừng ngay việc cung cấp thông tin tổng hợp trên trang nêu trên và làm thủ tục ` +
            `đề nghị cấp giấy phép thiết lập trang thông tin điện tử tổng hợp trước ${formatVietnameseDate(applyBy)}. ` +
            'Quá thời hạn trên, nếu trang tiếp tục hoạt động mà không có giấy phép, cơ quan quản lý sẽ xử lý theo ' +
            'quy định của pháp luật./.',
        },
      ],
    };
    const sha256 = sha256Hex(await renderOfficialLetter(document));
    ctx.patch({
      letterNumber: number,
      letterYear: year,
      letterSeq: seq,
      letterSignedOn: signedOn,
      applyBy,
      letterDocument: document,
      letterPdfSha256: sha256,
    });
    return { letterNumber: number, sha256 };
  }

  /**
   * UNLICENSED_SITE_WATCH: a NEW dossier naming a domain of an open case, at SUBMIT. The appraisers of the authority
   * are told; the application records the cases (`unlicensedSiteIds`).
   */
  async onNewApplicationSubmitted(
    em: EntityManager,
    app: { id: string; authorityId: string; domains: string[]; siteName: string },
  ): Promise<string[]> {
    const sites = await this.repo.openWithDomains(em, app.authorityId, normalizeDomains(app.domains));
    for (const s of sites) {
      const shared = sharedDomains(s.domains, app.domains);
      await this.notifications.notify(em, {
        audience: { authorityId: app.authorityId, roles: ['appraiser', 'inspector'] },
        kind: 'UNLICENSED_SITE_APPLIED',
        title: 'Hồ sơ cấp phép cho trang đang bị theo dõi hoạt động không phép',
        body:
          `Hồ sơ đề nghị cấp phép "${app.siteName}" có tên miền ${shared.join(', ')} trùng với trang đang hoạt động ` +
          'không có giấy phép trong sổ theo dõi của cơ quan.',
        entityType: 'application',
        entityId: app.id,
        data: { unlicensedSiteId: s.id, sharedDomains: shared },
      });
    }
    return sites.map((s) => s.id);
  }
}

function operatorColumns(o: OffenderDto | undefined): Partial<UnlicensedSite> {
  if (!o) return {};
  return {
    operatorKind: o.kind,
    operatorName: o.name.trim(),
    operatorIdNumber: o.idNumber?.trim() ?? null,
    operatorAddress: o.address?.trim() ?? null,
  };
}

/** 'HH:mm ngày dd/MM/yyyy' in Vietnam time (UTC+7, no daylight saving). */
function formatCaptureTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const day = zonedIsoDate(at, 'Asia/Ho_Chi_Minh');
  const [y, m, d] = day.split('-');
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${hh}:${mm} ngày ${d}/${m}/${y}`;
}

export function evidenceView(e: UnlicensedSiteEvidence, documents: DocumentView[]) {
  return {
    id: e.id,
    url: e.url,
    capturedAt: e.capturedAt,
    note: e.note,
    recordedBy: e.recordedBy,
    recordedAt: e.recordedAt,
    documents: documents.slice(0, UNLICENSED_LIST_MAX),
  };
}

export function unlicensedSiteView(
  s: UnlicensedSite,
  extra: { evidence?: ReturnType<typeof evidenceView>[]; matchingApplications?: unknown[] } = {},
) {
  return {
    id: s.id,
    authorityId: s.authorityId,
    state: s.state,
    version: s.version,
    siteName: s.siteName,
    domains: s.domains,
    operator: s.operatorKind
      ? { kind: s.operatorKind, name: s.operatorName, idNumber: s.operatorIdNumber, address: s.operatorAddress }
      : null,
    foundOn: s.foundOn,
    foundBy: s.foundBy,
    discoveryMethod: s.discoveryMethod,
    description: s.description,
    letter:
      s.letterNumber && s.letterSignedOn && s.applyBy
        ? { number: s.letterNumber, signedOn: s.letterSignedOn, applyBy: s.applyBy, sha256: s.letterPdfSha256 }
        : null,
    applicationId: s.applicationId,
    licenseId: s.licenseId,
    violationId: s.violationId,
    closingNote: s.closingNote,
    reportedAt: s.reportedAt,
    // What the document declares is what is sent: lists beyond UNLICENSED_LIST_MAX (far above any real case) are cut.
    ...(extra.evidence && { evidence: extra.evidence.slice(0, UNLICENSED_LIST_MAX) }),
    ...(extra.matchingApplications && {
      matchingApplications: extra.matchingApplications.slice(0, UNLICENSED_LIST_MAX),
    }),
  };
}
