import { Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller';
import { OpenDataRepository } from './open-data.repository';
import { OpenDataService } from './open-data.service';
import { RegistryController } from './registry.controller';
import { RegistryService } from './registry.service';

/** The public registry, license verification and open data (no authentication). */
@Module({
  controllers: [OpenDataController, RegistryController],
  providers: [RegistryService, OpenDataService, OpenDataRepository],
  exports: [RegistryService],
})
export class RegistryModule {}
