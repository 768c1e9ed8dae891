import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AuthoritiesRepository } from './authorities.repository';
import { Authority } from './authority.entity';
import { CreateAuthorityDto } from './dto/authority.dto';

@Injectable()
export class AuthoritiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AuthoritiesRepository,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateAuthorityDto, admin: AuthenticatedUser): Promise<Authority> {
    const timeZone = dto.timeZone ?? this.config.defaultTimeZone;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      throw DomainError.validation('Unknown time zone', [{ field: 'timeZone', message: 'must be an IANA time zone' }]);
    }
    return this.dataSource.transaction(async (em) => {
      if (await this.repo.codeTaken(dto.code, em)) {
        throw DomainError.conflict(ErrorCode.ALREADY_EXISTS, `An authority with code ${dto.code} exists`);
      }
      const authority = await this.repo.insert(em, {
        code: dto.code,
        name: dto.name,
        province: dto.province,
        licenseNumberSuffix: dto.licenseNumberSuffix,
        parentBody: dto.parentBody ?? '',
        signerTitle: dto.signerTitle ?? 'GIÁM ĐỐC',
        signerName: dto.signerName ?? '',
        timeZone,
        functionBasis: dto.functionBasis?.trim() || null,
      });
      await this.audit.record(em, {
        actor: admin,
        action: 'authority.created',
        entityType: 'authority',
        entityId: authority.id,
        authorityId: authority.id,
        data: { code: authority.code, name: authority.name },
      });
      return authority;
    });
  }

  list(): Promise<Authority[]> {
    return this.repo.findAll();
  }

  async get(id: string): Promise<Authority> {
    const a = await this.repo.findById(id);
    if (!a) throw DomainError.notFound('Authority');
    return a;
  }

  /** Staff see their own authority's active colleagues (anything else is 404, as for every record); admins any. */
  async staff(id: string, role: string | undefined, user: AuthenticatedUser) {
    if (user.role !== 'admin' && user.authorityId !== id) throw DomainError.notFound('Authority');
    await this.get(id);
    return this.repo.activeStaff(id, role);
  }
}
