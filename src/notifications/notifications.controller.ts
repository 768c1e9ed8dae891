import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ROLES } from '../auth/roles';
import { PageQuery } from '../common/pagination';
import { UuidParam } from '../common/uuid';
import { NotificationsService } from './notifications.service';
import { ApiDoc, ApiPage } from '../common/openapi/api-docs';
import { ApiOkResponse } from '@nestjs/swagger';
import { NotificationReadView, NotificationView } from './notification.view';

export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's notifications, newest first. */
  @Get()
  @Roles(...ROLES)
  @ApiDoc('My notifications', 'The caller’s notifications, newest first (`unread=true`: only unread ones).')
  @ApiPage(NotificationView)
  list(@Query() q: NotificationsQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.notifications.listFor(user, q);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles(...ROLES)
  @ApiDoc('Mark a notification read', 'Marks one of the caller’s notifications read (idempotent).')
  @ApiOkResponse({ type: NotificationReadView })
  read(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.notifications.markRead(user, id);
  }
}
