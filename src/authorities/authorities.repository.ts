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

  /** The active staff of an authority, by name (what colleagues need to hand work over). */
  async activeStaff(authorityId: string, role?: string): Promise<StaffRow[]> {
    const rows: { id: string; full_name: string; email: string; role: string }[] = await this.dataSource.query(
      `SELECT id, full_name, email, role FROM users
        WHERE authority_id = $1 AND state = 'ACTIVE' AND ($2::text IS NULL OR role = $2)
        ORDER BY full_name, id`,
      [authorityId, role ?? null],
    );
    return rows.map((r) => ({ id: r.id, fullName: r.full_name, email: r.email, role: r.role }));
  }
}

export interface StaffRow {
  id: string;
  fullName: string;
  email: string;
  role: string;
}
