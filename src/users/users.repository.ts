import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(User);
  }

  findById(id: string, em?: EntityManager): Promise<User | null> {
    return this.m(em).findOne({ where: { id } });
  }

  /** With the password hash, for login only. E-mail is case-insensitive. */
  findForLogin(email: string): Promise<User | null> {
    return this.m()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  findByEmail(email: string, em?: EntityManager): Promise<User | null> {
    return this.m(em).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: email.trim() }).getOne();
  }

  async emailTaken(email: string, em?: EntityManager): Promise<boolean> {
    return (await this.m(em).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getCount()) > 0;
  }

  insert(em: EntityManager, user: Partial<User>): Promise<User> {
    return this.m(em).save(this.m(em).create({ state: 'ACTIVE', version: 1, ...user }));
  }

  async updatePasswordAndRole(em: EntityManager, id: string, passwordHash: string): Promise<void> {
    await this.m(em).update({ id }, { passwordHash, role: 'admin', state: 'ACTIVE' });
  }
}
