import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../auth/roles';

export type AccountState = 'ACTIVE' | 'DISABLED';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() email: string;
  @Column({ name: 'password_hash', select: false }) passwordHash: string;
  @Column({ name: 'full_name' }) fullName: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ name: 'authority_id', type: 'uuid', nullable: true }) authorityId: string | null;
  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId: string | null;
  @Column({ type: 'text' }) state: AccountState;
  @Column({ type: 'int' }) version: number;
  /** Moves on when the password changes or the account is disabled: every token issued before stops working. */
  @Column({ name: 'token_version', type: 'int', default: 0 }) tokenVersion: number;
  /** When the owner proved the e-mail address (null: not yet; only asked where SMTP is configured). */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true }) emailVerifiedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** What the API shows of a user (never the password hash). */
export function userView(u: User) {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    role: u.role,
    authorityId: u.authorityId ?? undefined,
    organizationId: u.organizationId ?? undefined,
    state: u.state,
    version: u.version,
    createdAt: u.createdAt,
  };
}
