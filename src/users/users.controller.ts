import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UuidParam } from '../common/uuid';
import { AllowedTransitionsDto } from '../workflow/transition.dto';
import { AccountTransitionDto, CreateUserDto, UsersQuery } from './dto/users.dto';
import { userView } from './user.entity';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The new account' })
  async create(@Body() dto: CreateUserDto, @CurrentUser() admin: AuthenticatedUser) {
    return userView(await this.users.create(dto, admin));
  }

  @Get()
  @Roles('admin')
  async list(@Query() q: UsersQuery) {
    const page = await this.users.list(q);
    return { ...page, items: page.items.map(userView) };
  }

  @Get(':id')
  @Roles('admin')
  async get(@Param('id', UuidParam) id: string) {
    return userView(await this.users.get(id));
  }

  @Get(':id/transitions')
  @Roles('admin')
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() admin: AuthenticatedUser): Promise<AllowedTransitionsDto> {
    return this.users.allowed(id, admin);
  }

  /** DISABLE or ENABLE an account (the `account` state machine). */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('admin')
  async transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: AccountTransitionDto,
    @CurrentUser() admin: AuthenticatedUser,
  ) {
    return userView(await this.users.transition(id, dto.event, dto.version, dto.reason, admin));
  }
}
