import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SiteParticulars } from '../applications/approval.port';
import type { LicensePdfData } from '../pdf/pdf.types';
import { escapeLike } from './search-text';
import { License, Licensee, LicenseStatus, LicenseVersionKind } from './license.entity';

export interface LicenseVersionRow {
  licenseId: string;
  version: number;
  edition: number;
  kind: LicenseVersionKind;
  applicationId: string;
  signedOn: string;
  issuedOn: string;
  expiresOn: string;
  site: SiteParticulars;
  licensee: Licensee;
  signerTitle: string;
  signerName: string;
  document: LicensePdfData;
  pdfSha256: string;
  createdAt?: Date;
}

interface VersionRaw {
  license_id: string;
  version: number;
  edition: number;
  kind: LicenseVersionKind;
  application_id: string;
  signed_on: string;
  issued_on: string;
  expires_on: string;
  site: SiteParticulars;
  licensee: Licensee;
  signer_title: string;
  signer_name: string;
  document: LicensePdfData;
  pdf_sha256: string;
  created_at: Date;
}

export interface NumberSeries {
  authorityId: string;
  nextSeq: number;
  format: string;
  pad: number;
}

/** Who is asking, for the lists: an organization's owner, an authority's staff, or anyone (admin). */
export interface LicenseScope {
  organizationId?: string;
  authorityId?: string;
}

export interface LicenseListFilter {
  status?: LicenseStatus;
  /** Already normalized (normalizeSearchText). */
  q?: string;
  limit: number;
  offset: number;
}

/** A row of the public registry: no personal data. */
export interface RegistryRow {
  id: string;
  authorityId: string;
  number: string;
  status: LicenseStatus;
  issuedOn: string;
  expiresOn: string;
  organizationName: string;
  /** The organization's head office as the license now reads (a confirmed change notice updates it). */
  headOffice: string;
  siteName: string;
  domains: string[];
  authorityName: string;
  authorityCode: string;
  province: string;
  verificationCode: string;
  /** The last day of a suspension, while the license is SUSPENDED. */
  suspendedUntil: string | null;
  /** The edition of the license's current document ("phiên bản số …" on the PDF). */
  edition: number;
}

/** A license the scheduler must act on, with the calendar date of "today" in its authority's time zone. */
export interface DueLicense {
  id: string;
  organizationId: string;
  authorityId: string;
  number: string;
  expiresOn: string;
  today: string;
}

function toVersion(r: VersionRaw): LicenseVersionRow {
  return {
    licenseId: r.license_id,
    version: r.version,
    edition: r.edition,
    kind: r.kind,
    applicationId: r.application_id,
    signedOn: r.signed_on,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    site: r.site,
    licensee: r.licensee,
    signerTitle: r.signer_title,
    signerName: r.signer_name,
    document: r.document,
    pdfSha256: r.pdf_sha256,
    createdAt: r.created_at,
  };
}

/** The only code that touches licenses, their versions, numbering and settings. */
@Injectable()
export class LicensesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  findById(id: string, em?: EntityManager): Promise<License | null> {
    return this.m(em).getRepository(License).findOne({ where: { id } });
  }

  /** The license row locked for the rest of the transaction (amendments, extensions… serialize on it). */
  lockById(em: EntityManager, id: string): Promise<License | null> {
    return em.getRepository(License).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(em: EntityManager, license: Partial<License>): Promise<License> {
    const repo = em.getRepository(License);
    return repo.save(repo.create(license));
  }

  async update(em: EntityManager, id: string, changes: Partial<License>): Promise<void> {
    await em.getRepository(License).update({ id }, changes as never);
  }

  async insertVersion(em: EntityManager, v: LicenseVersionRow): Promise<void> {
    await em.query(
      `INSERT INTO license_versions (license_id, version, edition, kind, application_id, signed_on, issued_on,
         expires_on, site, licensee, signer_title, signer_name, document, pdf_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        v.licenseId,
        v.version,
        v.edition,
        v.kind,
        v.applicationId,
        v.signedOn,
        v.issuedOn,
        v.expiresOn,
        JSON.stringify(v.site),
        JSON.stringify(v.licensee),
        v.signerTitle,
        v.signerName,
        JSON.stringify(v.document),
        v.pdfSha256,
      ],
    );
  }

  async versions(licenseId: string, em?: EntityManager): Promise<LicenseVersionRow[]> {
    const rows: VersionRaw[] = await this.m(em).query(
      `SELECT * FROM license_versions WHERE license_id = $1 ORDER BY version`,
      [licenseId],
    );
    return rows.map(toVersion);
  }

  async version(licenseId: string, version: number, em?: EntityManager): Promise<LicenseVersionRow | null> {
    const rows: VersionRaw[] = await this.m(em).query(
      `SELECT * FROM license_versions WHERE license_id = $1 AND version = $2`,
      [licenseId, version],
    );
    return rows.length ? toVersion(rows[0]) : null;
  }

  async latestVersion(licenseId: string, em?: EntityManager): Promise<LicenseVersionRow | null> {
    const rows: VersionRaw[] = await this.m(em).query(
      `SELECT * FROM license_versions WHERE license_id = $1 ORDER BY version DESC LIMIT 1`,
      [licenseId],
    );
    return rows.length ? toVersion(rows[0]) : null;
  }

  /**
   * Takes the authority's next sequence number inside the approval's transaction. The UPDATE locks the series row
   * until commit, so approvals of one authority are serialized; a rollback restores the sequence, so a failed
   * issuance burns no number.
   */
  async takeSequence(em: EntityManager, authorityId: string): Promise<{ seq: number; format: string; pad: number }> {
    await em.query(`INSERT INTO license_number_series (authority_id) VALUES ($1) ON CONFLICT DO NOTHING`, [
      authorityId,
    ]);
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [{ seq: number; format: string; pad: number }[], number] = await em.query(
      `UPDATE license_number_series SET next_seq = next_seq + 1, updated_at = now()
       WHERE authority_id = $1 RETURNING next_seq - 1 AS seq, format, pad`,
      [authorityId],
    );
    return rows[0];
  }

  async series(authorityId: string, em?: EntityManager): Promise<NumberSeries | null> {
    const rows: { next_seq: number; format: string; pad: number }[] = await this.m(em).query(
      `SELECT next_seq, format, pad FROM license_number_series WHERE authority_id = $1`,
      [authorityId],
    );
    return rows.length ? { authorityId, nextSeq: rows[0].next_seq, format: rows[0].format, pad: rows[0].pad } : null;
  }

  /**
   * Sets the series; the sequence only moves forward (numbers are never reused). Returns null when `nextSeq` is
   * below the current next number.
   */
  async setSeries(em: EntityManager, s: NumberSeries): Promise<NumberSeries | null> {
    const rows: { next_seq: number; format: string; pad: number }[] = await em.query(
      `INSERT INTO license_number_series AS s (authority_id, next_seq, format, pad) VALUES ($1, $2, $3, $4)
       ON CONFLICT (authority_id) DO UPDATE SET next_seq = EXCLUDED.next_seq, format = EXCLUDED.format,
         pad = EXCLUDED.pad, updated_at = now()
       WHERE s.next_seq <= EXCLUDED.next_seq
       RETURNING next_seq, format, pad`,
      [s.authorityId, s.nextSeq, s.format, s.pad],
    );
    return rows.length
      ? { authorityId: s.authorityId, nextSeq: rows[0].next_seq, format: rows[0].format, pad: rows[0].pad }
      : null;
  }

  /** The authority's own annual-report due day (report settings), or null when it set none. */
  async annualReportDueMonthDay(authorityId: string, em: EntityManager): Promise<string | null> {
    const rows: { annual_due_month_day: string }[] = await em.query(
      `SELECT annual_due_month_day FROM report_settings WHERE authority_id = $1`,
      [authorityId],
    );
    return rows[0]?.annual_due_month_day ?? null;
  }

  /**
   * What a deprivation of the right to use the license rests on: the sanctioned violation, its decision number, and
   * the months of deprivation its catalogue entry (the version it was judged by) allows.
   */
  async deprivationBasis(em: EntityManager, violationId: string) {
    const rows: {
      license_id: string | null;
      state: string;
      decision_number: string | null;
      type_code: string;
      min_months: number | null;
      max_months: number | null;
    }[] = await em.query(
      `SELECT v.license_id, v.state, v.decision_number, v.type_code,
              t.deprivation_min_months AS min_months, t.deprivation_max_months AS max_months
       FROM violations v
       JOIN violation_types t ON t.code = v.type_code AND t.effective_from = v.type_effective_from
       WHERE v.id = $1`,
      [violationId],
    );
    const r = rows[0];
    return r
      ? {
          licenseId: r.license_id,
          state: r.state,
          decisionNumber: r.decision_number,
          typeCode: r.type_code,
          minMonths: r.min_months,
          maxMonths: r.max_months,
        }
      : null;
  }

  private where(scope: LicenseScope, f: Omit<LicenseListFilter, 'limit' | 'offset'>, params: unknown[], alias = 'l') {
    const parts: string[] = [];
    if (scope.organizationId) parts.push(`${alias}.organization_id = $${params.push(scope.organizationId)}`);
    if (scope.authorityId) parts.push(`${alias}.authority_id = $${params.push(scope.authorityId)}`);
    if (f.status) parts.push(`${alias}.status = $${params.push(f.status)}`);
    if (f.q) parts.push(`${alias}.search_text LIKE $${params.push(`%${escapeLike(f.q)}%`)}`);
    return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  }

  async list(scope: LicenseScope, f: LicenseListFilter): Promise<{ items: License[]; total: number }> {
    const params: unknown[] = [];
    const where = this.where(scope, f, params);
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM licenses l ${where}`,
      params,
    );
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT l.id FROM licenses l ${where} ORDER BY l.issued_on DESC, l.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    if (ids.length === 0) return { items: [], total };
    const rows = await this.dataSource.getRepository(License).find({ where: ids.map((r) => ({ id: r.id })) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { items: ids.map((r) => byId.get(r.id)).filter((l): l is License => Boolean(l)), total };
  }

  async registry(f: LicenseListFilter): Promise<{ items: RegistryRow[]; total: number }> {
    const params: unknown[] = [];
    const where = this.where({}, f, params);
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM licenses l ${where}`,
      params,
    );
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `${REGISTRY_SELECT} ${where} ORDER BY l.issued_on DESC, l.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return { items: rows.map(toRegistryRow), total };
  }

  async registryById(id: string): Promise<RegistryRow | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(`${REGISTRY_SELECT} WHERE l.id = $1`, [id]);
    return rows.length ? toRegistryRow(rows[0]) : null;
  }

  async registryByCode(code: string): Promise<RegistryRow | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `${REGISTRY_SELECT} WHERE l.verification_code = $1`,
      [code],
    );
    return rows.length ? toRegistryRow(rows[0]) : null;
  }

  /** The applications that concern a license: the one that created it and every later one naming it. */
  async applicationIds(license: License, em?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await this.m(em).query(
      `SELECT id FROM applications WHERE id = $1 OR license_id = $2 ORDER BY created_at, id`,
      [license.applicationId, license.id],
    );
    return rows.map((r) => r.id);
  }

  /** Licenses past their expiry date in their authority's time zone (EXPIRE on the day after `expiresOn`). */
  dueForExpiry(em: EntityManager, now: Date): Promise<DueLicense[]> {
    return this.due(em, now, `l.status IN ('ACTIVE', 'SUSPENDED') AND l.expires_on < ${TODAY}`, true);
  }

  /** Suspensions whose last day (`suspendedUntil`) has passed. */
  dueForReinstatement(em: EntityManager, now: Date): Promise<DueLicense[]> {
    return this.due(em, now, `l.status = 'SUSPENDED' AND l.suspended_until < ${TODAY}`, true);
  }

  /** Active licenses expiring within `days` days (today included). */
  expiringWithin(em: EntityManager, now: Date, days: number): Promise<DueLicense[]> {
    return this.due(em, now, `l.status = 'ACTIVE' AND l.expires_on >= ${TODAY} AND l.expires_on <= ${TODAY} + ${days}`);
  }

  /**
   * With `lock`, every due row is locked up front, in id order, before the job fires its first transition. A job
   * fires many transitions in one transaction and each appends to the audit chain (whose lock is held until
   * commit): locking rows only after the first append would deadlock with a request that holds one of them and
   * waits for the chain.
   */
  private async due(em: EntityManager, now: Date, condition: string, lock = false): Promise<DueLicense[]> {
    const rows: {
      id: string;
      organization_id: string;
      authority_id: string;
      number: string;
      expires_on: string;
      today: string;
    }[] = await em.query(
      `SELECT l.id, l.organization_id, l.authority_id, l.number, l.expires_on, ${TODAY} AS today
       FROM licenses l JOIN authorities a ON a.id = l.authority_id
       WHERE ${condition} ORDER BY ${lock ? 'l.id FOR UPDATE OF l' : 'l.expires_on, l.id'}`,
      [now],
    );
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      authorityId: r.authority_id,
      number: r.number,
      expiresOn: r.expires_on,
      today: r.today,
    }));
  }

  /** One more public verification of the license on `day` (one row per license and day, updated in place). */
  async countVerification(em: EntityManager, licenseId: string, day: string): Promise<void> {
    await em.query(
      `INSERT INTO license_verification_counts (license_id, day, count) VALUES ($1, $2, 1)
       ON CONFLICT (license_id, day) DO UPDATE SET count = license_verification_counts.count + 1`,
      [licenseId, day],
    );
  }
}

/** "Today" for a license: the calendar date of `$1` (the clock's instant) in its authority's time zone. */
const TODAY = `(($1::timestamptz AT TIME ZONE a.time_zone)::date)`;

/** The public registry's columns, from the one view that lists them (migration 1764580000000-open-data). */
export const REGISTRY_SELECT = `SELECT l.* FROM registry_licenses l`;

/** A row of `registry_licenses` (or its JSON snapshot in `registry_changes`) as a RegistryRow. */
export function toRegistryRow(r: Record<string, unknown>): RegistryRow {
  return {
    id: r.id as string,
    authorityId: r.authority_id as string,
    number: r.number as string,
    status: r.status as LicenseStatus,
    issuedOn: r.issued_on as string,
    expiresOn: r.expires_on as string,
    organizationName: r.organization_name as string,
    headOffice: r.head_office as string,
    siteName: r.site_name as string,
    domains: r.domains as string[],
    authorityName: r.authority_name as string,
    authorityCode: r.authority_code as string,
    province: r.province as string,
    verificationCode: r.verification_code as string,
    suspendedUntil: r.status === 'SUSPENDED' ? ((r.suspended_until as string | null) ?? null) : null,
    edition: Number(r.edition),
  };
}
