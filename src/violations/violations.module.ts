import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ViolationTypesController } from './violation-types.controller';
import { ViolationTypesRepository } from './violation-types.repository';
import { ViolationTypesService } from './violation-types.service';
import { EnforcementProposal, Violation } from './violation.entity';
import { EnforcementProposalsController, ViolationsController } from './violations.controller';
import { ViolationsRepository } from './violations.repository';
import { ViolationsService } from './violations.service';

/** The violations catalogue and the violation lifecycle with its enforcement proposals. */
@Module({
  imports: [TypeOrmModule.forFeature([Violation, EnforcementProposal])],
  controllers: [ViolationTypesController, ViolationsController, EnforcementProposalsController],
  providers: [ViolationTypesService, ViolationTypesRepository, ViolationsService, ViolationsRepository],
  exports: [ViolationTypesService, ViolationTypesRepository, ViolationsService],
})
export class ViolationsModule {}
