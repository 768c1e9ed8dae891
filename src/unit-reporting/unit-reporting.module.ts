import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StatisticsModule } from '../statistics/statistics.module';
import { UnitReportingController } from './unit-reporting.controller';
import { ReportingPeriod, ReportingUnit, ReportingUnitMember, UnitReport } from './unit-reporting.entity';
import { UnitReportingRepository } from './unit-reporting.repository';
import { UnitReportingService } from './unit-reporting.service';

/** Reporting units, their half-yearly and annual returns, and the synthesis report (issue 15). */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReportingUnit, ReportingUnitMember, ReportingPeriod, UnitReport]),
    StatisticsModule,
  ],
  controllers: [UnitReportingController],
  providers: [UnitReportingService, UnitReportingRepository],
})
export class UnitReportingModule {}
