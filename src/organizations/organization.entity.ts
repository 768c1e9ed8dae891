import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A legal entity that runs (or wants to run) a general e-information site. Site owners' accounts belong to one. */
@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column({ name: 'registration_number' }) registrationNumber: string;
  @Column() address: string;
  @Column({ name: 'legal_representative' }) legalRepresentative: string;
  @Column() phone: string;
  @Column() email: string;
  /** When the registration number was proved (enterprise registration document at appraisal, or an admin). */
  @Column({ name: 'registration_confirmed_at', type: 'timestamptz', nullable: true })
  registrationConfirmedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
