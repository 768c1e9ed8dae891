import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A licensing authority: a provincial department or the national authority. Kept as a record, not a constant,
 * because the bodies were reorganized in 2025 and differ by province (docs/legal-basis.md, "What is licensed").
 */
@Entity('authorities')
export class Authority {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() code: string;
  @Column() name: string;
  @Column() province: string;
  @Column({ name: 'parent_body' }) parentBody: string;
  @Column({ name: 'license_number_suffix' }) licenseNumberSuffix: string;
  @Column({ name: 'signer_title' }) signerTitle: string;
  @Column({ name: 'signer_name' }) signerName: string;
  @Column({ name: 'time_zone' }) timeZone: string;
  /** The PKCS#12 file with the authority's signing certificate and key; null → the development certificate. */
  @Column({ name: 'signing_certificate_file', type: 'text', nullable: true }) signingCertificateFile: string | null;
  /** The environment variable holding that file's passphrase (never the passphrase itself). */
  @Column({ name: 'signing_passphrase_env', type: 'text', nullable: true }) signingPassphraseEnv: string | null;
  /** The "Căn cứ" line naming the act on the authority's functions, printed on its documents (null: generic). */
  @Column({ name: 'function_basis', type: 'text', nullable: true }) functionBasis: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
