import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UNLICENSED_SITE_WATCH } from '../applications/unlicensed-site.port';
import { UnlicensedSite, UnlicensedSiteEvidence } from './unlicensed-site.entity';
import { UnlicensedSitesController } from './unlicensed-sites.controller';
import { UnlicensedSitesRepository } from './unlicensed-sites.repository';
import { UnlicensedSitesService } from './unlicensed-sites.service';

/**
 * The register of sites operating without a license (issue 15). Global so that the applications module finds
 * UNLICENSED_SITE_WATCH (flagging NEW dossiers that name a registered domain) without importing this module.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([UnlicensedSite, UnlicensedSiteEvidence])],
  controllers: [UnlicensedSitesController],
  providers: [
    UnlicensedSitesService,
    UnlicensedSitesRepository,
    { provide: UNLICENSED_SITE_WATCH, useExisting: UnlicensedSitesService },
  ],
  exports: [UNLICENSED_SITE_WATCH, UnlicensedSitesRepository],
})
export class UnlicensedSitesModule {}
