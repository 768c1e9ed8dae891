import { Global, Module } from '@nestjs/common';
import { AuthoritiesController } from './authorities.controller';
import { AuthoritiesRepository } from './authorities.repository';
import { AuthoritiesService } from './authorities.service';

@Global()
@Module({
  controllers: [AuthoritiesController],
  providers: [AuthoritiesService, AuthoritiesRepository],
  exports: [AuthoritiesService, AuthoritiesRepository],
})
export class AuthoritiesModule {}
