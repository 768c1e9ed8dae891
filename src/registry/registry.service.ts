import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { zonedIsoDate } from '../calendar/iso-date';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DomainError } from '../common/domain-error';
import { offsetOf, Page, pageOf } from '../common/pagination';
import { LicensesRepository, RegistryRow } from '../licenses/licenses.repository';
import { LicensesService } from '../licenses/licenses.service';
import { normalizeSearchText } from '../licenses/search-text';
import { RegistryQuery, VerifyQuery } from './dto/registry.dto';
import { PublicLicense, publicView } from './public-license';

export type { PublicLicense };

/** The signature check of the latest version's PDF (null for a license without a version). */
export type LicenseSignature = Awaited<ReturnType<LicensesService['latestSignature']>>;

/** The answer of a verification: the license's public view when the code matched, else `{ valid: false }` alone. */
export type Verification = { valid: false } | ({ valid: boolean; signature: LicenseSignature } & PublicLicense);

/** The shape of the codes `newVerificationCode()` makes, with some room for older or longer ones. */
const CODE_SHAPE = /^[A-Z0-9]{10,64}$/;
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The public registry of licensed general sites (Circular 09/2014 art. 2: anyone can check a site's license). */
@Injectable()
export class RegistryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly licenses: LicensesRepository,
    private readonly licenseService: LicensesService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(q: RegistryQuery): Promise<Page<PublicLicense>> {
    const text = q.q ? normalizeSearchText(q.q) : '';
    const { items, total } = await this.licenses.registry({
      q: text || undefined,
      status: q.status,
      limit: q.pageSize,
      offset: offsetOf(q),
    });
    return pageOf(items.map(publicView), total, q);
  }

  /** One license of the registry (the public page of a license); an id that names none is 404. */
  async license(id: string): Promise<PublicLicense> {
    const row = UUID_SHAPE.test(id) ? await this.licenses.registryById(id) : null;
    if (!row) throw DomainError.notFound('License');
    return publicView(row);
  }

  /**
   * Checks a license from its QR code. Valid = the code belongs to the license with this number and it is ACTIVE.
   * A wrong code discloses nothing. A check of a real license adds one to its count of the day (one row per
   * license and day, updated in place); an anonymous check writes nothing else: no audit event, none of the
   * caller's text (issue 12: every lookup appended a permanent audit row, an unbounded anonymous write).
   */
  async verify(q: VerifyQuery): Promise<Verification> {
    const row = await this.licenses.registryByCode(q.code);
    const matches = row !== null && sameText(row.number, q.number);
    return this.answer(matches ? row : null);
  }

  /**
   * The same check from the code alone: the verification page the QR code opens (`/v/{code}`). The code is
   * unguessable (130 random bits) and unique, so it names one license by itself. A code of the wrong shape is
   * answered like an unknown one, without a lookup.
   */
  async verifyCode(code: string): Promise<Verification> {
    const normalized = code.trim().toUpperCase();
    const row = CODE_SHAPE.test(normalized) ? await this.licenses.registryByCode(normalized) : null;
    return this.answer(row);
  }

  private async answer(row: RegistryRow | null): Promise<Verification> {
    if (!row) return { valid: false };
    await this.licenses.countVerification(
      this.dataSource.manager,
      row.id,
      zonedIsoDate(this.clock.now(), this.config.defaultTimeZone),
    );
    // The signature of the latest version's PDF, as anyone downloading it would find it (signer and validity).
    const signature = await this.licenseService.latestSignature({ id: row.id, authorityId: row.authorityId });
    return { valid: row.status === 'ACTIVE', ...publicView(row), signature };
  }
}
