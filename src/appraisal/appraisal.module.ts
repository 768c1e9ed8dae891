import { Module } from '@nestjs/common';
import { AppraisalRepository } from './appraisal.repository';

/** The appraisal record of dossiers (what the appraiser checked and recommended). */
@Module({
  providers: [AppraisalRepository],
  exports: [AppraisalRepository],
})
export class AppraisalModule {}
