import { Actor, Role } from './roles';

/** The caller of an authenticated request, as the JWT strategy loads it from the database. */
export interface AuthenticatedUser extends Actor {
  id: string;
  role: Role;
  email: string;
  authorityId: string | null;
  organizationId: string | null;
}

export interface JwtPayload {
  sub: string;
  role: Role;
  /** The account's token version when the token was issued; a password change or a disable moves it on. */
  tv: number;
  exp?: number;
  iat?: number;
}
