import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/roles';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import type { Authority } from '../authorities/authority.entity';
import { compareIsoDate, zonedIsoDate } from '../calendar/iso-date';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { CreateLegalBasisDto } from './dto/legal-basis.dto';
import { defaultFunctionBasis, FUNCTION_BASIS_TOKEN, LegalDocumentType, legalBasisLineProblems } from './legal-catalog';
import { LegalBasisRow, LegalRepository } from './legal.repository';

/** The "Căn cứ" lines of a document with the authority's function decision in place of its token. */
export function resolveLines(lines: readonly string[], authority: Pick<Authority, 'functionBasis' | 'name'>): string[] {
  return lines.map((l) => {
    if (l.trim() !== FUNCTION_BASIS_TOKEN) return l.trim();
    const own = authority.functionBasis?.trim();
    return own ? (/[;.]$/.test(own) ? own : `${own};`) : defaultFunctionBasis(authority.name);
  });
}

/**
 * The legal bases ("Căn cứ" lines) of each document type as effective-dated data, national or per authority. A
 * document takes the lines in force on its signing date; a document already issued keeps the lines stored with it.
 */
@Injectable()
export class LegalBasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly repo: LegalRepository,
    private readonly authorities: AuthoritiesRepository,
    private readonly audit: AuditService,
  ) {}

  /** The lines a document of `type` signed on `on` by `authority` prints (never empty: the seed covers 2024-12-25 on). */
  async linesFor(type: LegalDocumentType, on: string, authority: Authority, em?: EntityManager): Promise<string[]> {
    const row = await this.repo.basisOn(type, on, authority.id, em);
    if (!row) {
      throw DomainError.rule('LEGAL_BASIS_NOT_IN_FORCE', `No legal basis of ${type} documents is in force on ${on}`);
    }
    return resolveLines(row.lines, authority);
  }

  async list(type: LegalDocumentType | undefined) {
    return (await this.repo.basisVersions(type)).map(basisView);
  }

  async create(dto: CreateLegalBasisDto, actor: Actor) {
    const problems = legalBasisLineProblems(dto.lines);
    if (problems.length) {
      throw DomainError.rule('LEGAL_BASIS_INVALID', 'These lines cannot be printed as legal bases', {
        errors: problems.map((p) => ({ field: `lines[${p.index}]`, message: p.message })),
      });
    }
    const today = zonedIsoDate(this.clock.now(), this.config.defaultTimeZone);
    if (compareIsoDate(dto.effectiveFrom, today) < 0) {
      throw DomainError.rule('EFFECTIVE_DATE_IN_PAST', 'Legal bases change from today or a later day', {
        errors: [{ field: 'effectiveFrom', message: `must be ${today} or later` }],
        extensions: { today },
      });
    }
    return this.dataSource.transaction(async (em) => {
      const authorityId = dto.authorityId ?? null;
      if (authorityId && !(await this.authorities.findById(authorityId, em))) throw DomainError.notFound('Authority');
      const created = await this.repo.insertBasis(
        em,
        {
          documentType: dto.documentType,
          authorityId,
          effectiveFrom: dto.effectiveFrom,
          lines: dto.lines.map((l) => l.trim()),
          verified: dto.verified ?? false,
        },
        actor.id,
      );
      if (!created) {
        throw DomainError.conflict(
          ErrorCode.ALREADY_EXISTS,
          `${dto.documentType} already has legal bases from ${dto.effectiveFrom}${authorityId ? ' for this authority' : ''}`,
        );
      }
      await this.audit.record(em, {
        actor,
        action: 'legal_basis.created',
        entityType: 'legal_basis',
        entityId: `${dto.documentType}@${dto.effectiveFrom}${authorityId ? `/${authorityId}` : ''}`,
        authorityId: authorityId ?? undefined,
        data: { documentType: dto.documentType, effectiveFrom: dto.effectiveFrom, authorityId, lines: created.lines },
      });
      return basisView(created);
    });
  }
}

export function basisView(b: LegalBasisRow) {
  return {
    documentType: b.documentType,
    authorityId: b.authorityId,
    effectiveFrom: b.effectiveFrom,
    lines: b.lines,
    verified: b.verified,
  };
}
