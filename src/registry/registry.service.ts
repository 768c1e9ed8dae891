import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ANONYMOUS_ACTOR } from '../auth/roles';
import { offsetOf, pageOf } from '../common/pagination';
import { LicensesRepository, RegistryRow } from '../licenses/licenses.repository';
import { LicensesService } from '../licenses/licenses.service';
import { normalizeSearchText } from '../licenses/search-text';
import { RegistryQuery, VerifyQuery } from './dto/registry.dto';

/**
 * What anyone may read of a license: no personal data (no content manager, no phone, no e-mail). The organization's
 * head office is public (it is on its enterprise registration) and shows a confirmed change notice at once.
 */
function publicView(r: RegistryRow) {
  return {
    number: r.number,
    organizationName: r.organizationName,
    headOffice: r.headOffice,
    siteName: r.siteName,
    domains: r.domains,
    status: r.status,
    issuedOn: r.issuedOn,
    expiresOn: r.expiresOn,
    authority: { code: r.authorityCode, name: r.authorityName, province: r.province },
  };
}

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
    private readonly audit: AuditService,
    private readonly licenseService: LicensesService,
  ) {}

  async search(q: RegistryQuery) {
    const text = q.q ? normalizeSearchText(q.q) : '';
    const { items, total } = await this.licenses.registry({
      q: text || undefined,
      status: q.status,
      limit: q.pageSize,
      offset: offsetOf(q),
    });
    return pageOf(items.map(publicView), total, q);
  }

  /**
   * Checks a license from its QR code. Valid = the code belongs to the license with this number and it is ACTIVE.
   * A wrong code discloses nothing. Every check is counted in the audit (the chain serializes the writers).
   */
  async verify(q: VerifyQuery) {
    const row = await this.licenses.registryByCode(q.code);
    const matches = row !== null && sameText(row.number, q.number);
    await this.dataSource.transaction((em) =>
      this.audit.record(em, {
        actor: ANONYMOUS_ACTOR,
        action: 'license.verified',
        entityType: 'license',
        entityId: matches ? row.id : 'unknown',
        authorityId: matches ? row.authorityId : null,
        data: matches
          ? { number: row.number, valid: row.status === 'ACTIVE', status: row.status }
          : { number: q.number, valid: false },
      }),
    );
    if (!matches) return { valid: false };
    // The signature of the latest version's PDF, as anyone downloading it would find it (signer and validity).
    const signature = await this.licenseService.latestSignature({ id: row.id, authorityId: row.authorityId });
    return { valid: row.status === 'ACTIVE', ...publicView(row), signature };
  }
}
