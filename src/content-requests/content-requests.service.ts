import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { Actor } from '../auth/roles';
import { SYSTEM_ACTOR } from '../auth/roles';
import { visibleTo } from '../auth/visibility';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import { CalendarService } from '../calendar/calendar.service';
import { endOfDayInZone, isoDateYear, zonedIsoDate } from '../calendar/iso-date';
import { confirmationLetterNumber as letterNumber } from '../change-notices/letter-number';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode, FieldError } from '../common/domain-error';
import { Page, pageOf } from '../common/pagination';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { StoredUpload } from '../documents/document-upload';
import { DocumentsService } from '../documents/documents.service';
import type { DocumentView } from '../documents/dto/document.dto';
import { authorityBlock } from '../licenses/license-document';
import type { License } from '../licenses/license.entity';
import { LicensesRepository } from '../licenses/licenses.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { OfficialLetterPdfData, renderOfficialLetter } from '../pdf/official-letter';
import { sha256Hex } from '../pdf/pdf.service';
import { formatVietnameseDate } from '../pdf/vietnamese-format';
import { SchedulerService } from '../scheduler/scheduler.service';
import { UsersRepository } from '../users/users.repository';
import { historyView, WorkflowHistoryRepository } from '../workflow/workflow-history.repository';
import { TransitionContext, WorkflowEngine } from '../workflow/workflow.engine';
import {
  ContentRequest,
  CorrectionItem,
  type CorrectionItemCode,
  proposedViolationType,
  removalDueAt,
} from './content-request.entity';
import { contentRequestMachine } from './content-request.machine';
import { ContentRequestsRepository } from './content-requests.repository';
import type {
  ContentRequestsQuery,
  ContentRequestTransitionDto,
  CreateContentRequestDto,
} from './dto/content-request.dto';
import { ContentRequestDeadlines } from './request-deadlines';

type Ctx = TransitionContext<ContentRequest>;
const OWNER = (id: string) => ({ type: 'content_request', id });
/** How often the deadline watch looks for missed removal deadlines (hours matter: a daily run is too coarse). */
const WATCH_INTERVAL_MS = 5 * 60_000;
const WATCH_LOCK: [number, number] = [0x435251, 1]; // 'CRQ'

const ITEM_LABEL: Record<CorrectionItemCode, string> = {
  OWN_NEWS_PRODUCTION: 'Tự sản xuất tin, bài',
  EDITED_TITLES: 'Tự biên tập, sửa đổi, rút gọn tiêu đề tin, bài trích dẫn',
  OUT_OF_SCOPE: 'Cung cấp nội dung không phù hợp với nội dung, phạm vi thông tin ghi trong giấy phép',
  MISSING_SOURCE_CITATION: 'Không ghi rõ nguồn tin chính thức, tên tác giả, thời gian đăng phát',
  OTHER: 'Nội dung khác',
};

/** Correction and removal requests to licensees, their answers, and the deadline watch. */
@Injectable()
export class ContentRequestsService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ContentRequestsService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly repo: ContentRequestsRepository,
    private readonly deadlines: ContentRequestDeadlines,
    private readonly licenses: LicensesRepository,
    private readonly authorities: AuthoritiesRepository,
    private readonly users: UsersRepository,
    private readonly calendar: CalendarService,
    private readonly engine: WorkflowEngine,
    private readonly history: WorkflowHistoryRepository,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    private readonly notifications: NotificationsService,
    private readonly scheduler: SchedulerService,
  ) {}

  onModuleInit(): void {
    // the daily run catches up anything the frequent watch missed (e.g. the server was down)
    this.scheduler.registerJob({
      name: 'content-request.flag-missed',
      run: (em, _today, now) => this.flagMissed(em, now),
    });
  }

  /** With the scheduler enabled: every five minutes, flag requests whose deadline passed (3 hours is short). */
  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    this.timer = setInterval(() => {
      this.watchOnce().catch((err: unknown) => this.logger.error({ err }, 'Content-request deadline watch failed'));
    }, WATCH_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass of the watch under a transaction-level advisory lock (one replica at a time). */
  async watchOnce(now: Date = this.clock.now()): Promise<{ flagged: number } | null> {
    return this.dataSource.transaction(async (em) => {
      const [{ locked }]: { locked: boolean }[] = await em.query(
        `SELECT pg_try_advisory_xact_lock($1, $2) AS locked`,
        WATCH_LOCK,
      );
      return locked ? this.flagMissed(em, now) : null;
    });
  }

  /**
   * Flags every open request whose deadline passed before `now` (idempotent: flagged once), proposes a violation
   * type and tells the inspectors; nothing is decided (the inspector logs the violation, or not).
   */
  async flagMissed(em: EntityManager, now: Date): Promise<{ flagged: number }> {
    const due = await this.repo.dueUnflagged(em, now);
    for (const r of due) await this.markMissed(em, r, now);
    return { flagged: due.length };
  }

  private async markMissed(em: EntityManager, r: ContentRequest, now: Date): Promise<void> {
    const proposal = proposedViolationType(r);
    await this.repo.update(em, r.id, { missedAt: now, proposedViolationType: proposal });
    Object.assign(r, { missedAt: now, proposedViolationType: proposal });
    const license = await this.licenses.findById(r.licenseId, em);
    const what = r.kind === 'REMOVAL' ? 'gỡ bỏ thông tin' : 'chấn chỉnh, khắc phục';
    const note = {
      kind: 'CONTENT_REQUEST_MISSED',
      title: 'Quá hạn thực hiện yêu cầu — đề xuất xử lý vi phạm',
      body:
        `Giấy phép số ${license?.number ?? ''}: quá hạn thực hiện yêu cầu ${what} số ${r.letterNumber}. ` +
        `Đề xuất xem xét lập vi phạm ${proposal}; người có thẩm quyền quyết định.`,
      entityType: 'content_request',
      entityId: r.id,
      data: { proposedViolationType: proposal, licenseId: r.licenseId, dueAt: r.dueAt.toISOString() },
    };
    await this.notifications.notify(em, {
      audience: { authorityId: r.authorityId, roles: ['inspector'] },
      ...note,
      dedupeKey: `content-request-missed:${r.id}`,
    });
    await this.audit.record(em, {
      actor: SYSTEM_ACTOR,
      action: 'content_request.DEADLINE_MISSED',
      entityType: 'content_request',
      entityId: r.id,
      authorityId: r.authorityId,
      organizationId: r.organizationId,
      data: { dueAt: r.dueAt.toISOString(), proposedViolationType: proposal },
    });
  }

  /** Issues a request with its numbered letter; the licensee is told. */
  async create(dto: CreateContentRequestDto, inspector: AuthenticatedUser): Promise<ContentRequest> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const license = await this.licenses.findById(dto.licenseId, em);
      if (!license || !visibleTo(inspector, license)) throw DomainError.notFound('License');
      const errors: FieldError[] = [];
      if (dto.kind === 'CORRECTION') {
        if (!dto.items?.length) errors.push({ field: 'items', message: 'a CORRECTION lists at least one item' });
        if (dto.urls !== undefined) errors.push({ field: 'urls', message: 'only for a REMOVAL' });
      } else {
        if (!dto.urls?.length) errors.push({ field: 'urls', message: 'a REMOVAL lists at least one URL' });
        if (dto.items !== undefined) errors.push({ field: 'items', message: 'only for a CORRECTION' });
        if (dto.deadlineWorkingDays !== undefined) {
          errors.push({ field: 'deadlineWorkingDays', message: 'a removal is due in hours set by law' });
        }
      }
      if (errors.length) throw DomainError.validation('The request does not fit its kind', errors);
      if (!['ACTIVE', 'SUSPENDED'].includes(license.status)) {
        throw DomainError.rule('LICENSE_NOT_IN_FORCE', `The license is ${license.status}`, {
          errors: [{ field: 'licenseId', message: `the license is ${license.status}` }],
        });
      }
      const authority = (await this.authorities.findById(license.authorityId, em))!;
      const timeZone = authority.timeZone || this.config.defaultTimeZone;
      const issuedOn = zonedIsoDate(now, timeZone);
      const figures = await this.deadlines.figuresOn(em, authority.id, issuedOn);
      let dueAt: Date;
      let days: number | null = null;
      let hours: number | null = null;
      if (dto.kind === 'REMOVAL') {
        hours = figures.removalHours;
        dueAt = removalDueAt(now, hours);
      } else {
        days = dto.deadlineWorkingDays ?? figures.correctionWorkingDays;
        // Civil Code 2015 art. 147–148: day 1 is the day after the request; the period ends with its last day
        const cal = await this.calendar.calendar(em);
        dueAt = endOfDayInZone(cal.addWorkingDays(issuedOn, days), timeZone);
      }
      const items: CorrectionItem[] = (dto.items ?? []).map((i) => ({
        code: i.code,
        description: i.description.trim(),
        ...(i.url ? { url: i.url } : {}),
      }));
      const signer = authority.signerName.trim() || (await this.users.findById(inspector.id, em))?.fullName || '';
      const year = isoDateYear(issuedOn);
      const seq = await this.repo.takeLetterSequence(em, authority.id, year);
      const number = letterNumber(seq, authority);
      const document = requestLetter({
        authority: authorityBlock(authority, signer),
        number,
        issuedOn,
        license,
        kind: dto.kind,
        items,
        urls: dto.urls ?? [],
        description: dto.description.trim(),
        days,
        hours,
        dueAt,
        timeZone,
      });
      const sha256 = sha256Hex(await renderOfficialLetter(document));
      const r = await this.repo.insert(em, {
        authorityId: license.authorityId,
        licenseId: license.id,
        organizationId: license.organizationId,
        kind: dto.kind,
        items,
        urls: dto.urls ?? [],
        description: dto.description.trim(),
        issuedAt: now,
        issuedOn,
        deadlineWorkingDays: days,
        deadlineHours: hours,
        dueAt,
        letterNumber: number,
        letterYear: year,
        letterSeq: seq,
        letterDocument: document,
        letterPdfSha256: sha256,
        createdBy: inspector.id,
      });
      await this.notifications.notify(em, {
        audience: { organizationId: license.organizationId },
        kind: 'CONTENT_REQUEST_ISSUED',
        title: dto.kind === 'REMOVAL' ? 'Yêu cầu gỡ bỏ thông tin vi phạm' : 'Yêu cầu chấn chỉnh, khắc phục',
        body:
          `Văn bản số ${number} về trang ${license.site.name}: ` +
          (dto.kind === 'REMOVAL'
            ? `gỡ bỏ ${r.urls.length} đường dẫn trong ${hours} giờ, trước ${formatTime(dueAt, timeZone)}.`
            : `chấn chỉnh ${items.length} nội dung trong ${days} ngày làm việc, trước ${formatTime(dueAt, timeZone)}.`),
        entityType: 'content_request',
        entityId: r.id,
        data: { kind: dto.kind, dueAt: dueAt.toISOString(), letterNumber: number },
      });
      await this.engine.recordCreation(
        em,
        contentRequestMachine,
        r.id,
        inspector,
        { authorityId: r.authorityId, organizationId: r.organizationId },
        {
          kind: r.kind,
          licenseId: r.licenseId,
          dueAt: dueAt.toISOString(),
          letterNumber: number,
          ...(hours !== null ? { deadlineHours: hours } : { deadlineWorkingDays: days }),
        },
      );
      return r;
    });
  }

  async get(id: string, actor: Actor): Promise<ContentRequest> {
    const r = await this.repo.findById(id);
    if (!r || !visibleTo(actor, r)) throw DomainError.notFound('Content request');
    return r;
  }

  async list(actor: Actor, q: ContentRequestsQuery): Promise<Page<ContentRequest>> {
    const { items, total } = await this.repo.list(actor, q);
    return pageOf(items, total, q);
  }

  async historyOf(id: string, actor: Actor) {
    const r = await this.get(id, actor);
    return (await this.history.list('content_request', [r.id])).map(historyView);
  }

  async allowed(id: string, actor: Actor) {
    const r = await this.get(id, actor);
    return {
      state: r.state,
      version: r.version,
      allowed: await this.engine.allowedEvents(contentRequestMachine, r, actor),
    };
  }

  async letterPdf(id: string, actor: Actor): Promise<{ pdf: Buffer; number: string }> {
    const r = await this.get(id, actor);
    return { pdf: await renderOfficialLetter(r.letterDocument), number: r.letterNumber };
  }

  /** The licensee's evidence of what was done (before answering). */
  async attach(id: string, kind: string, file: StoredUpload, owner: AuthenticatedUser): Promise<DocumentView> {
    return this.dataSource.transaction(async (em) => {
      const r = await em.getRepository(ContentRequest).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!r || !visibleTo(owner, r)) throw DomainError.notFound('Content request');
      if (!['ISSUED', 'RETURNED'].includes(r.state)) {
        throw DomainError.conflict(ErrorCode.CONFLICT, `The request is ${r.state}: no evidence can be added`, {
          state: r.state,
        });
      }
      return this.documents.attach(em, OWNER(r.id), kind, file, owner, {
        authorityId: r.authorityId,
        organizationId: r.organizationId,
      });
    });
  }

  async documentsOf(id: string, actor: Actor): Promise<DocumentView[]> {
    const r = await this.get(id, actor);
    return this.documents.list(OWNER(r.id), { includeSuperseded: true });
  }

  async document(id: string, docId: string, actor: Actor) {
    const r = await this.get(id, actor);
    const doc = await this.documents.get(OWNER(r.id), docId);
    if (!doc) throw DomainError.notFound('Document');
    return this.documents.download(doc);
  }

  async transition(id: string, dto: ContentRequestTransitionDto, actor: AuthenticatedUser): Promise<ContentRequest> {
    const now = this.clock.now();
    const { record } = await this.engine.fire<ContentRequest>({
      machine: contentRequestMachine,
      entity: ContentRequest,
      id,
      event: dto.event,
      actor,
      expectedVersion: dto.version,
      input: { reason: dto.reason },
      visible: (r) => visibleTo(actor, r),
      guards: {
        responseGiven: () => {
          if (!dto.response?.trim()) {
            throw DomainError.rule('RESPONSE_REQUIRED', 'Say what was done', {
              errors: [{ field: 'response', message: 'required for ANSWER' }],
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
        deadlineMissed: (ctx) => {
          if (ctx.record.dueAt.getTime() > now.getTime() && !ctx.record.answeredLate) {
            throw DomainError.rule(
              'DEADLINE_NOT_PASSED',
              `The deadline (${ctx.record.dueAt.toISOString()}) has not passed: there is nothing to sanction yet`,
            );
          }
        },
        violationOfLicense: async (ctx) => {
          const v = dto.violationId ? await this.repo.violation(ctx.em, dto.violationId) : null;
          if (!v || v.licenseId !== ctx.record.licenseId || v.state === 'DISMISSED') {
            throw DomainError.rule(
              'VIOLATION_REQUIRED',
              'violationId must name a violation (not dismissed) of this license: log it first (POST /violations)',
              { errors: [{ field: 'violationId', message: 'a violation of this license' }] },
            );
          }
        },
      },
      effect: (ctx) => this.effect(ctx, dto, now),
      scope: (r) => ({ authorityId: r.authorityId, organizationId: r.organizationId }),
    });
    return record;
  }

  private async effect(ctx: Ctx, dto: ContentRequestTransitionDto, now: Date): Promise<void> {
    const r = ctx.record;
    const ref = { entityType: 'content_request', entityId: r.id };
    switch (ctx.event) {
      case 'ANSWER': {
        const late = now.getTime() > r.dueAt.getTime();
        ctx.patch({
          response: dto.response!.trim(),
          answeredAt: now,
          answeredLate: late,
          answerCount: r.answerCount + 1,
        });
        ctx.note({ late, evidence: (await this.documents.list(OWNER(r.id), { em: ctx.em })).map((d) => d.sha256) });
        // an answer after the deadline is still a missed deadline: flagged with its proposal, for the inspector
        if (late && !r.missedAt) await this.markMissed(ctx.em, r, now);
        await this.notifications.notify(ctx.em, {
          audience: { authorityId: r.authorityId, roles: ['inspector'] },
          kind: 'CONTENT_REQUEST_ANSWERED',
          title: 'Tổ chức đã báo cáo kết quả thực hiện yêu cầu',
          body: `Văn bản số ${r.letterNumber}: ${dto.response!.trim().slice(0, 300)}`,
          ...ref,
        });
        return;
      }
      case 'ACCEPT':
        ctx.patch({ closedAt: now, closingNote: dto.reason?.trim() ?? null });
        await this.notifications.notify(ctx.em, {
          audience: { organizationId: r.organizationId },
          kind: 'CONTENT_REQUEST_ACCEPTED',
          title: 'Cơ quan quản lý ghi nhận kết quả thực hiện yêu cầu',
          body: `Kết quả thực hiện văn bản số ${r.letterNumber} đã được ghi nhận.`,
          ...ref,
        });
        return;
      case 'RETURN':
        await this.notifications.notify(ctx.em, {
          audience: { organizationId: r.organizationId },
          kind: 'CONTENT_REQUEST_RETURNED',
          title: 'Kết quả thực hiện yêu cầu chưa đạt',
          body: `Văn bản số ${r.letterNumber}: ${dto.reason!.trim()}`,
          ...ref,
        });
        return;
      case 'RECORD_VIOLATION':
        ctx.patch({ violationId: dto.violationId!, closedAt: now, closingNote: dto.reason?.trim() ?? null });
        ctx.note({ violationId: dto.violationId });
        return;
      case 'WITHDRAW':
        ctx.patch({ closedAt: now, closingNote: dto.reason!.trim() });
        return;
    }
  }
}

/** 'HH:mm ngày dd/MM/yyyy' in the authority's zone. */
function formatTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  const [y, m, d] = zonedIsoDate(at, timeZone).split('-');
  return `${parts} ngày ${d}/${m}/${y}`;
}

/** The request letter (công văn) as data. */
function requestLetter(x: {
  authority: OfficialLetterPdfData['authority'];
  number: string;
  issuedOn: string;
  license: License;
  kind: 'CORRECTION' | 'REMOVAL';
  items: CorrectionItem[];
  urls: string[];
  description: string;
  days: number | null;
  hours: number | null;
  dueAt: Date;
  timeZone: string;
}): OfficialLetterPdfData {
  const l = x.license;
  const site =
    `trang thông tin điện tử tổng hợp "${l.site.name}" (${l.site.domains.join(', ')}), Giấy phép số ${l.number} ` +
    formatVietnameseDate(l.issuedOn);
  const due = formatTime(x.dueAt, x.timeZone);
  if (x.kind === 'REMOVAL') {
    return {
      authority: x.authority,
      letterNumber: x.number,
      signedOn: x.issuedOn,
      summary: 'yêu cầu gỡ bỏ thông tin vi phạm pháp luật',
      recipient: l.licensee.name,
      body: [
        {
          text: `Qua công tác theo dõi, kiểm tra, cơ quan quản lý phát hiện trên ${site} có thông tin vi phạm pháp luật: ${x.description}`,
          items: x.urls,
        },
        {
          text:
            'Căn cứ Nghị định số 147/2024/NĐ-CP ngày 09 tháng 11 năm 2024 của Chính phủ và nghĩa vụ ghi trong giấy ' +
            `phép, yêu cầu ${l.licensee.name} gỡ bỏ các thông tin nêu trên chậm nhất ${String(x.hours).padStart(2, '0')} ` +
            `giờ kể từ khi nhận được yêu cầu này (trước ${due}) và báo cáo kết quả thực hiện.`,
        },
        {
          text: 'Quá thời hạn trên mà không thực hiện, cơ quan quản lý sẽ xem xét xử lý theo quy định của pháp luật./.',
        },
      ],
    };
  }
  return {
    authority: x.authority,
    letterNumber: x.number,
    signedOn: x.issuedOn,
    summary: 'chấn chỉnh, khắc phục hoạt động của trang thông tin điện tử tổng hợp',
    recipient: l.licensee.name,
    body: [
      {
        text: `Qua công tác theo dõi, kiểm tra, cơ quan quản lý phát hiện ${site} có những tồn tại sau: ${x.description}`,
        items: x.items.map((i) => `${ITEM_LABEL[i.code]}: ${i.description}${i.url ? ` (${i.url})` : ''}`),
      },
      {
        text:
          `Đề nghị ${l.licensee.name} chấn chỉnh, khắc phục các nội dung nêu trên trong thời hạn ${x.days} ngày làm ` +
          `việc kể từ ngày ký văn bản này (chậm nhất ${due}), hoạt động đúng nội dung, phạm vi ghi trong giấy phép ` +
          'và báo cáo kết quả thực hiện về cơ quan quản lý.',
      },
      {
        text: 'Quá thời hạn trên mà không khắc phục, cơ quan quản lý sẽ xem xét xử lý theo quy định của pháp luật./.',
      },
    ],
  };
}
