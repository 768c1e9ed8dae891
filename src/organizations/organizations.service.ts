import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/roles';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { organizationView } from './organization.view';
import { OrganizationsRepository } from './organizations.repository';

export const REGISTRATION_NUMBER_CONFIRMED_ELSEWHERE = 'REGISTRATION_NUMBER_CONFIRMED_ELSEWHERE';

/**
 * Whoever registers first does not own a registration number: it is confirmed from the enterprise registration
 * document when the organization's first NEW dossier is found complete, or by an admin. Unconfirmed duplicates
 * are allowed; a confirmed number wins (no second organization can have it confirmed).
 */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: OrganizationsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async confirmRegistration(id: string, admin: Actor) {
    return this.dataSource.transaction(async (em) => {
      await this.confirmIn(em, id, admin, 'admin');
      const org = await this.repo.findById(id, em);
      if (!org) throw DomainError.notFound('Organization');
      return organizationView(org);
    });
  }

  /** In the caller's transaction (the appraisal's CONFIRM_COMPLETE, or the admin's request). */
  async confirmIn(em: EntityManager, id: string, actor: Actor, source: 'admin' | 'appraisal'): Promise<void> {
    const result = await this.repo.confirmRegistration(em, id, actor.id, this.clock.now());
    if (result === 'missing') throw DomainError.notFound('Organization');
    if (result === 'conflict') {
      throw DomainError.conflict(
        REGISTRATION_NUMBER_CONFIRMED_ELSEWHERE,
        'Another organization has proved this registration number; check the enterprise registration document',
      );
    }
    if (result === 'confirmed') {
      await this.audit.record(em, {
        actor,
        action: 'organization.registration_confirmed',
        entityType: 'organization',
        entityId: id,
        organizationId: id,
        data: { source },
      });
    }
  }
}
