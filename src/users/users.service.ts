import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { AuditService } from '../audit/audit.service';
import { assertStrongPassword, hashPassword, verifyPassword } from '../auth/password';
import { Actor, isStaffRole, SYSTEM_ACTOR } from '../auth/roles';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DomainError, ErrorCode } from '../common/domain-error';
import { offsetOf, pageOf } from '../common/pagination';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { Organization } from '../organizations/organization.entity';
import { WorkflowEngine } from '../workflow/workflow.engine';
import { accountMachine } from './account.machine';
import { CreateUserDto, UsersQuery } from './dto/users.dto';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';
import { RegisterDto } from '../auth/dto/auth.dto';

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly authorities: AuthoritiesRepository,
    private readonly engine: WorkflowEngine,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** ADMIN_EMAIL / ADMIN_PASSWORD: an admin with these credentials exists after start-up. */
  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    const existing = await this.users.findForLogin(adminEmail);
    if (existing && existing.role !== 'admin') {
      throw new Error(`ADMIN_EMAIL ${adminEmail} belongs to a ${existing.role} account; choose another e-mail`);
    }
    if (existing && (await verifyPassword(adminPassword, existing.passwordHash)) && existing.state === 'ACTIVE') return;
    const passwordHash = await hashPassword(adminPassword, this.config.passwordHashCost);
    try {
      await this.ensureAdminRow(existing, adminEmail, passwordHash);
    } catch (e) {
      // Replicas starting at once on one database: another one created the same admin first, which is the goal.
      if (existing || !isUniqueViolation(e)) throw e;
    }
    this.logger.log(`Admin account ${adminEmail} ensured`);
  }

  private async ensureAdminRow(existing: User | null, adminEmail: string, passwordHash: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (existing) {
        await this.users.updatePasswordAndRole(em, existing.id, passwordHash);
        await this.audit.record(em, {
          actor: SYSTEM_ACTOR,
          action: 'user.admin_reset',
          entityType: 'user',
          entityId: existing.id,
        });
      } else {
        const user = await this.users.insert(em, {
          email: adminEmail,
          passwordHash,
          fullName: 'Administrator',
          role: 'admin',
        });
        await this.engine.recordCreation(
          em,
          accountMachine,
          user.id,
          SYSTEM_ACTOR,
          {},
          { role: 'admin', email: adminEmail },
        );
      }
    });
  }

  /**
   * Self-registration of a site owner with their organization. Without e-mail verification (no SMTP) an address
   * that has an account is a 409 and the account is usable at once. With it, the caller cannot tell: an existing
   * address gets no new account (its owner is told by e-mail, `onEmailTaken`) and a new one must be proved
   * (`onCreated` sends the link) before the organization can file.
   *
   * The registration number is not unique here: whoever typed it first does not own it. It is confirmed from the
   * enterprise registration document when the first dossier is appraised, or by an admin, and only confirmed
   * numbers are unique (docs/security.md).
   */
  async register(
    dto: RegisterDto,
    verification?: {
      onCreated(em: EntityManager, user: User): Promise<void>;
      onEmailTaken(em: EntityManager, existing: User): Promise<void>;
    },
  ): Promise<{ user: User; organization: Organization } | null> {
    assertStrongPassword(dto.password, dto.email);
    const passwordHash = await hashPassword(dto.password, this.config.passwordHashCost);
    return this.dataSource.transaction(async (em) => {
      const existing = await this.users.findByEmail(dto.email, em);
      if (existing) {
        if (!verification) throw DomainError.conflict(ErrorCode.ALREADY_EXISTS, 'An account with this e-mail exists');
        await verification.onEmailTaken(em, existing);
        return null;
      }
      const organization = await this.organizations.insert(em, { ...dto.organization });
      const user = await this.users.insert(em, {
        email: dto.email.trim(),
        passwordHash,
        fullName: dto.fullName,
        role: 'site_owner',
        organizationId: organization.id,
        // Without e-mail delivery nothing can be proved: the address is taken as given.
        emailVerifiedAt: verification ? null : this.clock.now(),
      });
      const actor: Actor = { id: user.id, role: 'site_owner', organizationId: organization.id };
      await this.audit.record(em, {
        actor,
        action: 'organization.registered',
        entityType: 'organization',
        entityId: organization.id,
        organizationId: organization.id,
        data: { name: organization.name, registrationNumber: organization.registrationNumber },
      });
      await this.engine.recordCreation(
        em,
        accountMachine,
        user.id,
        actor,
        { organizationId: organization.id },
        {
          role: 'site_owner',
        },
      );
      await verification?.onCreated(em, user);
      return { user, organization };
    });
  }

  async create(dto: CreateUserDto, admin: AuthenticatedUser): Promise<User> {
    const staff = isStaffRole(dto.role);
    if (staff && !dto.authorityId) {
      throw DomainError.validation('Staff belong to an authority', [
        { field: 'authorityId', message: `authorityId is required for the role ${dto.role}` },
      ]);
    }
    if (!staff && dto.authorityId) {
      throw DomainError.validation('Only staff belong to an authority', [
        { field: 'authorityId', message: `authorityId is not allowed for the role ${dto.role}` },
      ]);
    }
    if ((dto.role === 'site_owner') !== Boolean(dto.organizationId)) {
      throw DomainError.validation('A site owner account belongs to one organization', [
        {
          field: 'organizationId',
          message:
            dto.role === 'site_owner'
              ? 'organizationId is required for site_owner'
              : 'organizationId is only for site_owner',
        },
      ]);
    }
    assertStrongPassword(dto.password, dto.email);
    const passwordHash = await hashPassword(dto.password, this.config.passwordHashCost);
    return this.dataSource.transaction(async (em) => {
      if (dto.authorityId && !(await this.authorities.findById(dto.authorityId, em))) {
        throw DomainError.rule(ErrorCode.BUSINESS_RULE_VIOLATED, 'The authority does not exist', {
          errors: [{ field: 'authorityId', message: 'no such authority' }],
        });
      }
      if (dto.organizationId && !(await this.organizations.findById(dto.organizationId, em))) {
        throw DomainError.rule(ErrorCode.BUSINESS_RULE_VIOLATED, 'The organization does not exist', {
          errors: [{ field: 'organizationId', message: 'no such organization' }],
        });
      }
      if (await this.users.emailTaken(dto.email, em)) {
        throw DomainError.conflict(ErrorCode.ALREADY_EXISTS, 'An account with this e-mail exists');
      }
      const user = await this.users.insert(em, {
        email: dto.email.trim(),
        passwordHash,
        fullName: dto.fullName,
        role: dto.role,
        authorityId: dto.authorityId ?? null,
        organizationId: dto.organizationId ?? null,
      });
      await this.engine.recordCreation(
        em,
        accountMachine,
        user.id,
        admin,
        { authorityId: user.authorityId, organizationId: user.organizationId },
        { role: user.role, email: user.email },
      );
      return user;
    });
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('User');
    return user;
  }

  async list(q: UsersQuery) {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .orderBy('u.createdAt', 'ASC')
      .addOrderBy('u.id');
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.authorityId) qb.andWhere('u.authority_id = :a', { a: q.authorityId });
    const [items, total] = await qb.skip(offsetOf(q)).take(q.pageSize).getManyAndCount();
    return pageOf(items, total, q);
  }

  async transition(
    id: string,
    event: unknown,
    version: number | undefined,
    reason: string | undefined,
    admin: AuthenticatedUser,
  ) {
    const { record } = await this.engine.fire<User>({
      machine: accountMachine,
      entity: User,
      id,
      event,
      actor: admin,
      expectedVersion: version,
      input: { reason },
      visible: () => true,
      guards: {
        notSelf: (ctx) => {
          if (ctx.record.id === admin.id) {
            throw DomainError.rule('CANNOT_DISABLE_SELF', 'An admin cannot disable their own account');
          }
        },
      },
      // Disabling ends every token of the account for good: enabling it again does not revive them.
      effect: (ctx) => {
        if (ctx.event === 'DISABLE') ctx.patch({ tokenVersion: ctx.record.tokenVersion + 1 });
      },
      scope: (u) => ({ authorityId: u.authorityId, organizationId: u.organizationId }),
    });
    return record;
  }

  async allowed(id: string, actor: AuthenticatedUser) {
    const user = await this.get(id);
    const allowed = await this.engine.allowedEvents(
      accountMachine,
      user,
      actor,
      (e) => !(e === 'DISABLE' && user.id === actor.id),
    );
    return { state: user.state, version: user.version, allowed };
  }
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { driverError?: { code?: string } }).driverError?.code === '23505';
}
