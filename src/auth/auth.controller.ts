import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { organizationView } from '../organizations/organization.view';
import { userView } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { CurrentUser, Public, Roles } from './access.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponseDto, RegisterDto } from './dto/auth.dto';
import { ROLES } from './roles';
import { ApiDoc, ApiProblems } from '../common/openapi/api-docs';
import { RegistrationView, UserView } from '../users/dto/user.view';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** A site owner registers their organization and their account (role `site_owner`). */
  @Post('register')
  @Public()
  @ApiDoc('Register a site owner', 'Creates the organization and its site owner account (role site_owner).')
  @ApiCreatedResponse({ type: RegistrationView })
  @ApiProblems([409, 'An account with this e-mail exists'], [422, 'WEAK_PASSWORD'])
  async register(@Body() dto: RegisterDto) {
    const { user, organization } = await this.users.register(dto);
    return { user: userView(user), organization: organizationView(organization) };
  }

  @Post('login')
  @Public()
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
}
