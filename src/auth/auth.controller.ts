import { Body, Controller, Delete, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { organizationView } from '../organizations/organization.view';
import { userView } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { CurrentUser, Public, Roles } from './access.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from './access.guard';
import { LoginDto, LoginResponseDto, RegisterDto, SessionDto } from './dto/auth.dto';
import { ROLES } from './roles';
import { SESSION_COOKIE, sessionCookieOptions } from './session/session-cookie';
import { SessionsService } from './session/sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  /** A site owner registers their organization and their account (role `site_owner`). */
  @Post('register')
  @Public()
  @ApiCreatedResponse({ description: '{ user, organization }' })
  async register(@Body() dto: RegisterDto) {
    const { user, organization } = await this.users.register(dto);
    return { user: userView(user), organization: organizationView(organization) };
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins from this IP or for this e-mail in a minute' })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.login(dto.email, dto.password, ip);
  }

  @Get('me')
  @Roles(...ROLES)
  async me(@CurrentUser() user: AuthenticatedUser) {
    return userView(await this.users.get(user.id));
  }

  /**
   * Browser sign-in (the back office): the same credentials and throttle as `POST /auth/login`, but the answer sets
   * an httpOnly, SameSite=Strict cookie (Secure over https) instead of returning a token the page would have to keep.
   */
  @Post('session')
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: 'Sign in with a cookie session (browsers)' })
  @ApiCreatedResponse({ type: SessionDto, description: 'Signed in; Set-Cookie: gis_session (httpOnly)' })
  @ApiBadRequestResponse({ description: 'Malformed body' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or the account is disabled' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins from this IP or for this e-mail in a minute' })
  async openSession(
    @Body() dto: LoginDto,
    @Ip() ip: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const s = await this.sessions.open(dto.email, dto.password, ip);
    res.cookie(SESSION_COOKIE, s.secret, sessionCookieOptions(req, s.maxAgeMs));
    res.setHeader('Cache-Control', 'no-store');
    return sessionView(s.user, s.csrfToken, s.expiresAt);
  }

  /** The current cookie session: who is signed in and the CSRF token (a reloaded page asks for it again). */
  @Get('session')
  @Roles(...ROLES)
  @ApiCookieAuth('session')
  @ApiOperation({ summary: 'The current cookie session' })
  @ApiOkResponse({ type: SessionDto })
  @ApiNotFoundResponse({ description: 'The request was authenticated by a bearer token, not by a session cookie' })
  current(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): SessionDto {
    if (!req.session) throw DomainError.notFound('Cookie session');
    res.setHeader('Cache-Control', 'no-store');
    return sessionView(req.user, req.session.csrfToken, req.session.expiresAt);
  }

  /** Sign out: the session ends on the server and the cookie is cleared. Needs the CSRF token like any unsafe call. */
  @Delete('session')
  @Roles(...ROLES)
  @HttpCode(204)
  @ApiCookieAuth('session')
  @ApiOperation({ summary: 'Sign out (end the cookie session)' })
  @ApiNoContentResponse({ description: 'Signed out; the cookie is cleared' })
  @ApiForbiddenResponse({ description: 'CSRF_TOKEN_INVALID: the X-CSRF-Token header is missing or wrong' })
  @ApiNotFoundResponse({ description: 'The request was authenticated by a bearer token, not by a session cookie' })
  async endSession(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (!req.session) throw DomainError.notFound('Cookie session');
    await this.sessions.end(req.session.id);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
  }
}

function sessionView(user: AuthenticatedUser, csrfToken: string, expiresAt: Date): SessionDto {
  return {
    user: {
      id: user.id,
      email: user.email,
      role: user.role,
      authorityId: user.authorityId ?? undefined,
      organizationId: user.organizationId ?? undefined,
    },
    csrfToken,
    expiresAt: expiresAt.toISOString(),
  };
}
