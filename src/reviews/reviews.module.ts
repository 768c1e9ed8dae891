import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Report } from './report.entity';
import { ReportSettingsController, ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Periodic review of licensed sites: report obligations and inspections with their record. */
@Module({
  imports: [TypeOrmModule.forFeature([Report])],
  controllers: [ReportsController, ReportSettingsController],
  providers: [ReportsService, ReportsRepository],
})
export class ReviewsModule {}
