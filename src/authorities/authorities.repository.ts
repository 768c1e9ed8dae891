import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Authority } from './authority.entity';

@Injectable()
export class AuthoritiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private r(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(Authority);
  }

  findById(id: string, em?: EntityManager): Promise<Authority | null> {
    return this.r(em).findOne({ where: { id } });
  }

  findAll(): Promise<Authority[]> {
    return this.r().find({ order: { code: 'ASC' } });
  }

  async codeTaken(code: string, em: EntityManager): Promise<boolean> {
    return (await this.r(em).count({ where: { code } })) > 0;
  }

  insert(em: EntityManager, a: Partial<Authority>): Promise<Authority> {
    return this.r(em).save(this.r(em).create(a));
  }
}
