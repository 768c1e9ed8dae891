import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Application } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { ApplicationsService } from '../applications/applications.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CalendarService } from '../calendar/calendar.service';
import { zonedIsoDate } from '../calendar/iso-date';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { LegalParametersService } from '../legal/legal-parameters.service';
import { PdfService, sha256Hex } from '../pdf/pdf.service';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import { DocumentSigning } from '../signing/signing.service';
import { formatShortDate } from '../pdf/vietnamese-format';
import { violationView } from '../violations/violation.entity';
import { ViolationsService } from '../violations/violations.service';
import { ChangeNoticesRepository } from './change-notices.repository';

/** The catalogue entry for a late change notice (seeded by migration 1764490000000). */
export const LATE_CHANGE_NOTICE_TYPE = 'LATE_CHANGE_NOTICE';

/** The generated description of the violation opened from a late notice (Vietnamese: it is read by people). */
export function lateNoticeDescription(
  app: Application,
  filedOn: string,
  period: { workingDays: number; basis: string },
): string {
  const n = app.changeNotice;
  const what = [n?.newOwner ? 'chủ sở hữu' : null, n?.newHeadOfficeAddress ? 'địa chỉ trụ sở chính' : null]
    .filter(Boolean)
    .join(' và ');
  return (
    `Thông báo thay đổi ${what} (hồ sơ ${app.id}) đối với thay đổi ngày ${formatShortDate(n?.changedOn ?? filedOn)} ` +
    `được nộp ngày ${formatShortDate(filedOn)}, chậm ${app.lateByWorkingDays ?? 0} ngày làm việc so với thời hạn ` +
    `${period.workingDays} ngày làm việc kể từ ngày thay đổi (${period.basis}).`
  );
}

/** What a change notice adds to a dossier: the violation from a late notice and the confirmation letter. */
@Injectable()
export class ChangeNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly applications: ApplicationsService,
    private readonly applicationsRepo: ApplicationsRepository,
    private readonly repo: ChangeNoticesRepository,
    private readonly violations: ViolationsService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly pdf: PdfService,
    private readonly authorities: AuthoritiesRepository,
    private readonly signing: DocumentSigning,
    private readonly legal: LegalParametersService,
  ) {}

  /**
   * The inspector opens a violation (OPEN, type LATE_CHANGE_NOTICE, detected today) from a notice flagged late, in
   * one transaction with the link on the application; a second call is 409 VIOLATION_ALREADY_OPENED.
   */
  async openViolation(id: string, inspector: AuthenticatedUser) {
    return this.dataSource.transaction(async (em) => {
      const app = await this.applicationsRepo.lock(em, id);
      if (!app || !this.applications.visible(app, inspector)) throw DomainError.notFound('Application');
      if (app.type !== 'CHANGE_NOTICE' || app.late !== true || !app.licenseId || !app.submittedAt) {
        throw DomainError.rule(
          'NOT_A_LATE_CHANGE_NOTICE',
          'A violation is opened here only from a change notice filed late',
          { extensions: { type: app.type, late: app.late } },
        );
      }
      if (app.violationId) {
        throw DomainError.conflict('VIOLATION_ALREADY_OPENED', 'A violation was already opened from this notice', {
          violationId: app.violationId,
        });
      }
      const timeZone =
        (await this.applicationsRepo.authorityTimeZone(app.authorityId, em)) ?? this.config.defaultTimeZone;
      const filedOn = zonedIsoDate(app.submittedAt, timeZone);
      const p = await this.legal.versionOn(
        'CHANGE_NOTICE_WORKING_DAYS',
        app.changeNotice?.changedOn ?? filedOn,
        app.authorityId,
        em,
      );
      const violation = await this.violations.create(
        {
          licenseId: app.licenseId,
          typeCode: LATE_CHANGE_NOTICE_TYPE,
          description: lateNoticeDescription(app, filedOn, { workingDays: Number(p.value), basis: p.basis }),
          detectedOn: this.calendar.today(timeZone),
        },
        inspector,
        em,
      );
      const version = await this.repo.linkViolation(em, app.id, violation.id);
      await this.audit.record(em, {
        actor: inspector,
        action: 'application.violation_opened',
        entityType: 'application',
        entityId: app.id,
        authorityId: app.authorityId,
        organizationId: app.organizationId,
        data: { violationId: violation.id, typeCode: LATE_CHANGE_NOTICE_TYPE, version },
      });
      return { applicationId: app.id, applicationVersion: version, violation: violationView(violation) };
    });
  }

  /**
   * The confirmation letter of an approved notice, re-rendered from its stored input (same bytes every time).
   * 404 when the caller may not see the dossier or it is not a change notice; 409 before the notice is confirmed.
   */
  async confirmationPdf(id: string, user: AuthenticatedUser) {
    const app = await this.applications.get(id, user);
    if (app.type !== 'CHANGE_NOTICE') throw DomainError.notFound('Confirmation letter');
    const letter = await this.repo.confirmation(app.id);
    if (!letter) {
      throw DomainError.conflict('CONFIRMATION_NOT_ISSUED', 'The change notice has not been confirmed', {
        state: app.state,
      });
    }
    let signer;
    if (letter.document.seal) {
      const authority = await this.authorities.findById(app.authorityId);
      if (!authority) throw DomainError.notFound('Authority');
      signer = await this.signing.signerFor(authority);
    }
    const bytes = await this.pdf.renderChangeNoticeConfirmation(letter.document, signer);
    return {
      bytes,
      sha256: sha256Hex(bytes),
      fileName: `xac-nhan-thong-bao-thay-doi-${letter.letterNumber.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`,
      letterNumber: letter.letterNumber,
    };
  }
}
