import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LicenseFacts, LicenseLookup } from '../applications/approval.port';
import { isUuid } from '../common/uuid';
import { LicensesRepository } from './licenses.repository';

/** What the applications module may know of a license (LICENSE_LOOKUP), read in the caller's transaction. */
@Injectable()
export class LicenseFactsLookup implements LicenseLookup {
  constructor(private readonly licenses: LicensesRepository) {}

  async find(em: EntityManager, licenseId: string): Promise<LicenseFacts | null> {
    if (!isUuid(licenseId)) return null;
    const l = await this.licenses.findById(licenseId, em);
    if (!l) return null;
    return {
      id: l.id,
      number: l.number,
      status: l.status,
      organizationId: l.organizationId,
      authorityId: l.authorityId,
      issuedOn: l.issuedOn,
      expiresOn: l.expiresOn,
      extensionCount: l.extensionCount,
      site: l.site,
    };
  }
}
