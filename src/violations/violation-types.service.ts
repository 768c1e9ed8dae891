import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/roles';
import { zonedIsoDate } from '../calendar/iso-date';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CreateViolationTypeDto } from './dto/violation-type.dto';
import type { ViolationType } from './violation-type';
import { ViolationTypesRepository } from './violation-types.repository';

/** The violations catalogue: data with effective dates, judged by the entry in force on the day of detection. */
@Injectable()
export class ViolationTypesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly repo: ViolationTypesRepository,
    private readonly audit: AuditService,
  ) {}

  /** The entries in force on `on` (default: today in the default time zone). */
  list(on?: string): Promise<ViolationType[]> {
    return this.repo.inForce(on ?? zonedIsoDate(this.clock.now(), this.config.defaultTimeZone));
  }

  async create(dto: CreateViolationTypeDto, actor: Actor): Promise<ViolationType> {
    if (dto.maxFine < dto.minFine) {
      throw DomainError.validation('The fine range is inverted', [
        { field: 'maxFine', message: 'maxFine must be greater than or equal to minFine' },
      ]);
    }
    if ((dto.deprivationMinMonths === undefined) !== (dto.deprivationMaxMonths === undefined)) {
      throw DomainError.validation('A deprivation range has both bounds', [
        { field: 'deprivationMaxMonths', message: 'give deprivationMinMonths and deprivationMaxMonths together' },
      ]);
    }
    if ((dto.deprivationMaxMonths ?? 0) < (dto.deprivationMinMonths ?? 0)) {
      throw DomainError.validation('The deprivation range is inverted', [
        { field: 'deprivationMaxMonths', message: 'must be greater than or equal to deprivationMinMonths' },
      ]);
    }
    return this.dataSource.transaction(async (em) => {
      const created = await this.repo.insert(
        em,
        {
          code: dto.code,
          effectiveFrom: dto.effectiveFrom,
          titleVi: dto.title.trim(),
          titleEn: dto.titleEn.trim(),
          legalBasis: dto.legalBasis.trim(),
          minFine: dto.minFine,
          maxFine: dto.maxFine,
          additionalMeasures: dto.additionalMeasures ?? [],
          remedialMeasures: dto.remedialMeasures ?? [],
          grave: dto.grave ?? false,
          verified: dto.verified ?? true,
          sourceText: dto.sourceText?.trim() || dto.legalBasis.trim(),
          article: dto.article?.trim() || null,
          clause: dto.clause?.trim() || null,
          deprivationMinMonths: dto.deprivationMinMonths ?? null,
          deprivationMaxMonths: dto.deprivationMaxMonths ?? null,
        },
        actor.id,
      );
      if (!created) {
        throw DomainError.conflict(
          ErrorCode.ALREADY_EXISTS,
          `${dto.code} already has a version effective from ${dto.effectiveFrom}`,
        );
      }
      await this.audit.record(em, {
        actor,
        action: 'violation_type.created',
        entityType: 'violation_type',
        entityId: `${created.code}@${created.effectiveFrom}`,
        data: {
          code: created.code,
          effectiveFrom: created.effectiveFrom,
          minFine: created.minFine,
          maxFine: created.maxFine,
        },
      });
      return created;
    });
  }
}
