import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentRequest } from './content-request.entity';
import { ContentRequestsController } from './content-requests.controller';
import { ContentRequestsRepository } from './content-requests.repository';
import { ContentRequestsService } from './content-requests.service';
import { ContentRequestDeadlines } from './request-deadlines';

/** Correction and removal requests to licensees, with their deadline watch (issue 15). */
@Module({
  imports: [TypeOrmModule.forFeature([ContentRequest])],
  controllers: [ContentRequestsController],
  providers: [ContentRequestsService, ContentRequestsRepository, ContentRequestDeadlines],
  exports: [ContentRequestsService],
})
export class ContentRequestsModule {}
