import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppraisalModule } from '../appraisal/appraisal.module';
import { Application } from './application.entity';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationUploadPrecheck } from './application-upload.precheck';
import { ApplicationsService } from './applications.service';
import { RequirementsController } from './requirements.controller';

/**
 * Dossiers and their lifecycle. The license module plugs in through APPROVAL_HANDLER and LICENSE_LOOKUP
 * (approval.port.ts), provided globally when it is loaded.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Application]), AppraisalModule],
  controllers: [RequirementsController, ApplicationsController],
  providers: [ApplicationsService, ApplicationsRepository, ApplicationUploadPrecheck],
  exports: [ApplicationsService, ApplicationsRepository],
})
export class ApplicationsModule {}
