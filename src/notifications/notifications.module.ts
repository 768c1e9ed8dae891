import { Global, Module } from '@nestjs/common';
import { EmailOutboxService } from './email-outbox.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, EmailOutboxService],
  exports: [NotificationsService, EmailOutboxService],
})
export class NotificationsModule {}
