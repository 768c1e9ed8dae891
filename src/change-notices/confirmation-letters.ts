import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ChangeNoticeConfirmer, ConfirmedChangeNotice } from '../applications/approval.port';
import type { Actor } from '../auth/roles';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import { isoDateYear } from '../calendar/iso-date';
import { LegalBasesService } from '../legal/legal-bases.service';
import { LegalParametersService } from '../legal/legal-parameters.service';
import { DomainError } from '../common/domain-error';
import { authorityBlock } from '../licenses/license-document';
import type { Licensee } from '../licenses/license.entity';
import { LicensesRepository } from '../licenses/licenses.repository';
import { PdfService, sha256Hex } from '../pdf/pdf.service';
import { Clock } from '../common/clock';
import { DocumentSigning } from '../signing/signing.service';
import type { ChangeNoticeConfirmationPdfData } from '../pdf/pdf.types';
import { UsersRepository } from '../users/users.repository';
import { ChangeNoticesRepository } from './change-notices.repository';
import { confirmationLetterNumber } from './letter-number';

/** What the letter prints as "before" when the license never named an owner. */
export const OWNER_NOT_RECORDED = 'Chưa ghi nhận trong Giấy phép';

/** The lines of the letter: each notified change with the particulars as the license read before it. */
export function changeLines(
  before: Pick<Licensee, 'owner' | 'headOffice'>,
  notice: ConfirmedChangeNotice['changeNotice'],
): ChangeNoticeConfirmationPdfData['changes'] {
  const lines: ChangeNoticeConfirmationPdfData['changes'] = [];
  if (notice.newOwner) {
    lines.push({ label: 'Chủ sở hữu', before: before.owner?.trim() || OWNER_NOT_RECORDED, after: notice.newOwner });
  }
  if (notice.newHeadOfficeAddress) {
    lines.push({ label: 'Địa chỉ trụ sở chính', before: before.headOffice, after: notice.newHeadOfficeAddress });
  }
  return lines;
}

/**
 * Writes the confirmation letter of a change notice inside its APPROVE transaction (CHANGE_NOTICE_CONFIRMER), before
 * the license module applies the change: a number from the authority's yearly series, the complete input of the
 * PDF (stored, so the letter always renders to the same bytes) and the digest of those bytes.
 */
@Injectable()
export class ConfirmationLetters implements ChangeNoticeConfirmer {
  constructor(
    private readonly repo: ChangeNoticesRepository,
    private readonly licenses: LicensesRepository,
    private readonly authorities: AuthoritiesRepository,
    private readonly users: UsersRepository,
    private readonly pdf: PdfService,
    private readonly signing: DocumentSigning,
    private readonly clock: Clock,
    private readonly legal: LegalParametersService,
    private readonly legalBases: LegalBasesService,
  ) {}

  async confirm(em: EntityManager, n: ConfirmedChangeNotice, actor: Actor): Promise<{ letterNumber: string }> {
    const license = await this.licenses.lockById(em, n.licenseId);
    if (!license) throw DomainError.notFound('License');
    const authority = await this.authorities.findById(n.authorityId, em);
    if (!authority) throw DomainError.notFound('Authority');
    const approver = actor.id ? await this.users.findById(actor.id, em) : null;
    const signerName = authority.signerName.trim() || approver?.fullName || '';

    const year = isoDateYear(n.decidedOn);
    const seq = await this.repo.takeLetterSequence(em, authority.id, year);
    const letterNumber = confirmationLetterNumber(seq, authority);
    const document: ChangeNoticeConfirmationPdfData = {
      authority: authorityBlock(authority, signerName),
      letterNumber,
      signedOn: n.decidedOn,
      recipientName: license.licensee.name,
      licenseNumber: license.number,
      licenseIssuedOn: license.issuedOn,
      changes: changeLines(license.licensee, n.changeNotice),
      changedOn: n.changeNotice.changedOn,
      receivedOn: n.receivedOn,
      late: n.late,
      // The bases and the notice period in force on the signing date, stored with the letter.
      legalBases: await this.legalBases.linesFor('CHANGE_NOTICE_CONFIRMATION', n.decidedOn, authority, em),
      noticeWorkingDays: await this.legal.numberOn(
        'CHANGE_NOTICE_WORKING_DAYS',
        n.changeNotice.changedOn,
        authority.id,
        em,
      ),
    };
    const signer = await this.signing.signerFor(authority);
    document.seal = { signedAt: this.clock.now().toISOString(), certificateSha256: signer.identity.fingerprintSha256 };
    const pdfSha256 = sha256Hex(await this.pdf.renderChangeNoticeConfirmation(document, signer));
    await this.repo.insertConfirmation(em, {
      applicationId: n.applicationId,
      authorityId: authority.id,
      licenseId: license.id,
      year,
      seq,
      letterNumber,
      signedOn: n.decidedOn,
      document,
      pdfSha256,
    });
    return { letterNumber };
  }
}
