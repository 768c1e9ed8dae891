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
import { RateLimit } from '../common/rate-limit';
import { NeverReplay } from '../common/idempotency.interceptor';

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
  @RateLimit('account')
  @ApiCreatedResponse({ description: '{ user, organization }' })
  async register(@Body() dto: RegisterDto) {
    const { user, organization } = await this.users.register(dto);
    return { user: userView(user), organization: organizationView(organization) };
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
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.login(dto.email, dto.password, ip);
  }

  @Get('me')
  @Roles(...ROLES)
  async me(@CurrentUser() user: AuthenticatedUser) {
    return userView(await this.users.get(user.id));
  }
}
