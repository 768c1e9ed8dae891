import { Organization } from './organization.entity';

export function organizationView(o: Organization) {
  return {
    id: o.id,
    name: o.name,
    registrationNumber: o.registrationNumber,
    address: o.address,
    legalRepresentative: o.legalRepresentative,
    phone: o.phone,
    email: o.email,
    /** Proved from the enterprise registration document or by an admin; only confirmed numbers are unique. */
    registrationConfirmed: o.registrationConfirmedAt !== null && o.registrationConfirmedAt !== undefined,
    createdAt: o.createdAt,
  };
}
