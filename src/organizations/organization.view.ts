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
    createdAt: o.createdAt,
  };
}
