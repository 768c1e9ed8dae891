import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SiteParticulars } from '../applications/approval.port';

export const LICENSE_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'TERMINATED'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export const LICENSE_VERSION_KINDS = ['NEW', 'AMENDMENT', 'EXTENSION', 'REISSUE', 'CHANGE_NOTICE'] as const;
export type LicenseVersionKind = (typeof LICENSE_VERSION_KINDS)[number];

/** The licensee as printed on the license: the organization's particulars at issue, updated by change notices. */
export interface Licensee {
  name: string;
  headOffice: string;
  phone: string;
  email: string;
  registrationNumber: string;
  legalRepresentative?: string;
  /** The owner named by a change notice (Decree 72/2013 art. 23h: a change of owner is notified). */
  owner?: string;
}

/**
 * A license to run a general e-information site. One site per license: the site's id is the license's id.
 * `version` counts every change of the record (issue, amendment, suspension…); the documents issued are in
 * license_versions.
 */
@Entity('licenses')
export class License {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() number: string;
  @Column({ name: 'authority_id', type: 'uuid' }) authorityId: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ type: 'text' }) status: LicenseStatus;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn: string;
  @Column({ name: 'expires_on', type: 'date' }) expiresOn: string;
  @Column({ name: 'suspended_until', type: 'date', nullable: true }) suspendedUntil: string | null;
  @Column({ name: 'suspension_count', type: 'int' }) suspensionCount: number;
  @Column({ name: 'extension_count', type: 'int' }) extensionCount: number;
  @Column({ name: 'verification_code' }) verificationCode: string;
  @Column({ type: 'jsonb' }) site: SiteParticulars;
  @Column({ type: 'jsonb' }) licensee: Licensee;
  @Column({ name: 'search_text' }) searchText: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
