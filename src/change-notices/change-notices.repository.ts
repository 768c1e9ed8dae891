import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ChangeNoticeConfirmationPdfData } from '../pdf/pdf.types';

export interface ChangeNoticeConfirmation {
  applicationId: string;
  authorityId: string;
  licenseId: string;
  year: number;
  seq: number;
  letterNumber: string;
  signedOn: string;
  document: ChangeNoticeConfirmationPdfData;
  pdfSha256: string;
}

/** The only code that touches confirmation letters, their numbering and the violation link of a notice. */
@Injectable()
export class ChangeNoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the authority's next letter number of the year inside the approval's transaction: the series row stays
   * locked until commit (approvals of one authority serialize on it) and a rollback gives the number back.
   */
  async takeLetterSequence(em: EntityManager, authorityId: string, year: number): Promise<number> {
    await em.query(
      `INSERT INTO change_notice_letter_series (authority_id, year) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [authorityId, year],
    );
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [{ seq: number }[], number] = await em.query(
      `UPDATE change_notice_letter_series SET next_seq = next_seq + 1
       WHERE authority_id = $1 AND year = $2 RETURNING next_seq - 1 AS seq`,
      [authorityId, year],
    );
    return Number(rows[0].seq);
  }

  async insertConfirmation(em: EntityManager, c: ChangeNoticeConfirmation): Promise<void> {
    await em.query(
      `INSERT INTO change_notice_confirmations (application_id, authority_id, license_id, year, seq, letter_number,
         signed_on, document, pdf_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        c.applicationId,
        c.authorityId,
        c.licenseId,
        c.year,
        c.seq,
        c.letterNumber,
        c.signedOn,
        JSON.stringify(c.document),
        c.pdfSha256,
      ],
    );
  }

  async confirmation(applicationId: string, em?: EntityManager): Promise<ChangeNoticeConfirmation | null> {
    const rows: {
      application_id: string;
      authority_id: string;
      license_id: string;
      year: number;
      seq: number;
      letter_number: string;
      signed_on: string;
      document: ChangeNoticeConfirmationPdfData;
      pdf_sha256: string;
    }[] = await (em ?? this.dataSource.manager).query(
      `SELECT * FROM change_notice_confirmations WHERE application_id = $1`,
      [applicationId],
    );
    const r = rows[0];
    return r
      ? {
          applicationId: r.application_id,
          authorityId: r.authority_id,
          licenseId: r.license_id,
          year: r.year,
          seq: r.seq,
          letterNumber: r.letter_number,
          signedOn: r.signed_on,
          document: r.document,
          pdfSha256: r.pdf_sha256,
        }
      : null;
  }

  /** Links the violation opened from a late notice and raises the application's version. */
  async linkViolation(em: EntityManager, applicationId: string, violationId: string): Promise<number> {
    const [rows]: [{ version: number }[], number] = await em.query(
      `UPDATE applications SET violation_id = $2, version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING version`,
      [applicationId, violationId],
    );
    return Number(rows[0].version);
  }
}
