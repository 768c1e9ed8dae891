import { Module } from '@nestjs/common';
import { RegistryController } from './registry.controller';
import { RegistryService } from './registry.service';

/** The public registry and license verification (no authentication). */
@Module({ controllers: [RegistryController], providers: [RegistryService], exports: [RegistryService] })
export class RegistryModule {}
