import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { Actor } from '../auth/roles';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import { zonedIsoDate } from '../calendar/iso-date';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Page, pageOf } from '../common/pagination';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { StoredUpload } from '../documents/document-upload';
import { DocumentsService } from '../documents/documents.service';
import { DocumentView } from '../documents/dto/document.dto';
import { LicensesRepository } from '../licenses/licenses.repository';
import { NotificationsService } from '../notifications/notifications.service';
import type { InspectionRecordPdfData } from '../pdf/pdf.types';
import { LegalBasesService } from '../legal/legal-bases.service';
import { PdfService } from '../pdf/pdf.service';
import { formatShortDate } from '../pdf/vietnamese-format';
import { UsersRepository } from '../users/users.repository';
import { historyView, WorkflowHistoryRepository } from '../workflow/workflow-history.repository';
import { WorkflowEngine } from '../workflow/workflow.engine';
import { CreateInspectionDto, InspectionsQuery, InspectionTransitionDto } from './dto/inspection.dto';
import { Inspection, inspectionRecordNumber, Remedy } from './inspection.entity';
import { inspectionMachine } from './inspection.machine';
import { InspectionsRepository } from './inspections.repository';
import { visibleTo } from '../auth/visibility';
import { DocumentSigning } from '../signing/signing.service';

const OWNER = (id: string) => ({ type: 'inspection', id });

/** Inspections of licensed sites: planned, carried out and closed with a numbered record (biên bản kiểm tra). */
@Injectable()
export class InspectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly inspections: InspectionsRepository,
    private readonly licenses: LicensesRepository,
    private readonly authorities: AuthoritiesRepository,
    private readonly signing: DocumentSigning,
    private readonly users: UsersRepository,
    private readonly engine: WorkflowEngine,
    private readonly history: WorkflowHistoryRepository,
    private readonly notifications: NotificationsService,
    private readonly documents: DocumentsService,
    private readonly pdf: PdfService,
    private readonly legalBases: LegalBasesService,
  ) {}

  private today(): string {
    return zonedIsoDate(this.clock.now(), this.config.defaultTimeZone);
  }

  async create(dto: CreateInspectionDto, inspector: AuthenticatedUser): Promise<Inspection> {
    return this.dataSource.transaction(async (em) => {
      const license = await this.licenses.findById(dto.licenseId, em);
      if (!license || !visibleTo(inspector, license)) throw DomainError.notFound('License');
      const me = await this.users.findById(inspector.id, em);
      const team = dto.team?.map((m) => ({
        fullName: m.fullName.trim(),
        position: m.position.trim(),
        ...(m.role ? { role: m.role } : {}),
      })) ?? [{ fullName: me?.fullName ?? inspector.email, position: 'Cán bộ kiểm tra', role: 'Trưởng đoàn' }];
      const inspection = await this.inspections.insert(em, {
        licenseId: license.id,
        authorityId: license.authorityId,
        organizationId: license.organizationId,
        kind: dto.kind,
        scheduledOn: dto.scheduledOn,
        scope: dto.scope.trim(),
        place: dto.place?.trim() || license.licensee.headOffice,
        inspectorId: inspector.id,
        team,
      });
      await this.engine.recordCreation(
        em,
        inspectionMachine,
        inspection.id,
        inspector,
        { authorityId: inspection.authorityId, organizationId: inspection.organizationId },
        { licenseId: license.id, kind: dto.kind, scheduledOn: dto.scheduledOn },
      );
      return inspection;
    });
  }

  async transition(id: string, dto: InspectionTransitionDto, inspector: AuthenticatedUser): Promise<Inspection> {
    const { record } = await this.engine.fire<Inspection>({
      machine: inspectionMachine,
      entity: Inspection,
      id,
      event: dto.event,
      actor: inspector,
      expectedVersion: dto.version,
      input: { reason: dto.reason },
      visible: (i) => visibleTo(inspector, i),
      guards: {
        findingsAndConclusion: () => {
          const errors = [];
          if (!dto.findings?.some((f) => f.trim())) errors.push({ field: 'findings', message: 'at least one finding' });
          if (!dto.conclusion?.trim()) errors.push({ field: 'conclusion', message: 'required to complete' });
          if (errors.length) {
            throw DomainError.rule('FINDINGS_REQUIRED', 'An inspection is completed with findings and a conclusion', {
              errors,
            });
          }
        },
        reasonGiven: () => {
          if (!dto.reason?.trim()) {
            throw DomainError.rule('REASON_REQUIRED', 'A cancellation needs a reason', {
              errors: [{ field: 'reason', message: 'required for CANCEL' }],
            });
          }
        },
      },
      effect: async (ctx) => {
        if (ctx.event === 'START') ctx.patch({ startedAt: this.clock.now() });
        if (ctx.event !== 'COMPLETE') return;
        const i = ctx.record;
        const findings = dto.findings!.map((f) => f.trim()).filter(Boolean);
        const remedies: Remedy[] = (dto.remedies ?? []).map((r) => ({
          description: r.description.trim(),
          ...(r.dueOn ? { dueOn: r.dueOn } : {}),
        }));
        const completedOn = this.today();
        const authority = (await this.authorities.findById(i.authorityId, ctx.em))!;
        const license = (await this.licenses.findById(i.licenseId, ctx.em))!;
        const recordNumber = inspectionRecordNumber(
          await this.inspections.takeRecordSeq(ctx.em, i.authorityId),
          authority.licenseNumberSuffix,
        );
        const document: InspectionRecordPdfData = {
          authority: {
            parentBody: authority.parentBody,
            name: authority.name,
            placeName: authority.province,
            signerTitle: authority.signerTitle,
            signerName: authority.signerName,
          },
          recordNumber,
          inspectedOn: completedOn,
          place: i.place,
          kind: i.kind,
          licensee: {
            name: license.licensee.name,
            headOffice: license.licensee.headOffice,
            registrationNumber: license.licensee.registrationNumber,
            ...(license.licensee.legalRepresentative ? { representative: license.licensee.legalRepresentative } : {}),
          },
          license: { number: license.number, issuedOn: license.issuedOn, domains: license.site.domains },
          team: i.team,
          scope: i.scope,
          findings,
          conclusion: dto.conclusion!.trim(),
          remedies,
          violations: await this.inspections.violationsOf(ctx.em, i.id),
          // Signed by the authority when the record is closed (the claimed signing time is this instant).
          seal: {
            signedAt: this.clock.now().toISOString(),
            certificateSha256: (await this.signing.signerFor(authority)).identity.fingerprintSha256,
          },
          // The bases in force on the day of the record, stored with it (the record always renders the same).
          legalBases: await this.legalBases.linesFor('INSPECTION_RECORD', completedOn, authority, ctx.em),
        };
        ctx.patch({
          findings,
          conclusion: document.conclusion,
          remedies,
          recordNumber,
          completedOn,
          recordDocument: document,
        });
        ctx.note({ recordNumber });
        await this.notifications.notify(ctx.em, {
          audience: { organizationId: i.organizationId },
          kind: 'INSPECTION_COMPLETED',
          title: 'Biên bản kiểm tra',
          body: `Đoàn kiểm tra đã lập biên bản số ${recordNumber} ngày ${formatShortDate(completedOn)} về trang ${license.site.name} (giấy phép số ${license.number}).`,
          entityType: 'inspection',
          entityId: i.id,
          data: { recordNumber, licenseId: license.id, remedies },
        });
      },
      scope: (i) => ({ authorityId: i.authorityId, organizationId: i.organizationId }),
    });
    return record;
  }

  async get(id: string, actor: Actor): Promise<Inspection> {
    const inspection = await this.inspections.findById(id);
    if (!inspection || !visibleTo(actor, inspection)) throw DomainError.notFound('Inspection');
    return inspection;
  }

  async list(actor: Actor, q: InspectionsQuery): Promise<Page<Inspection>> {
    const { items, total } = await this.inspections.list(actor, q);
    return pageOf(items, total, q);
  }

  async historyOf(id: string, actor: Actor) {
    const i = await this.get(id, actor);
    return (await this.history.list('inspection', [i.id])).map(historyView);
  }

  async allowed(id: string, actor: Actor) {
    const i = await this.get(id, actor);
    return {
      state: i.state,
      version: i.version,
      allowed: await this.engine.allowedEvents(inspectionMachine, i, actor),
    };
  }

  /** Evidence of the inspection (same upload rules as dossiers); not once it is cancelled. */
  async attach(id: string, kind: string, file: StoredUpload, inspector: AuthenticatedUser): Promise<DocumentView> {
    return this.dataSource.transaction(async (em) => {
      const i = await this.inspections.findById(id, em);
      if (!i || !visibleTo(inspector, i)) throw DomainError.notFound('Inspection');
      if (i.state === 'CANCELLED') {
        throw DomainError.conflict(ErrorCode.CONFLICT, 'The inspection was cancelled: no evidence can be added', {
          state: i.state,
        });
      }
      return this.documents.attach(em, OWNER(i.id), kind, file, inspector, {
        authorityId: i.authorityId,
        organizationId: i.organizationId,
      });
    });
  }

  async documentsOf(id: string, actor: Actor): Promise<DocumentView[]> {
    const i = await this.get(id, actor);
    return this.documents.list(OWNER(i.id));
  }

  async document(id: string, docId: string, actor: Actor) {
    const i = await this.get(id, actor);
    const doc = await this.documents.get(OWNER(i.id), docId);
    if (!doc) throw DomainError.notFound('Document');
    return this.documents.download(doc);
  }

  /** The record PDF, rendered from the input fixed on COMPLETE (same bytes every time); 409 before. */
  async recordPdf(id: string, actor: Actor): Promise<{ pdf: Buffer; recordNumber: string }> {
    const i = await this.get(id, actor);
    const document = i.state === 'COMPLETED' ? await this.inspections.recordDocument(i.id) : null;
    if (!document) {
      throw DomainError.conflict(
        'RECORD_NOT_AVAILABLE',
        `The record exists once the inspection is COMPLETED (it is ${i.state})`,
        {
          state: i.state,
        },
      );
    }
    const signer = document.seal ? await this.signerOf(i.authorityId) : undefined;
    return { pdf: await this.pdf.renderInspectionRecord(document, signer), recordNumber: document.recordNumber };
  }

  private async signerOf(authorityId: string) {
    const authority = await this.authorities.findById(authorityId);
    if (!authority) throw DomainError.notFound('Authority');
    return this.signing.signerFor(authority);
  }
}
