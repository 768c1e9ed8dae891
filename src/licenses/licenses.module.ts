import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APPROVAL_HANDLER, LICENSE_LOOKUP } from '../applications/approval.port';
import { PdfModule } from '../pdf/pdf.module';
import { LicensePdfCache } from './license-pdf-cache';
import { LicenseIssuer } from './license-issuer';
import { LicenseJobs } from './license-jobs';
import { LicenseFactsLookup } from './license-lookup';
import { LicenseSettingsController } from './license-settings.controller';
import { License } from './license.entity';
import { LicensesController } from './licenses.controller';
import { LicensesRepository } from './licenses.repository';
import { LicensesService } from './licenses.service';
import { SitesController } from './sites.controller';

/**
 * Licenses: issuance on approval (APPROVAL_HANDLER), the facts applications need (LICENSE_LOOKUP), the license
 * lifecycle, its documents and its daily jobs.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([License]), PdfModule],
  controllers: [LicensesController, SitesController, LicenseSettingsController],
  providers: [
    LicensesRepository,
    LicensesService,
    LicenseIssuer,
    LicenseFactsLookup,
    LicenseJobs,
    LicensePdfCache,
    { provide: APPROVAL_HANDLER, useExisting: LicenseIssuer },
    { provide: LICENSE_LOOKUP, useExisting: LicenseFactsLookup },
  ],
  exports: [APPROVAL_HANDLER, LICENSE_LOOKUP, LicensesService, LicensesRepository],
})
export class LicensesModule {}
