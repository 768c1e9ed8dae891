import { ROLES } from '../../auth/roles';
import { Bool, DateTime, Enum, Obj, Str, Uuid, Version } from '../../common/openapi/schema-props';

/** An account, as the API shows it (never the password hash). */
export class UserView {
  @Uuid() id: string;
  @Str(254, { format: 'email' }) email: string;
  @Str(200) fullName: string;
  @Enum(ROLES) role: string;
  @Uuid({ required: false, description: 'Staff: their authority' }) authorityId?: string;
  @Uuid({ required: false, description: 'Site owners: their organization' }) organizationId?: string;
  @Enum(['ACTIVE', 'DISABLED']) state: string;
  @Version() version: number;
  @DateTime() createdAt: Date;
}

/** A site owner's organization. */
export class OrganizationView {
  @Uuid() id: string;
  @Str(300) name: string;
  @Str(64, { pattern: '^[\\p{L}\\p{N}/._-]+$' }) registrationNumber: string;
  @Str(500) address: string;
  @Str(200) legalRepresentative: string;
  @Str(20) phone: string;
  @Str(254) email: string;
  @Bool({
    description:
      'The registration number was proved (enterprise registration document or an admin); only confirmed numbers are unique',
  })
  registrationConfirmed: boolean;
  @DateTime() createdAt: Date;
}

export class RegistrationView {
  @Obj(UserView) user: UserView;
  @Obj(OrganizationView) organization: OrganizationView;
}
