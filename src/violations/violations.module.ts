import { Module } from '@nestjs/common';
import { ViolationTypesController } from './violation-types.controller';
import { ViolationTypesRepository } from './violation-types.repository';
import { ViolationTypesService } from './violation-types.service';

/** The violations catalogue and the violation lifecycle with its enforcement proposals. */
@Module({
  controllers: [ViolationTypesController],
  providers: [ViolationTypesService, ViolationTypesRepository],
  exports: [ViolationTypesService, ViolationTypesRepository],
})
export class ViolationsModule {}
