import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Organization } from './organization.entity';

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private r(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(Organization);
  }

  findById(id: string, em?: EntityManager): Promise<Organization | null> {
    return this.r(em).findOne({ where: { id } });
  }

  /**
   * Confirms the organization's registration number (proved by its enterprise registration document, or by an
   * admin). Only confirmed numbers are unique: 'conflict' when another organization's confirmed number is the
   * same (a concurrent confirmation of the same number fails on the partial unique index: 409).
   */
  async confirmRegistration(
    em: EntityManager,
    id: string,
    by: string | null,
    now: Date,
  ): Promise<'confirmed' | 'already' | 'conflict' | 'missing'> {
    const [rows]: [{ id: string }[], number] = await em.query(
      `UPDATE organizations o SET registration_confirmed_at = $3, registration_confirmed_by = $2
        WHERE o.id = $1 AND o.registration_confirmed_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM organizations x WHERE x.registration_number = o.registration_number
                            AND x.registration_confirmed_at IS NOT NULL AND x.id <> o.id)
        RETURNING o.id`,
      [id, by, now],
    );
    if (rows.length === 1) return 'confirmed';
    const org = await this.findById(id, em);
    if (!org) return 'missing';
    return org.registrationConfirmedAt ? 'already' : 'conflict';
  }

  insert(em: EntityManager, org: Partial<Organization>): Promise<Organization> {
    return this.r(em).save(this.r(em).create(org));
  }

  async update(em: EntityManager, id: string, changes: Partial<Organization>): Promise<void> {
    await this.r(em).update({ id }, changes);
  }
}
