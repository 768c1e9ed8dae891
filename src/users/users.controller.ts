import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountService } from '../auth/account.service';
import { AdminPasswordResetDto, AdminPasswordResetResponseDto } from '../auth/dto/account.dto';
import { NeverReplay } from '../common/idempotency.interceptor';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UuidParam } from '../common/uuid';
import { AllowedTransitionsDto } from '../workflow/transition.dto';
import { AccountTransitionDto, CreateUserDto, UsersQuery } from './dto/users.dto';
import { userView } from './user.entity';
import { UsersService } from './users.service';
import { ApiDoc, ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { UserView } from './dto/user.view';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly account: AccountService,
  ) {}

  /**
   * Forces a password reset: every token of the account ends at once and its password stops working; the owner
   * gets a reset link by e-mail, or, given `temporaryPassword`, that password is set instead.
   */
  @Post(':id/password-reset')
  @HttpCode(200)
  @Roles('admin')
  @NeverReplay()
  @ApiOperation({
    summary: 'Force a password reset of an account',
    description:
      'Admin only. Ends every token and session of the account (token version raised), then either queues a single-use reset link by e-mail or, with `temporaryPassword` (deployments without e-mail), sets that password; the answer says which. An unknown account is 404.',
  })
  @ApiOkResponse({ type: AdminPasswordResetResponseDto })
  @ApiNotFoundResponse({ description: 'No such user' })
  forcePasswordReset(
    @Param('id', UuidParam) id: string,
    @Body() dto: AdminPasswordResetDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<AdminPasswordResetResponseDto> {
    return this.account.adminReset(id, dto.temporaryPassword, admin);
  }

  @Post()
  @Roles('admin')
  @ApiDoc('Create a staff account', 'The admin creates an account with a role (staff belong to an authority).')
  @ApiCreatedResponse({ type: UserView })
  @ApiProblems(404, [409, 'An account with this e-mail exists'], [422, 'WEAK_PASSWORD'])
  async create(@Body() dto: CreateUserDto, @CurrentUser() admin: AuthenticatedUser) {
    return userView(await this.users.create(dto, admin));
  }

  @Get()
  @Roles('admin')
  @ApiDoc('List accounts', 'Every account, filtered by role, state or authority.')
  @ApiPage(UserView)
  async list(@Query() q: UsersQuery) {
    const page = await this.users.list(q);
    return { ...page, items: page.items.map(userView) };
  }

  @Get(':id')
  @Roles('admin')
  @ApiDoc('Read an account', 'One account.')
  @ApiOkResponse({ type: UserView })
  async get(@Param('id', UuidParam) id: string) {
    return userView(await this.users.get(id));
  }

  @Get(':id/transitions')
  @Roles('admin')
  @ApiDoc('Events allowed now', 'The account’s state and version and the events the admin may fire.')
  @ApiOkResponse({ type: AllowedTransitionsDto })
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() admin: AuthenticatedUser): Promise<AllowedTransitionsDto> {
    return this.users.allowed(id, admin);
  }

  /** DISABLE or ENABLE an account (the `account` state machine). */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('admin')
  @ApiDoc(
    'Disable or enable an account',
    'DISABLE or ENABLE (the account state machine); takes effect on the next request.',
  )
  @ApiOkResponse({ type: UserView })
  @ApiProblems(409, 422)
  async transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: AccountTransitionDto,
    @CurrentUser() admin: AuthenticatedUser,
  ) {
    return userView(await this.users.transition(id, dto.event, dto.version, dto.reason, admin));
  }
}
