import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { AuthoritiesModule } from './authorities/authorities.module';
import { Authority } from './authorities/authority.entity';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { RateLimitModule } from './common/rate-limit.module';
import { RateLimitInterceptor } from './auth/rate-limit.interceptor';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DocumentsModule } from './documents/documents.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { Organization } from './organizations/organization.entity';
import { OrganizationsModule } from './organizations/organizations.module';
import { User } from './users/user.entity';
import { UsersModule } from './users/users.module';
import { ViolationsModule } from './violations/violations.module';
import { ReviewsModule } from './reviews/reviews.module';
import { StatisticsModule } from './statistics/statistics.module';
import { WorkflowModule } from './workflow/workflow.module';
import { LicensesModule } from './licenses/licenses.module';
import { RegistryModule } from './registry/registry.module';
import { PublicPagesModule } from './public-pages/public-pages.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { ChangeNoticesModule } from './change-notices/change-notices.module';
import { SigningModule } from './signing/signing.module';
import { LegalModule } from './legal/legal.module';
import { UnlicensedSitesModule } from './unlicensed-sites/unlicensed-sites.module';
import { ContentRequestsModule } from './content-requests/content-requests.module';
import { UnitReportingModule } from './unit-reporting/unit-reporting.module';

/** Feature modules of the domain. A new module is added here. */
const FEATURE_MODULES = [
  HealthModule,
  AuthoritiesModule,
  SigningModule,
  LegalModule,
  OrganizationsModule,
  UsersModule,
  AuthModule,
  NotificationsModule,
  CalendarModule,
  ViolationsModule,
  ReviewsModule,
  StatisticsModule,
  SchedulerModule,
  LicensesModule,
  RegistryModule,
  DocumentsModule,
  ApplicationsModule,
  ChangeNoticesModule,
  PublicPagesModule,
  UnlicensedSitesModule,
  ContentRequestsModule,
  UnitReportingModule,
  // feature modules go here, one line each
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req) => (req as unknown as { id: string }).id,
            customProps: (req) => ({ userId: (req as unknown as { user?: { id: string } }).user?.id }),
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
            },
            redact: ['req.headers.authorization'],
          },
        }),
        DatabaseModule,
        TypeOrmModule.forFeature([Authority, Organization, User]),
        AuditModule,
        WorkflowModule,
        RateLimitModule,
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // Rate limits first: a request over its limit does not claim an idempotency key.
        { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
