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
