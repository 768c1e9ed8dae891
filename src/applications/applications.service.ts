import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertChecklist, ChecklistEntry, Recommendation, RECOMMENDATIONS } from '../appraisal/checklist';
import { AppraisalRepository } from '../appraisal/appraisal.repository';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { isStaffRole, type Actor } from '../auth/roles';
import { visibleTo } from '../auth/visibility';
import { CalendarService } from '../calendar/calendar.service';
import { zonedIsoDate } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { Clock } from '../common/clock';
import { isUuid } from '../common/uuid';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersRepository } from '../users/users.repository';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Page, pageOf } from '../common/pagination';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { StoredUpload } from '../documents/document-upload';
import type { DocumentOwner } from '../documents/documents.repository';
import { DocumentsService } from '../documents/documents.service';
import type { DocumentView } from '../documents/dto/document.dto';
import { NotificationsService } from '../notifications/notifications.service';
import { historyView, WorkflowHistoryRepository } from '../workflow/workflow-history.repository';
import { TransitionContext, WorkflowEngine } from '../workflow/workflow.engine';
import { Application } from './application.entity';
import { applicationView, ApplicationView } from './application.view';
import {
  ApplicationEvent,
  applicationMachine,
  ASSIGNEE_EVENTS,
  DECISION_EVENTS,
  EDITABLE_STATES,
} from './application.machine';
import { ApplicationsRepository, Requirement } from './applications.repository';
import {
  APPROVAL_HANDLER,
  ApprovalHandler,
  ApplicationType,
  ApprovedApplication,
  CHANGE_NOTICE_CONFIRMER,
  ChangeNoticeConfirmer,
  ChangeNoticeParticulars,
  LICENSE_LOOKUP,
  LicenseFacts,
  LicenseLookup,
  SiteParticulars,
} from './approval.port';
import { UNLICENSED_SITE_WATCH, UnlicensedSiteWatch } from './unlicensed-site.port';
import { checkChangedOn, checkChangeNoticeShape, latenessOf } from './change-notice';
import { completenessOf, deadlineOf, statutoryDueAt } from './deadline';
import { LegalParametersService } from '../legal/legal-parameters.service';
import { citesText, processingKey, REPEALED_TEXTS } from '../legal/legal-catalog';
import {
  ApplicationsQuery,
  ApplicationTransitionDto,
  CreateApplicationDto,
  RequirementView,
  UpdateApplicationDto,
} from './dto/application.dto';
import { mergeParticulars, normalizeSite, SiteInput, siteErrors } from './site-particulars';
import { checkLicenseFor, checkNewTerm } from './term-rules';

type Ctx = TransitionContext<Application>;

/** The proof document kind of a change of the organization's name (an AMENDMENT). */
export const NAME_CHANGE_PROOF = 'NAME_CHANGE_PROOF';

/** `organizationName` is for an AMENDMENT only; blank means unchanged. Returns the trimmed name or null. */
function checkOrganizationNameShape(type: ApplicationType, name: string | null | undefined): string | null {
  const trimmed = name?.trim() || null;
  if (trimmed && type !== 'AMENDMENT') {
    throw DomainError.validation(`A ${type} dossier does not change the organization's name`, [
      { field: 'organizationName', message: 'only for type AMENDMENT' },
    ]);
  }
  return trimmed;
}

/** Documents of a dossier are owned by the application. */
function dossierOf(applicationId: string): DocumentOwner {
  return { type: 'application', id: applicationId };
}

/** What the caller asked for on a transition, as the guards and effects read it. */
interface TransitionInput {
  reason?: string;
  note?: string;
  items?: string[];
  recommendation?: Recommendation;
  checklist?: ChecklistEntry[];
}

function filled(s: unknown): s is string {
  return typeof s === 'string' && s.trim().length > 0;
}

/**
 * Dossiers from filing to decision: the rules of Decree 72/2013 art. 23đ–23h on top of the workflow engine.
 * Every state change is one transaction with its history row, audit event and notifications.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: ApplicationsRepository,
    private readonly appraisals: AppraisalRepository,
    private readonly engine: WorkflowEngine,
    private readonly history: WorkflowHistoryRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly documents: DocumentsService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly legal: LegalParametersService,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsService,
    @Optional() @Inject(APPROVAL_HANDLER) private readonly approvalHandler?: ApprovalHandler,
    @Optional() @Inject(LICENSE_LOOKUP) private readonly licenseLookup?: LicenseLookup,
    @Optional() @Inject(CHANGE_NOTICE_CONFIRMER) private readonly changeNoticeConfirmer?: ChangeNoticeConfirmer,
    @Optional() @Inject(UNLICENSED_SITE_WATCH) private readonly unlicensedSites?: UnlicensedSiteWatch,
  ) {}

  // ---- catalogue ----------------------------------------------------------------------------------------------

  async requirements(type: ApplicationType): Promise<RequirementView[]> {
    const rows = await this.repo.requirements(type);
    return rows.map((r) => ({
      kind: r.kind,
      title: r.titleVi,
      titleEn: r.titleEn,
      required: r.required,
      legalBasis: r.legalBasis,
      legalBasisVerified: r.legalBasisVerified,
    }));
  }

  /** Replaces a requirement's legal basis (never a repealed decree), audited with the text it replaces. */
  async setRequirementLegalBasis(
    type: ApplicationType,
    kind: string,
    dto: { legalBasis: string; verified: boolean },
    admin: AuthenticatedUser,
  ): Promise<RequirementView> {
    const legalBasis = dto.legalBasis.trim();
    const repealed = REPEALED_TEXTS.find((t) => citesText(legalBasis, t));
    if (repealed) {
      throw DomainError.rule('LEGAL_BASIS_INVALID', `${repealed} was repealed by Nghị định 147/2024/NĐ-CP`, {
        errors: [{ field: 'legalBasis', message: `cites ${repealed}` }],
      });
    }
    await this.dataSource.transaction(async (em) => {
      const before = await this.repo.setRequirementLegalBasis(em, type, kind, legalBasis, dto.verified);
      if (before === null) throw DomainError.notFound('Requirement');
      await this.audit.record(em, {
        actor: admin,
        action: 'requirement.legal_basis_set',
        entityType: 'requirement',
        entityId: `${type}/${kind}`,
        data: { before, after: legalBasis, verified: dto.verified },
      });
    });
    const updated = (await this.requirements(type)).find((r) => r.kind === kind);
    if (!updated) throw DomainError.notFound('Requirement');
    return updated;
  }

  // ---- visibility -----------------------------------------------------------------------------------------------

  /** Owners see their organization's dossiers, staff their authority's once filed, admins all. */
  visible(app: Application, user: Actor): boolean {
    if (!visibleTo(user, app)) return false;
    // A draft is the applicant's own until it is filed.
    return !isStaffRole(user.role) || app.submittedAt !== null;
  }

  /** The application if the caller may see it, else 404. */
  async get(id: string, user: AuthenticatedUser, em?: EntityManager): Promise<Application> {
    const app = await this.repo.findById(id, em);
    if (!app || !this.visible(app, user)) throw DomainError.notFound('Application');
    return app;
  }

  // ---- create, edit, list -------------------------------------------------------------------------------------

  async create(dto: CreateApplicationDto, user: AuthenticatedUser): Promise<ApplicationView> {
    const organizationId = user.organizationId;
    if (!organizationId) throw DomainError.forbidden('Only an organization’s account files dossiers');
    // Where e-mail is configured, an account proves its address before its organization files (issue 12).
    if (!(await this.users.findById(user.id))?.emailVerifiedAt) {
      throw new DomainError('EMAIL_NOT_VERIFIED', 403, 'Verify your e-mail address (see the e-mail we sent) first');
    }
    const site = this.checkSiteShape(dto.type, dto.site ?? null, !!dto.organizationName?.trim());
    const licenseId = dto.licenseId ?? null;
    if (dto.type === 'NEW' && licenseId) {
      throw DomainError.validation('A NEW dossier names no license', [
        { field: 'licenseId', message: 'not allowed for type NEW' },
      ]);
    }
    if (dto.type !== 'NEW' && !licenseId) {
      throw DomainError.validation(`A ${dto.type} dossier names the license it concerns`, [
        { field: 'licenseId', message: `required for type ${dto.type}` },
      ]);
    }
    const requestedExpiresOn = dto.requestedExpiresOn ?? null;
    this.checkExpiryShape(dto.type, requestedExpiresOn);
    const changeNotice = checkChangeNoticeShape(dto.type, dto.changeNotice);
    const organizationName = checkOrganizationNameShape(dto.type, dto.organizationName);

    const created = await this.dataSource.transaction(async (em) => {
      const timeZone = await this.repo.authorityTimeZone(dto.authorityId, em);
      if (!timeZone) {
        throw DomainError.rule('AUTHORITY_NOT_FOUND', 'No such authority', {
          errors: [{ field: 'authorityId', message: 'no authority with this id' }],
        });
      }
      const today = this.calendar.today(timeZone);
      await this.checkTerms(em, {
        type: dto.type,
        licenseId,
        organizationId,
        authorityId: dto.authorityId,
        requestedExpiresOn,
        today,
      });
      if (changeNotice) checkChangedOn(changeNotice, today);
      const app = await this.repo.insert(em, {
        type: dto.type,
        authorityId: dto.authorityId,
        organizationId,
        licenseId,
        site,
        requestedExpiresOn,
        reason: dto.reason?.trim() || null,
        changeNotice,
        organizationName,
        createdBy: user.id,
      });
      await this.engine.recordCreation(em, applicationMachine, app.id, user, this.scope(app), {
        type: app.type,
        ...(licenseId ? { licenseId } : {}),
      });
      return app;
    });
    return this.detail(created);
  }

  /** PATCH: only the owner, only while the dossier is a draft or awaits a supplement. */
  async update(id: string, dto: UpdateApplicationDto, user: AuthenticatedUser): Promise<ApplicationView> {
    const updated = await this.dataSource.transaction(async (em) => {
      const app = await this.repo.lock(em, id);
      if (!app || !this.visible(app, user)) throw DomainError.notFound('Application');
      if (!EDITABLE_STATES.includes(app.state)) {
        throw DomainError.conflict('NOT_EDITABLE', `A dossier is edited only in ${EDITABLE_STATES.join(' or ')}`, {
          state: app.state,
        });
      }
      if (dto.version !== undefined && dto.version !== app.version) {
        throw DomainError.conflict(ErrorCode.VERSION_CONFLICT, `The application is at version ${app.version}`, {
          currentVersion: app.version,
        });
      }
      const changes: Partial<Application> = {};
      if (dto.site !== undefined) changes.site = this.checkSiteShape(app.type, dto.site);
      if (dto.reason !== undefined) changes.reason = dto.reason?.trim() || null;
      if (dto.organizationName !== undefined) {
        changes.organizationName = checkOrganizationNameShape(app.type, dto.organizationName);
      }
      if (dto.requestedExpiresOn !== undefined) {
        const requested = dto.requestedExpiresOn ?? null;
        this.checkExpiryShape(app.type, requested);
        const timeZone = (await this.repo.authorityTimeZone(app.authorityId, em)) ?? this.config.defaultTimeZone;
        await this.checkTerms(em, {
          type: app.type,
          licenseId: app.licenseId,
          organizationId: app.organizationId,
          authorityId: app.authorityId,
          requestedExpiresOn: requested,
          today: this.calendar.today(timeZone),
        });
        changes.requestedExpiresOn = requested;
      }
      if (dto.changeNotice !== undefined) {
        const notice = checkChangeNoticeShape(app.type, dto.changeNotice);
        if (notice) {
          checkChangedOn(notice, this.calendar.today(await this.timeZoneOf(em, app)));
          changes.changeNotice = notice;
        }
      }
      const changed = Object.keys(changes);
      if (changed.length === 0) {
        throw DomainError.validation('Nothing to change', [{ field: 'site', message: 'send at least one member' }]);
      }
      changes.version = app.version + 1;
      await this.repo.update(em, app.id, changes);
      await this.audit.record(em, {
        actor: user,
        action: 'application.updated',
        entityType: 'application',
        entityId: app.id,
        ...this.scope(app),
        data: { changed, version: changes.version },
      });
      return (await this.repo.findById(app.id, em)) as Application;
    });
    return this.detail(updated);
  }

  async list(q: ApplicationsQuery, user: AuthenticatedUser): Promise<Page<ApplicationView>> {
    const [items, total] = await this.repo.list(
      user,
      {
        state: q.state,
        type: q.type,
        overdue: q.overdue,
        assigneeId: q.assignee === 'me' ? user.id : q.assignee === 'none' ? null : undefined,
        sort: q.sort,
        now: this.clock.now(),
      },
      q,
    );
    const deadlines = await this.deadlines(items);
    return pageOf(
      items.map((a) => applicationView(a, { deadline: deadlines.get(a.id) ?? null })),
      total,
      q,
    );
  }

  async read(id: string, user: AuthenticatedUser): Promise<ApplicationView> {
    return this.detail(await this.get(id, user));
  }

  // ---- the lifecycle --------------------------------------------------------------------------------------------

  async transition(id: string, dto: ApplicationTransitionDto, user: AuthenticatedUser): Promise<ApplicationView> {
    const input: TransitionInput = {
      reason: dto.reason,
      note: dto.note,
      items: dto.items,
      recommendation: dto.recommendation,
      checklist: dto.checklist?.map((c) => ({
        kind: c.kind,
        satisfied: c.satisfied,
        ...(c.note ? { note: c.note } : {}),
      })),
    };
    // The response is read in the same transaction: once the decision commits, answering needs nothing more from
    // the connection pool (under load a post-commit read could time out and report a committed action as failed).
    return this.dataSource.transaction(async (em) => {
      const { record } = await this.engine.fire<Application>({
        em,
        machine: applicationMachine,
        entity: Application,
        id,
        event: dto.event,
        actor: user,
        expectedVersion: dto.version,
        input: input as Record<string, unknown>,
        visible: (a) => this.visible(a, user),
        authorize: (ctx) => this.authorize(ctx.record, ctx.event as ApplicationEvent, user),
        guards: {
          particularsValid: (ctx) => this.guardParticulars(ctx),
          requiredDocuments: (ctx) => this.guardRequiredDocuments(ctx),
          itemsAndReason: (ctx) => {
            const { items, reason } = ctx.input as TransitionInput;
            if (!items || items.filter(filled).length === 0) {
              throw DomainError.rule('ITEMS_REQUIRED', 'A supplement request lists the missing or faulty items', {
                errors: [{ field: 'items', message: 'list at least one item' }],
              });
            }
            if (!filled(reason)) throw this.reasonRequired('A supplement request states its reason');
          },
          reason: (ctx) => {
            if (!filled((ctx.input as TransitionInput).reason)) {
              throw this.reasonRequired(`${ctx.event} needs a written reason`);
            }
          },
          note: (ctx) => {
            if (!filled((ctx.input as TransitionInput).note)) {
              throw DomainError.rule('NOTE_REQUIRED', 'Sending back needs a note for the appraiser', {
                errors: [{ field: 'note', message: 'required for SEND_BACK' }],
              });
            }
          },
          recommendation: (ctx) => this.guardRecommendation(ctx),
          licenseInForce: (ctx) => this.guardLicenseInForce(ctx),
        },
        effect: (ctx) => this.effect(ctx, user),
        scope: (a) => this.scope(a),
      });
      return this.detail((await this.repo.findById(record.id, em)) ?? record, em);
    });
  }

  /** Events the caller may fire now (state, role, assignee and four-eyes rules). */
  async allowed(id: string, user: AuthenticatedUser) {
    const app = await this.get(id, user);
    const allowed = await this.engine.allowedEvents(applicationMachine, app, user, (e) => {
      try {
        this.authorize(app, e as ApplicationEvent, user);
        return true;
      } catch {
        return false;
      }
    });
    return { state: app.state, version: app.version, allowed };
  }

  async historyOf(id: string, user: AuthenticatedUser) {
    await this.get(id, user);
    return (await this.history.list(applicationMachine.entityType, [id])).map(historyView);
  }

  async appraisalsOf(id: string, user: AuthenticatedUser) {
    await this.get(id, user);
    return this.appraisals.list(id);
  }

  /** An approver hands an assigned dossier to another appraiser of the authority (audited). */
  async reassign(id: string, assigneeId: string, version: number | undefined, user: AuthenticatedUser) {
    const updated = await this.dataSource.transaction(async (em) => {
      const app = await this.repo.lock(em, id);
      if (!app || !this.visible(app, user)) throw DomainError.notFound('Application');
      if (!app.assigneeId || applicationMachine.final.includes(app.state)) {
        throw DomainError.conflict('NOT_REASSIGNABLE', `A ${app.state} dossier has no assignee to replace`, {
          state: app.state,
        });
      }
      if (version !== undefined && version !== app.version) {
        throw DomainError.conflict(ErrorCode.VERSION_CONFLICT, `The application is at version ${app.version}`, {
          currentVersion: app.version,
        });
      }
      if (!(await this.repo.isActiveAppraiser(em, assigneeId, app.authorityId))) {
        throw DomainError.rule('ASSIGNEE_NOT_APPRAISER', 'The assignee must be an active appraiser of the authority', {
          errors: [{ field: 'assigneeId', message: 'not an active appraiser of this authority' }],
        });
      }
      const previous = app.assigneeId;
      const version2 = app.version + 1;
      await this.repo.update(em, app.id, { assigneeId, version: version2 });
      await this.history.append(em, {
        entityType: 'application',
        entityId: app.id,
        event: 'REASSIGN',
        fromState: app.state,
        toState: app.state,
        actor: user,
        reason: null,
        data: { from: previous, to: assigneeId },
      });
      await this.notifications.notify(em, {
        audience: { userId: assigneeId },
        kind: 'DOSSIER_ASSIGNED',
        title: 'Hồ sơ được phân công cho bạn',
        body: 'Lãnh đạo đã phân công lại cho bạn một hồ sơ đề nghị cấp phép để thẩm định.',
        entityType: 'application',
        entityId: app.id,
        data: { previousAssigneeId: previous },
      });
      await this.audit.record(em, {
        actor: user,
        action: 'application.REASSIGN',
        entityType: 'application',
        entityId: app.id,
        ...this.scope(app),
        data: { from: previous, to: assigneeId, version: version2 },
      });
      return (await this.repo.findById(app.id, em)) as Application;
    });
    return this.detail(updated);
  }

  // ---- documents -------------------------------------------------------------------------------------------------

  /**
   * Adds a document to the dossier: the owner, while it is a draft or awaits a supplement, and only a kind the
   * type's requirements list. A kind uploaded again supersedes the earlier document, which stays readable.
   */
  /**
   * Whether an upload to the dossier may start, before a byte is stored: visible (else 404), editable (409), of a
   * kind the dossier takes (422, once the `kind` field is known), and within the organization's storage quota (422).
   */
  async checkUpload(id: string, user: AuthenticatedUser, kind?: string): Promise<void> {
    const app = isUuid(id) ? await this.repo.findById(id) : null;
    if (!app || !this.visible(app, user)) throw DomainError.notFound('Application');
    this.assertEditable(app);
    if (kind !== undefined) await this.assertKind(app, kind);
    await this.assertQuota(app.organizationId, 0);
  }

  async attachDocument(id: string, kind: string, file: StoredUpload, user: AuthenticatedUser): Promise<DocumentView> {
    return this.dataSource.transaction(async (em) => {
      const app = await this.repo.lock(em, id);
      if (!app || !this.visible(app, user)) throw DomainError.notFound('Application');
      this.assertEditable(app);
      await this.assertKind(app, kind, em);
      await this.repo.lockOrganizationUploads(em, app.organizationId);
      await this.assertQuota(app.organizationId, file.size, em);
      // A draft never submitted: an earlier document of this kind was never seen by anyone and can no longer
      // matter; it is removed (its file swept). Once submitted, every version is kept.
      const discardEarlier = app.state === 'DRAFT' && app.submittedAt === null;
      return this.documents.attach(em, dossierOf(app.id), kind, file, user, this.scope(app), { discardEarlier });
    });
  }

  private assertEditable(app: Application): void {
    if (!EDITABLE_STATES.includes(app.state)) {
      throw DomainError.conflict('NOT_EDITABLE', `Documents are added only in ${EDITABLE_STATES.join(' or ')}`, {
        state: app.state,
      });
    }
  }

  private async assertKind(app: Application, kind: string, em?: EntityManager): Promise<void> {
    const kinds = (await this.repo.requirements(app.type, em)).map((r) => r.kind);
    if (!kinds.includes(kind)) {
      throw DomainError.rule('UNKNOWN_DOCUMENT_KIND', `${kind} is not a document of a ${app.type} dossier`, {
        errors: [{ field: 'kind', message: `one of ${kinds.join(', ')}` }],
        extensions: { kinds },
      });
    }
  }

  /** ORGANIZATION_STORAGE_QUOTA_BYTES: what one organization's dossiers may keep stored. */
  private async assertQuota(organizationId: string, adding: number, em?: EntityManager): Promise<void> {
    const quota = this.config.organizationStorageQuotaBytes;
    const used = await this.repo.storedBytes(organizationId, em);
    if (used + adding > quota || (adding === 0 && used >= quota)) {
      throw DomainError.rule('STORAGE_QUOTA_EXCEEDED', 'The organization’s documents fill its storage quota', {
        extensions: { usedBytes: used, quotaBytes: quota },
      });
    }
  }

  async documentsOf(id: string, user: AuthenticatedUser, includeSuperseded: boolean): Promise<DocumentView[]> {
    await this.get(id, user);
    return this.documents.list(dossierOf(id), { includeSuperseded });
  }

  /** The bytes of one of the dossier's documents (same visibility as the dossier). */
  async documentContent(id: string, docId: string, user: AuthenticatedUser) {
    await this.get(id, user);
    const doc = await this.documents.get(dossierOf(id), docId);
    if (!doc) throw DomainError.notFound('Document');
    return this.documents.download(doc);
  }

  // ---- views ------------------------------------------------------------------------------------------------------

  /** The full view: documents, deadline and the open supplement request. */
  async detail(app: Application, em?: EntityManager): Promise<ApplicationView> {
    const deadlines = await this.deadlines([app], em);
    const documents = await this.documents.list(dossierOf(app.id), { em });
    const supplementRequest = await this.repo.openSupplementRequest(app.id, em);
    const completenessCheck = app.completenessDueAt
      ? completenessOf(
          { state: app.state, receivedOn: app.receivedOn, dueAt: app.completenessDueAt },
          await this.calendar.calendar(em),
          this.clock.now(),
          await this.timeZoneOf(em, app),
        )
      : null;
    return applicationView(app, {
      deadline: deadlines.get(app.id) ?? null,
      documents,
      supplementRequest,
      completenessCheck,
    });
  }

  /** The `deadline` of each application, computed with the calendar at read time. */
  async deadlines(apps: Application[], em?: EntityManager) {
    const started = apps.filter((a) => a.dueAt);
    if (started.length === 0) return new Map<string, ReturnType<typeof deadlineOf>>();
    const calendar = await this.calendar.calendar(em);
    const zones = await this.repo.authorityTimeZones([...new Set(started.map((a) => a.authorityId))], em);
    const now = this.clock.now();
    return new Map(
      started.map((a) => [
        a.id,
        deadlineOf(this.clockFacts(a), calendar, now, zones.get(a.authorityId) ?? this.config.defaultTimeZone),
      ]),
    );
  }

  requirementsOf(type: ApplicationType, em?: EntityManager): Promise<Requirement[]> {
    return this.repo.requirements(type, em);
  }

  scope(a: Application) {
    return { authorityId: a.authorityId, organizationId: a.organizationId };
  }

  // ---- rules ------------------------------------------------------------------------------------------------------

  private clockFacts(a: Application) {
    const closed = applicationMachine.final.includes(a.state);
    return {
      state: a.state,
      dueAt: a.dueAt,
      clockPaused: a.clockPaused,
      stoppedAt: closed ? (a.decidedAt ?? a.updatedAt) : null,
    };
  }

  /** Per-record rules beyond the role: the assignee acts on an assigned dossier; four eyes on the decision. */
  private authorize(app: Application, event: ApplicationEvent, user: Actor): void {
    if (ASSIGNEE_EVENTS.includes(event) && app.assigneeId !== user.id) {
      throw new DomainError('NOT_ASSIGNEE', 403, 'Only the appraiser assigned to this dossier may do this');
    }
    // Four eyes: the one who recommended never decides.
    if (DECISION_EVENTS.includes(event) && app.recommendedBy === user.id) {
      throw new DomainError('FOUR_EYES', 403, 'The person who recommended may not decide');
    }
  }

  private reasonRequired(detail: string): DomainError {
    return DomainError.rule('REASON_REQUIRED', detail, { errors: [{ field: 'reason', message: 'required' }] });
  }

  /** Site particulars: required for NEW, the changes for AMENDMENT, none for the other types (400). */
  /** `renamesOnly`: an AMENDMENT that changes the organization's name needs no particulars. */
  private checkSiteShape(type: ApplicationType, site: SiteInput | null, renamesOnly = false): SiteInput | null {
    if (type === 'AMENDMENT' && !site && renamesOnly) return null;
    if (type === 'NEW' || type === 'AMENDMENT') {
      if (!site) {
        throw DomainError.validation('The site particulars are required', [
          { field: 'site', message: `required for type ${type}` },
        ]);
      }
      const errors = siteErrors(site, type === 'NEW' ? 'full' : 'partial');
      if (errors.length) throw DomainError.validation('The site particulars are invalid', errors);
      return normalizeSite(site);
    }
    if (site) {
      throw DomainError.validation(`A ${type} dossier changes no particulars`, [
        { field: 'site', message: `not allowed for type ${type}; file an AMENDMENT to change particulars` },
      ]);
    }
    return null;
  }

  private checkExpiryShape(type: ApplicationType, requested: string | null): void {
    if (requested && type !== 'NEW' && type !== 'EXTENSION') {
      throw DomainError.validation(`A ${type} dossier does not change the term`, [
        { field: 'requestedExpiresOn', message: 'only for NEW and EXTENSION' },
      ]);
    }
  }

  /** The term and license rules, with the figures in force today (Decree 72/2013 art. 23(6), 23h; Decree 147/2024). */
  private async checkTerms(
    em: EntityManager,
    a: {
      type: ApplicationType;
      licenseId: string | null;
      organizationId: string;
      authorityId: string;
      requestedExpiresOn: string | null;
      today: string;
    },
  ): Promise<LicenseFacts | null> {
    const p = await this.legal.numbersOn(
      ['LICENSE_MAX_TERM_YEARS', 'EXTENSION_MIN_DAYS_BEFORE_EXPIRY', 'MAX_EXTENSIONS', 'EXTENSION_MAX_YEARS'],
      a.today,
      a.authorityId,
      em,
    );
    if (a.type === 'NEW') {
      checkNewTerm(a.today, a.requestedExpiresOn, p.LICENSE_MAX_TERM_YEARS);
      return null;
    }
    const facts = a.licenseId && this.licenseLookup ? await this.licenseLookup.find(em, a.licenseId) : null;
    checkLicenseFor(a.type, facts, {
      ...a,
      limits: {
        maxTermYears: p.LICENSE_MAX_TERM_YEARS,
        extensionMinDaysBeforeExpiry: p.EXTENSION_MIN_DAYS_BEFORE_EXPIRY,
        maxExtensions: p.MAX_EXTENSIONS,
        maxExtensionYears: p.EXTENSION_MAX_YEARS,
      },
    });
    return facts;
  }

  /**
   * The dossier (or a supplement) is received today: the day the statutory period will count from once it is
   * confirmed complete, and the end of the completeness check (COMPLETENESS_CHECK_WORKING_DAYS from that day).
   */
  private async receipt(ctx: Ctx): Promise<{ receivedOn: string; completenessDueAt: Date }> {
    const app = ctx.record;
    const timeZone = await this.timeZoneOf(ctx.em, app);
    const receivedOn = this.calendar.today(timeZone);
    const days = await this.legal.numberOn('COMPLETENESS_CHECK_WORKING_DAYS', receivedOn, app.authorityId, ctx.em);
    const { dueAt } = statutoryDueAt(await this.calendar.calendar(ctx.em), receivedOn, days, timeZone);
    return { receivedOn, completenessDueAt: dueAt };
  }

  private async timeZoneOf(em: EntityManager | undefined, app: Application): Promise<string> {
    return (await this.repo.authorityTimeZone(app.authorityId, em)) ?? this.config.defaultTimeZone;
  }

  private async guardParticulars(ctx: Ctx): Promise<void> {
    const app = ctx.record;
    if (app.type === 'NEW' || app.type === 'AMENDMENT') {
      const errors = app.site ? siteErrors(app.site, app.type === 'NEW' ? 'full' : 'partial') : [];
      // An AMENDMENT changes the particulars, the organization's name, or both.
      if (!app.site && !(app.type === 'AMENDMENT' && app.organizationName)) {
        errors.push({ field: 'site', message: 'required' });
      }
      if (errors.length) {
        throw DomainError.rule(ErrorCode.VALIDATION_FAILED, 'The site particulars are incomplete or invalid', {
          errors,
        });
      }
    }
    const today = this.calendar.today(await this.timeZoneOf(ctx.em, app));
    if (app.type === 'CHANGE_NOTICE') {
      const notice = checkChangeNoticeShape(app.type, app.changeNotice);
      if (notice) checkChangedOn(notice, today);
    }
    // Filing is the moment the law measures from (an EXTENSION at least 30 days before expiry).
    await this.checkTerms(ctx.em, { ...app, today });
  }

  private async guardRequiredDocuments(ctx: Ctx): Promise<void> {
    // A change of name is proved by the amended registration (NAME_CHANGE_PROOF), required only then.
    const required = (await this.repo.requirements(ctx.record.type, ctx.em)).filter(
      (r) => r.required || (r.kind === NAME_CHANGE_PROOF && ctx.record.organizationName),
    );
    const present = new Set(await this.documentKinds(ctx.em, ctx.record.id));
    const missing = required.map((r) => r.kind).filter((k) => !present.has(k));
    if (missing.length) {
      throw DomainError.rule(ErrorCode.MISSING_DOCUMENTS, `Documents missing: ${missing.join(', ')}`, {
        errors: missing.map((k) => ({ field: 'documents', message: `${k} is required` })),
        extensions: { missing },
      });
    }
  }

  private async guardRecommendation(ctx: Ctx): Promise<void> {
    const { recommendation, checklist } = ctx.input as TransitionInput;
    if (!recommendation) {
      throw DomainError.rule('RECOMMENDATION_REQUIRED', 'A recommendation is APPROVE or REJECT', {
        errors: [{ field: 'recommendation', message: `one of ${RECOMMENDATIONS.join(', ')}` }],
      });
    }
    assertChecklist(recommendation, checklist ?? [], await this.repo.requirements(ctx.record.type, ctx.em));
  }

  private async guardLicenseInForce(ctx: Ctx): Promise<void> {
    const app = ctx.record;
    if (app.type === 'NEW' || !app.licenseId || !this.licenseLookup) return;
    const facts = await this.licenseLookup.find(ctx.em, app.licenseId);
    if (!facts || (facts.status !== 'ACTIVE' && facts.status !== 'SUSPENDED')) {
      throw DomainError.rule('LICENSE_NOT_IN_FORCE', 'The license this dossier concerns is no longer in force', {
        extensions: { licenseStatus: facts?.status ?? null },
      });
    }
  }

  /** What each event does besides changing the state, in the same transaction. */
  private async effect(ctx: Ctx, user: AuthenticatedUser): Promise<void> {
    const app = ctx.record;
    const input = ctx.input as TransitionInput;
    const now = this.clock.now();
    const ref = { entityType: 'application', entityId: app.id };
    switch (ctx.event as ApplicationEvent) {
      case 'SUBMIT':
        ctx.patch({ submittedAt: now, ...(await this.receipt(ctx)) });
        if (app.type === 'CHANGE_NOTICE' && app.changeNotice) await this.measureLateness(ctx, app.changeNotice, now);
        if (app.type === 'NEW' && app.site && this.unlicensedSites) {
          // a site found operating without a license that now applies: flagged to the appraiser (issue 15)
          const site = app.site as SiteParticulars;
          const ids = await this.unlicensedSites.onNewApplicationSubmitted(ctx.em, {
            id: app.id,
            authorityId: app.authorityId,
            domains: site.domains ?? [],
            siteName: site.name,
          });
          ctx.patch({ unlicensedSiteIds: ids });
          if (ids.length) ctx.note({ unlicensedSiteIds: ids });
        }
        break;
      case 'START_REVIEW':
        ctx.patch({ assigneeId: user.id });
        await this.notifications.notify(ctx.em, {
          audience: { userId: user.id },
          kind: 'DOSSIER_ASSIGNED',
          title: 'Hồ sơ được phân công cho bạn',
          body: 'Bạn đã nhận thẩm định một hồ sơ đề nghị cấp phép.',
          ...ref,
        });
        break;
      case 'CONFIRM_COMPLETE': {
        // "kể từ ngày nhận được hồ sơ hợp lệ" (Decree 72/2013 art. 23e, Decree 147/2024): the period counts from
        // the day the complete dossier (or its last supplement) was received, not from this confirmation.
        const timeZone = await this.timeZoneOf(ctx.em, app);
        const today = this.calendar.today(timeZone);
        const receivedOn = app.receivedOn ?? (app.submittedAt ? zonedIsoDate(app.submittedAt, timeZone) : today);
        const days = await this.legal.numberOn(processingKey(app.type), receivedOn, app.authorityId, ctx.em);
        const calendar: WorkingDayCalendar = await this.calendar.calendar(ctx.em);
        const { dueOn, dueAt } = statutoryDueAt(calendar, receivedOn, days, timeZone);
        ctx.patch({ clockStartedOn: receivedOn, dueAt, clockPaused: false });
        ctx.note({
          clockStartedOn: receivedOn,
          confirmedOn: today,
          dueOn,
          dueAt: dueAt.toISOString(),
          workingDays: days,
        });
        // The appraiser has checked the enterprise registration document of a NEW dossier: the organization's
        // registration number is proved (unless another organization proved it first: 409).
        if (app.type === 'NEW') await this.organizations.confirmIn(ctx.em, app.organizationId, user, 'appraisal');
        break;
      }
      case 'REQUEST_SUPPLEMENT': {
        const items = (input.items ?? []).filter(filled).map((s) => s.trim());
        const reason = (input.reason ?? '').trim();
        const requestId = await this.repo.insertSupplementRequest(ctx.em, {
          applicationId: app.id,
          items,
          reason,
          requestedBy: user.id,
          requestedAt: now,
        });
        // Decree 72/2013 art. 23e: a supplement pauses the clock; it restarts from zero on the next confirmation.
        ctx.patch({ clockPaused: true });
        ctx.note({ supplementRequestId: requestId, items });
        await this.notifications.notify(ctx.em, {
          audience: { organizationId: app.organizationId },
          kind: 'SUPPLEMENT_REQUESTED',
          title: 'Yêu cầu bổ sung hồ sơ',
          body: `Cơ quan cấp phép đề nghị bổ sung hồ sơ: ${items.join('; ')}. Lý do: ${reason}`,
          ...ref,
          data: { items, reason, supplementRequestId: requestId },
        });
        break;
      }
      case 'RESUBMIT': {
        // A corrected date of change is measured against the original filing day (never undoes an opened violation).
        if (app.type === 'CHANGE_NOTICE' && app.changeNotice && app.submittedAt && !app.violationId) {
          await this.measureLateness(ctx, app.changeNotice, app.submittedAt);
        }
        const requestId = await this.repo.resolveSupplementRequest(ctx.em, app.id, now);
        // The supplement's day of receipt: the statutory period of a dossier completed by it counts from here.
        const receipt = await this.receipt(ctx);
        ctx.patch(receipt);
        ctx.note({ supplementRequestId: requestId, receivedOn: receipt.receivedOn });
        if (app.assigneeId) {
          await this.notifications.notify(ctx.em, {
            audience: { userId: app.assigneeId },
            kind: 'SUPPLEMENT_RECEIVED',
            title: 'Hồ sơ đã được bổ sung',
            body: 'Tổ chức đã nộp hồ sơ bổ sung; vui lòng kiểm tra lại tính đầy đủ của hồ sơ.',
            ...ref,
          });
        }
        break;
      }
      case 'RETURN':
        ctx.patch({ decisionReason: (input.reason ?? '').trim(), decidedAt: now });
        await this.notifications.notify(ctx.em, {
          audience: { organizationId: app.organizationId },
          kind: 'DOSSIER_RETURNED',
          title: 'Hồ sơ bị trả lại',
          body: `Hồ sơ đề nghị cấp phép đã bị trả lại. Lý do: ${(input.reason ?? '').trim()}`,
          ...ref,
        });
        break;
      case 'RECOMMEND': {
        const recommendation = input.recommendation as Recommendation;
        const appraisalId = await this.appraisals.insert(ctx.em, {
          applicationId: app.id,
          recommendation,
          checklist: input.checklist ?? [],
          note: input.note?.trim() || null,
          appraiserId: user.id,
        });
        ctx.patch({ recommendedBy: user.id, recommendation });
        ctx.note({ appraisalId, recommendation });
        await this.notifications.notify(ctx.em, {
          audience: { authorityId: app.authorityId, roles: ['approver'] },
          kind: 'DECISION_REQUESTED',
          title: 'Hồ sơ chờ quyết định',
          body: `Chuyên viên thẩm định đề xuất ${recommendation === 'APPROVE' ? 'cấp phép' : 'từ chối'} một hồ sơ.`,
          ...ref,
          data: { recommendation },
        });
        break;
      }
      case 'SEND_BACK':
        ctx.patch({ recommendedBy: null, recommendation: null });
        ctx.note({ note: (input.note ?? '').trim() });
        if (app.assigneeId) {
          await this.notifications.notify(ctx.em, {
            audience: { userId: app.assigneeId },
            kind: 'DOSSIER_SENT_BACK',
            title: 'Hồ sơ được trả lại để thẩm định tiếp',
            body: `Lãnh đạo đề nghị thẩm định lại: ${(input.note ?? '').trim()}`,
            ...ref,
          });
        }
        break;
      case 'APPROVE': {
        ctx.patch({ decidedAt: now });
        const timeZone = await this.timeZoneOf(ctx.em, app);
        const decidedOn = this.calendar.today(timeZone);
        // A change notice is confirmed by letter (Decree 72/2013 art. 23h), written before the license changes.
        if (app.type === 'CHANGE_NOTICE') await this.confirmChangeNotice(ctx, timeZone, decidedOn);
        const licenseId = await this.handOver(ctx, decidedOn);
        if (licenseId) {
          ctx.patch({ licenseId });
          ctx.note({ licenseId });
        }
        await this.notifications.notify(ctx.em, {
          audience: { organizationId: app.organizationId },
          kind: 'DECISION_MADE',
          title: 'Hồ sơ đã được chấp thuận',
          body: 'Cơ quan cấp phép đã chấp thuận hồ sơ đề nghị của tổ chức.',
          ...ref,
          data: { decision: 'APPROVED', ...(licenseId ? { licenseId } : {}) },
        });
        break;
      }
      case 'REJECT':
        ctx.patch({ decisionReason: (input.reason ?? '').trim(), decidedAt: now });
        await this.notifications.notify(ctx.em, {
          audience: { organizationId: app.organizationId },
          kind: 'DECISION_MADE',
          title: 'Hồ sơ bị từ chối',
          body: `Cơ quan cấp phép từ chối hồ sơ đề nghị. Lý do: ${(input.reason ?? '').trim()}`,
          ...ref,
          data: { decision: 'REJECTED', reason: (input.reason ?? '').trim() },
        });
        break;
      case 'WITHDRAW':
        await this.repo.resolveSupplementRequest(ctx.em, app.id, now);
        break;
    }
  }

  /** APPROVE hands the dossier to the license module (APPROVAL_HANDLER) inside the same transaction. */
  private async handOver(ctx: Ctx, decidedOn: string): Promise<string | null> {
    if (!this.approvalHandler) return null;
    const app = ctx.record;
    let site: SiteParticulars | null = app.type === 'NEW' ? (app.site as SiteParticulars) : null;
    if (app.type !== 'NEW' && app.licenseId && this.licenseLookup) {
      const facts = await this.licenseLookup.find(ctx.em, app.licenseId);
      if (facts) site = app.type === 'AMENDMENT' ? mergeParticulars(facts.site, app.site) : facts.site;
    }
    const approved: ApprovedApplication = {
      id: app.id,
      type: app.type,
      authorityId: app.authorityId,
      organizationId: app.organizationId,
      licenseId: app.licenseId,
      site,
      requestedExpiresOn: app.requestedExpiresOn,
      reason: app.reason,
      changeNotice: app.changeNotice,
      organizationName: app.organizationName,
      decidedOn,
    };
    const { licenseId } = await this.approvalHandler.onApproved(ctx.em, approved, ctx.actor);
    return licenseId;
  }

  /**
   * SUBMIT of a CHANGE_NOTICE: filed more than CHANGE_NOTICE_WORKING_DAYS after the change is accepted but flagged
   * late (10: Decree 72/2013 art. 23h, carried over to Decree 147/2024), measured on the filing day in the authority's time zone; the inspectors are told.
   */
  private async measureLateness(ctx: Ctx, notice: ChangeNoticeParticulars, filedAt: Date): Promise<void> {
    const app = ctx.record;
    const changedOn = notice.changedOn;
    const filedOn = zonedIsoDate(filedAt, await this.timeZoneOf(ctx.em, app));
    // The period in force on the day of the change, when the duty to notify arose.
    const period = await this.legal.numberOn('CHANGE_NOTICE_WORKING_DAYS', changedOn, app.authorityId, ctx.em);
    const { dueOn, late, lateByWorkingDays } = latenessOf(
      await this.calendar.calendar(ctx.em),
      changedOn,
      filedOn,
      period,
    );
    const wasLate = app.late === true;
    ctx.patch({ late, lateByWorkingDays });
    ctx.note({ changedOn, notifyBy: dueOn, filedOn, late, lateByWorkingDays });
    if (!late || wasLate) return;
    await this.notifications.notify(ctx.em, {
      audience: { authorityId: app.authorityId, roles: ['inspector'] },
      kind: 'CHANGE_NOTICE_LATE',
      title: 'Thông báo thay đổi nộp quá thời hạn',
      body:
        `Một tổ chức đã thông báo thay đổi chậm ${lateByWorkingDays} ngày làm việc so với thời hạn ${period} ngày ` +
        'làm việc kể từ ngày thay đổi theo quy định.',
      entityType: 'application',
      entityId: app.id,
      data: { changedOn, filedOn, lateByWorkingDays },
    });
  }

  /** APPROVE of a CHANGE_NOTICE: the confirmation letter (number, document) in the same transaction. */
  private async confirmChangeNotice(ctx: Ctx, timeZone: string, decidedOn: string): Promise<void> {
    const app = ctx.record;
    if (!this.changeNoticeConfirmer || !app.changeNotice || !app.licenseId || !app.submittedAt) return;
    const { letterNumber } = await this.changeNoticeConfirmer.confirm(
      ctx.em,
      {
        applicationId: app.id,
        authorityId: app.authorityId,
        organizationId: app.organizationId,
        licenseId: app.licenseId,
        changeNotice: app.changeNotice,
        receivedOn: zonedIsoDate(app.submittedAt, timeZone),
        late: app.late === true,
        decidedOn,
      },
      ctx.actor,
    );
    ctx.note({ letterNumber });
  }

  /** Kinds of the dossier's current documents. */
  private documentKinds(em: EntityManager, applicationId: string): Promise<string[]> {
    return this.documents.currentKinds(em, dossierOf(applicationId));
  }
}
