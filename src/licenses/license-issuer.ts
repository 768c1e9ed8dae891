import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ApprovalHandler, ApprovedApplication, SiteParticulars } from '../applications/approval.port';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/roles';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import type { Authority } from '../authorities/authority.entity';
import { compareIsoDate, isoDateYear } from '../calendar/iso-date';
import { DomainError, ErrorCode } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { NotificationsService } from '../notifications/notifications.service';
import type { Organization } from '../organizations/organization.entity';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { PdfService, sha256Hex } from '../pdf/pdf.service';
import { DocumentSigning } from '../signing/signing.service';
import { Clock } from '../common/clock';
import { formatVietnameseDate } from '../pdf/vietnamese-format';
import { UsersRepository } from '../users/users.repository';
import { WorkflowEngine } from '../workflow/workflow.engine';
import { WorkflowHistoryRepository } from '../workflow/workflow-history.repository';
import { authorityBlock, licenseDocument, licenseObligations, verificationUrl } from './license-document';
import { formatLicenseNumber } from './license-number';
import { LegalBasesService } from '../legal/legal-bases.service';
import { LegalParametersService } from '../legal/legal-parameters.service';
import { maxExpiryFor, maxExtendedExpiry } from './license-term';
import { License, Licensee, LicenseVersionKind } from './license.entity';
import { licenseMachine } from './license.machine';
import { LicensePdfCache } from './license-pdf-cache';
import { LicensesRepository } from './licenses.repository';
import { licenseSearchText } from './search-text';
import { newVerificationCode } from './verification-code';

/** The history event and audit action of each later version (`license.AMEND`, …). */
const VERSION_EVENT: Record<Exclude<LicenseVersionKind, 'NEW'>, string> = {
  AMENDMENT: 'AMEND',
  EXTENSION: 'EXTEND',
  REISSUE: 'REISSUE',
  CHANGE_NOTICE: 'CHANGE_NOTICE',
};

const VERSION_TITLE: Record<LicenseVersionKind, string> = {
  NEW: 'Giấy phép đã được cấp',
  AMENDMENT: 'Giấy phép đã được sửa đổi, bổ sung',
  EXTENSION: 'Giấy phép đã được gia hạn',
  REISSUE: 'Giấy phép đã được cấp lại',
  CHANGE_NOTICE: 'Giấy phép đã được cập nhật theo thông báo thay đổi',
};

export function licenseeOf(o: Organization): Licensee {
  return {
    name: o.name,
    headOffice: o.address,
    phone: o.phone,
    email: o.email,
    registrationNumber: o.registrationNumber,
    legalRepresentative: o.legalRepresentative,
  };
}

/**
 * What an approval produces, inside the APPROVE transaction of the application (all or nothing): a new license
 * with its number, or a new version of an existing one, each with its PDF's digest, history, audit and the
 * organization's notification.
 */
@Injectable()
export class LicenseIssuer implements ApprovalHandler {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly licenses: LicensesRepository,
    private readonly authorities: AuthoritiesRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersRepository,
    private readonly pdf: PdfService,
    private readonly engine: WorkflowEngine,
    private readonly history: WorkflowHistoryRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly pdfCache: LicensePdfCache,
    private readonly signing: DocumentSigning,
    private readonly clock: Clock,
    private readonly legal: LegalParametersService,
    private readonly legalBases: LegalBasesService,
  ) {}

  onApproved(em: EntityManager, application: ApprovedApplication, actor: Actor): Promise<{ licenseId: string }> {
    return application.type === 'NEW'
      ? this.issueNew(em, application, actor)
      : this.issueVersion(em, application, actor);
  }

  private async issueNew(em: EntityManager, app: ApprovedApplication, actor: Actor): Promise<{ licenseId: string }> {
    if (!app.site) throw DomainError.rule(ErrorCode.VALIDATION_FAILED, 'A NEW application carries every particular');
    const authority = await this.authorityOf(em, app.authorityId);
    const organization = await this.organizations.findById(app.organizationId, em);
    if (!organization) throw DomainError.notFound('Organization');

    const issuedOn = app.decidedOn;
    // The term asked for, never more than LICENSE_MAX_TERM_YEARS in force on the day of issue (10: Decree 72/2013
    // art. 23(6), carried over to Decree 147/2024); none asked → the longest.
    const maxTermYears = await this.legal.numberOn('LICENSE_MAX_TERM_YEARS', issuedOn, authority.id, em);
    const longest = maxExpiryFor(issuedOn, maxTermYears);
    const expiresOn =
      app.requestedExpiresOn && compareIsoDate(app.requestedExpiresOn, longest) < 0 ? app.requestedExpiresOn : longest;
    if (compareIsoDate(expiresOn, issuedOn) <= 0) {
      throw DomainError.rule('REQUESTED_EXPIRY_INVALID', `The requested expiry ${expiresOn} is not after ${issuedOn}`);
    }

    // Taken last before the inserts: the series row stays locked until the approval commits.
    const series = await this.licenses.takeSequence(em, authority.id);
    const number = formatLicenseNumber(
      series.seq,
      series.format,
      series.pad,
      authority.licenseNumberSuffix,
      isoDateYear(issuedOn),
    );
    const licensee = licenseeOf(organization);
    const site = copySite(app.site);
    const license = await this.licenses.insert(em, {
      number,
      authorityId: authority.id,
      organizationId: organization.id,
      applicationId: app.id,
      status: 'ACTIVE',
      version: 1,
      issuedOn,
      expiresOn,
      suspendedUntil: null,
      suspensionCount: 0,
      extensionCount: 0,
      verificationCode: newVerificationCode(),
      site,
      licensee,
      searchText: licenseSearchText({
        number,
        organizationName: licensee.name,
        siteName: site.name,
        domains: site.domains,
      }),
    });
    const sha = await this.writeVersion(em, license, authority, actor, { kind: 'NEW', app, edition: 1 });

    await this.notifyOrganization(em, license, 'NEW');
    await this.engine.recordCreation(
      em,
      licenseMachine,
      license.id,
      actor,
      { authorityId: license.authorityId, organizationId: license.organizationId },
      { kind: 'NEW', number, applicationId: app.id, issuedOn, expiresOn, version: 1, pdfSha256: sha },
    );
    return { licenseId: license.id };
  }

  private async issueVersion(
    em: EntityManager,
    app: ApprovedApplication,
    actor: Actor,
  ): Promise<{ licenseId: string }> {
    const kind = app.type as Exclude<LicenseVersionKind, 'NEW'>;
    if (!app.licenseId) throw DomainError.rule('LICENSE_REQUIRED', `A ${kind} application names its license`);
    const license = await this.licenses.lockById(em, app.licenseId);
    if (!license || license.organizationId !== app.organizationId || license.authorityId !== app.authorityId) {
      throw DomainError.rule('LICENSE_MISMATCH', 'The license does not belong to this organization and authority');
    }
    if (license.status !== 'ACTIVE' && license.status !== 'SUSPENDED') {
      throw DomainError.rule('LICENSE_NOT_IN_FORCE', `The license is ${license.status}; it can no longer be changed`);
    }
    const authority = await this.authorityOf(em, license.authorityId);
    const previous = await this.licenses.latestVersion(license.id, em);
    if (!previous) throw new Error(`License ${license.id} has no version`);

    const changes: Partial<License> = {};
    const data: Record<string, unknown> = { kind, applicationId: app.id };
    if (kind === 'AMENDMENT') {
      // The particulars as they will be (merged by the applications module). A change of the organization's name
      // is an amendment of the license: the new version names the licensee by it, and the organization's record
      // takes it, so the registry and every later document show it.
      const organization = await this.organizations.findById(license.organizationId, em);
      const newName = app.organizationName?.trim() || null;
      if (newName) {
        await this.organizations.update(em, license.organizationId, { name: newName });
        data.organizationName = { before: license.licensee.name, after: newName };
      }
      changes.site = copySite(app.site ?? license.site);
      changes.licensee = {
        ...license.licensee,
        ...(newName ? { name: newName } : organization ? { name: organization.name } : {}),
      };
    } else if (kind === 'EXTENSION') {
      // At most MAX_EXTENSIONS extensions of at most EXTENSION_MAX_YEARS each, as in force on the decision day
      // (2 × 2 years: Decree 72/2013 art. 23h, carried over to Decree 147/2024).
      const p = await this.legal.numbersOn(['MAX_EXTENSIONS', 'EXTENSION_MAX_YEARS'], app.decidedOn, authority.id, em);
      if (license.extensionCount >= p.MAX_EXTENSIONS) {
        throw DomainError.rule('EXTENSION_LIMIT_REACHED', `A license is extended at most ${p.MAX_EXTENSIONS} times`);
      }
      const longest = maxExtendedExpiry(license.expiresOn, p.EXTENSION_MAX_YEARS);
      const expiresOn =
        app.requestedExpiresOn && compareIsoDate(app.requestedExpiresOn, longest) < 0
          ? app.requestedExpiresOn
          : longest;
      if (compareIsoDate(expiresOn, license.expiresOn) <= 0) {
        throw DomainError.rule(
          'EXTENSION_TERM_INVALID',
          `The requested expiry ${expiresOn} is not after the current expiry ${license.expiresOn}`,
        );
      }
      changes.expiresOn = expiresOn;
      changes.extensionCount = license.extensionCount + 1;
      data.previousExpiresOn = license.expiresOn;
      data.expiresOn = expiresOn;
    } else if (kind === 'CHANGE_NOTICE') {
      // A change of owner or head office is notified, not licensed anew (Decree 72/2013 art. 23h): same number.
      const notice = app.changeNotice;
      if (!notice || (!notice.newOwner && !notice.newHeadOfficeAddress)) {
        throw DomainError.rule('CHANGE_NOTICE_EMPTY', 'A change notice names a new owner or a new head-office address');
      }
      changes.licensee = {
        ...license.licensee,
        ...(notice.newOwner ? { owner: notice.newOwner } : {}),
        ...(notice.newHeadOfficeAddress ? { headOffice: notice.newHeadOfficeAddress } : {}),
      };
      // The organization's record moves with it, so the registry and every later document show the new address.
      if (notice.newHeadOfficeAddress) {
        await this.organizations.update(em, license.organizationId, { address: notice.newHeadOfficeAddress });
      }
      data.changeNotice = notice;
    }
    // REISSUE: the same particulars, a new document marked as a reissue.

    const version = license.version + 1;
    Object.assign(license, changes, { version });
    license.searchText = licenseSearchText({
      number: license.number,
      organizationName: license.licensee.name,
      siteName: license.site.name,
      domains: license.site.domains,
    });
    await this.licenses.update(em, license.id, { ...changes, version, searchText: license.searchText });
    const sha = await this.writeVersion(em, license, authority, actor, {
      kind,
      app,
      edition: previous.edition + 1,
      previousSignedOn: previous.signedOn,
    });

    await this.history.append(em, {
      entityType: licenseMachine.entityType,
      entityId: license.id,
      event: VERSION_EVENT[kind],
      fromState: license.status,
      toState: license.status,
      actor,
      reason: app.reason,
      data: { ...data, version, edition: previous.edition + 1, pdfSha256: sha },
    });
    await this.notifyOrganization(em, license, kind);
    await this.audit.record(em, {
      actor,
      action: `license.${VERSION_EVENT[kind]}`,
      entityType: licenseMachine.entityType,
      entityId: license.id,
      authorityId: license.authorityId,
      organizationId: license.organizationId,
      data: { ...data, version, pdfSha256: sha },
    });
    return { licenseId: license.id };
  }

  /** Renders the version's PDF and records it with its digest; returns the digest. */
  private async writeVersion(
    em: EntityManager,
    license: License,
    authority: Authority,
    actor: Actor,
    v: { kind: LicenseVersionKind; app: ApprovedApplication; edition: number; previousSignedOn?: string },
  ): Promise<string> {
    const signerName = authority.signerName.trim() || (await this.signerNameOf(em, actor));
    const document = licenseDocument({
      authority: authorityBlock(authority, signerName),
      number: license.number,
      edition: v.edition,
      kind: v.kind,
      signedOn: v.app.decidedOn,
      issuedOn: license.issuedOn,
      expiresOn: license.expiresOn,
      licensee: license.licensee,
      site: license.site,
      verificationUrl: verificationUrl(this.config.publicBaseUrl, license.verificationCode),
      verificationCode: license.verificationCode,
      previousSignedOn: v.previousSignedOn,
      legalBases: await this.legalBases.linesFor('LICENSE', v.app.decidedOn, authority, em),
      obligations: licenseObligations({
        contentRemovalHours: await this.legal.numberOn('CONTENT_REMOVAL_HOURS', v.app.decidedOn, authority.id, em),
        annualReportDueMonthDay:
          (await this.licenses.annualReportDueMonthDay(authority.id, em)) ??
          String(await this.legal.valueOn('ANNUAL_REPORT_DUE_MONTH_DAY', v.app.decidedOn, null, em)),
        changeNoticeWorkingDays: await this.legal.numberOn(
          'CHANGE_NOTICE_WORKING_DAYS',
          v.app.decidedOn,
          authority.id,
          em,
        ),
      }),
    });
    // Signed by the authority at the decision: the claimed signing time is this instant, fixed with the data.
    const signer = await this.signing.signerFor(authority);
    document.seal = { signedAt: this.clock.now().toISOString(), certificateSha256: signer.identity.fingerprintSha256 };
    const pdf = await this.pdf.renderLicense(document, signer);
    const pdfSha256 = sha256Hex(pdf);
    this.pdfCache.put(pdfSha256, pdf);
    await this.licenses.insertVersion(em, {
      licenseId: license.id,
      version: license.version,
      edition: v.edition,
      kind: v.kind,
      applicationId: v.app.id,
      signedOn: v.app.decidedOn,
      issuedOn: license.issuedOn,
      expiresOn: license.expiresOn,
      site: license.site,
      licensee: license.licensee,
      signerTitle: authority.signerTitle,
      signerName,
      document,
      pdfSha256,
    });
    return pdfSha256;
  }

  private async authorityOf(em: EntityManager, id: string): Promise<Authority> {
    const authority = await this.authorities.findById(id, em);
    if (!authority) throw DomainError.notFound('Authority');
    return authority;
  }

  /** The approver signs when the authority names no signer. */
  private async signerNameOf(em: EntityManager, actor: Actor): Promise<string> {
    const user = actor.id ? await this.users.findById(actor.id, em) : null;
    return user?.fullName ?? '';
  }

  private notifyOrganization(em: EntityManager, license: License, kind: LicenseVersionKind): Promise<void> {
    return this.notifications.notify(em, {
      audience: { organizationId: license.organizationId },
      kind: kind === 'NEW' ? 'LICENSE_ISSUED' : `LICENSE_${VERSION_EVENT[kind]}`,
      title: `${VERSION_TITLE[kind]}: số ${license.number}`,
      body:
        `${VERSION_TITLE[kind]} cho trang ${license.site.name} (${license.site.domains.join(', ')}), ` +
        `có giá trị đến ${formatVietnameseDate(license.expiresOn)}.`,
      entityType: 'license',
      entityId: license.id,
      data: { number: license.number, version: license.version, kind },
    });
  }
}

/** A plain copy of the particulars (no extra keys from the application's JSON). */
function copySite(s: SiteParticulars): SiteParticulars {
  return {
    name: s.name,
    domains: [...s.domains],
    contentScope: s.contentScope,
    ...(s.sections?.length ? { sections: [...s.sections] } : {}),
    informationSources: [...s.informationSources],
    serverLocation: s.serverLocation,
    contentManager: {
      fullName: s.contentManager.fullName,
      position: s.contentManager.position,
      phone: s.contentManager.phone,
      email: s.contentManager.email,
    },
  };
}
