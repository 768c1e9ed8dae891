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

  async registrationNumberTaken(registrationNumber: string, em?: EntityManager): Promise<boolean> {
    return (await this.r(em).count({ where: { registrationNumber } })) > 0;
  }

  insert(em: EntityManager, org: Partial<Organization>): Promise<Organization> {
    return this.r(em).save(this.r(em).create(org));
  }

  async update(em: EntityManager, id: string, changes: Partial<Organization>): Promise<void> {
    await this.r(em).update({ id }, changes);
  }
}
