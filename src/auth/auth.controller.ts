import { Body, Controller, Delete, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
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
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { organizationView } from '../organizations/organization.view';
import { userView } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { CurrentUser, Public, Roles } from './access.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { AccountService } from './account.service';
import { AuthService } from './auth.service';
import { AcceptedDto, ChangePasswordDto, ForgotPasswordDto, ResetPasswordDto, VerifyEmailDto } from './dto/account.dto';
import type { AuthenticatedRequest } from './access.guard';
import { LoginDto, LoginResponseDto, RegisterDto, SessionDto } from './dto/auth.dto';
import { ROLES } from './roles';
import { RateLimit } from '../common/rate-limit';
import { NeverReplay } from '../common/idempotency.interceptor';
import { SESSION_COOKIE, sessionCookieOptions } from './session/session-cookie';
import { SessionsService } from './session/sessions.service';
import { ApiDoc, ApiProblems } from '../common/openapi/api-docs';
import { RegistrationView, UserView } from '../users/dto/user.view';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly account: AccountService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * A site owner registers their organization and their account (role `site_owner`). Where e-mail is configured
   * the address must be proved first: the answer is then 202 whether or not the address has an account.
   */
  @Post('register')
  @Public()
  @RateLimit('account')
  @ApiOperation({
    summary: 'Register a site owner and their organization',
    description:
      'Public. Creates a site owner account and their organization. With e-mail verification on, the answer is 202 whatever the address (no account enumeration) and a verification link is e-mailed; otherwise 201 with the account, and an existing e-mail is 409. Invalid input or a weak password is 400.',
  })
  @ApiCreatedResponse({ type: RegistrationView, description: 'Without e-mail verification: the user and organization' })
  @ApiAcceptedResponse({ type: AcceptedDto, description: 'With e-mail verification: the same for every address' })
  @ApiBadRequestResponse({ description: 'Invalid input or weak password' })
  @ApiConflictResponse({ description: 'Without e-mail verification: an account with this e-mail exists' })
  async register(@Body() dto: RegisterDto, @Res({ passthrough: true }) res: Response) {
    if (this.account.emailVerificationOn) {
      await this.users.register(dto, {
        onCreated: (em, user) => this.account.sendVerification(em, user),
        onEmailTaken: (em, existing) => this.account.notifyRegistrationAttempt(em, existing),
      });
      res.status(202);
      return { status: 'VERIFICATION_EMAIL_SENT' };
    }
    const created = await this.users.register(dto);
    if (!created) throw new Error('registration without verification always creates or throws');
    return { user: userView(created.user), organization: organizationView(created.organization) };
  }

  /** The caller changes their own password; every earlier token ends, and a new one is returned. */
  @Post('password')
  @Roles(...ROLES)
  @RateLimit('self')
  @NeverReplay()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change my password',
    description:
      "Any signed-in role. Needs the current password (wrong: 422 WRONG_PASSWORD) and a strong new one. Raises the account's token version: every earlier token and session ends, and a new token is returned.",
  })
  @ApiOkResponse({ type: LoginResponseDto, description: 'A new token; every earlier one has ended' })
  @ApiBadRequestResponse({ description: 'Invalid input or weak new password' })
  @ApiUnprocessableEntityResponse({ description: 'WRONG_PASSWORD: the current password is wrong' })
  changePassword(@Body() dto: ChangePasswordDto, @CurrentUser() user: AuthenticatedUser): Promise<LoginResponseDto> {
    return this.account.changePassword(user, dto.currentPassword, dto.newPassword);
  }

  /** Sends a reset link to the address if it has an active account; the answer does not say whether it has. */
  @Post('password/forgot')
  @Public()
  @RateLimit('account')
  @NeverReplay()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password reset link by e-mail',
    description:
      'Public. Always 202 with the same body whether or not the address has an account (no enumeration); when it has, a single-use, time-limited reset link is e-mailed. Rate-limited per client.',
  })
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiBadRequestResponse({ description: 'Invalid input' })
  forgotPassword(@Body() dto: ForgotPasswordDto): Promise<AcceptedDto> {
    return this.account.forgotPassword(dto.email);
  }

  /** Sets a new password with the e-mailed token (single use, short-lived); every token of the account ends. */
  @Post('password/reset')
  @Public()
  @RateLimit('account')
  @NeverReplay()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Reset a password with the e-mailed token',
    description:
      'Public. Sets a new password with the single-use token from the e-mail; an invalid, expired or used token is 422 INVALID_TOKEN. Ends every earlier token and session of the account.',
  })
  @ApiNoContentResponse({ description: 'The password is set; log in with it' })
  @ApiBadRequestResponse({ description: 'Invalid input or weak password' })
  @ApiUnprocessableEntityResponse({ description: 'INVALID_TOKEN: invalid, expired or already used' })
  async resetPassword(@Body() dto: ResetPasswordDto): Promise<void> {
    await this.account.resetPassword(dto.token, dto.newPassword);
  }

  /** Proves the e-mail address with the token e-mailed at registration (needed before filing a dossier). */
  @Post('email/verify')
  @Public()
  @RateLimit('account')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Verify my e-mail address',
    description:
      'Public. Confirms the address with the token of the verification e-mail, which enables signing in; an invalid, expired or used token is 422 INVALID_TOKEN.',
  })
  @ApiNoContentResponse({ description: 'The address is verified' })
  @ApiBadRequestResponse({ description: 'Invalid input' })
  @ApiUnprocessableEntityResponse({ description: 'INVALID_TOKEN: invalid, expired or already used' })
  async verifyEmail(@Body() dto: VerifyEmailDto): Promise<void> {
    await this.account.verifyEmail(dto.token);
  }

  @Post('login')
  @Public()
  // Counted per IP and per e-mail by the service, before the password is checked.
  @RateLimit('self')
  // A stored login response would hold a valid token for 24 hours.
  @NeverReplay()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins from this IP or for this e-mail in a minute' })
  @ApiDoc(
    'Log in',
    'Exchanges an e-mail and password for a bearer token (JWT). Failed attempts are limited per IP and per e-mail.',
  )
  @ApiProblems([401, 'INVALID_CREDENTIALS, or ACCOUNT_DISABLED'])
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.login(dto.email, dto.password, ip);
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiDoc('The caller', 'The authenticated caller’s account.')
  @ApiOkResponse({ type: UserView })
  async me(@CurrentUser() user: AuthenticatedUser) {
    return userView(await this.users.get(user.id));
  }

  /**
   * Browser sign-in (the back office): the same credentials and throttle as `POST /auth/login`, but the answer sets
   * an httpOnly, SameSite=Strict cookie (Secure over https) instead of returning a token the page would have to keep.
   */
  @Post('session')
  @Public()
  // Counted per IP and per e-mail by the service, before the password is checked; never stored for replay.
  @RateLimit('self')
  @NeverReplay()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Sign in with a cookie session (browsers)',
    description:
      'Public. For the back office in a browser: checks e-mail and password like `POST /auth/login` and sets an httpOnly session cookie; the answer carries the CSRF token to send as `X-CSRF-Token` on every unsafe request. Wrong credentials or a disabled account are 401; failed attempts are rate-limited (429). Never replayed by Idempotency-Key.',
  })
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
  @ApiOperation({
    summary: 'The current cookie session',
    description:
      "Any signed-in role, authenticated by the session cookie: the session's user, expiry and CSRF token. A request authenticated by a bearer token has no session (404).",
  })
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
  @ApiOperation({
    summary: 'Sign out (end the cookie session)',
    description:
      'Any signed-in role with a session cookie: ends the session and clears the cookie. Needs the `X-CSRF-Token` header (403 CSRF_TOKEN_INVALID otherwise); a bearer-token request has no session (404).',
  })
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
