import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PdfModule } from '../pdf/pdf.module';
import { Inspection } from './inspection.entity';
import { InspectionsController } from './inspections.controller';
import { InspectionsRepository } from './inspections.repository';
import { InspectionsService } from './inspections.service';
import { Report } from './report.entity';
import { ReportSettingsController, ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Periodic review of licensed sites: report obligations and inspections with their record. */
@Module({
  imports: [TypeOrmModule.forFeature([Report, Inspection]), PdfModule],
  controllers: [ReportsController, ReportSettingsController, InspectionsController],
  providers: [ReportsService, ReportsRepository, InspectionsService, InspectionsRepository],
})
export class ReviewsModule {}
