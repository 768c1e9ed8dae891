import { Global, Module } from '@nestjs/common';
import { LegalBasesService } from './legal-bases.service';
import { LegalParametersService } from './legal-parameters.service';
import { LegalBasesController, LegalParametersController } from './legal.controller';
import { LegalRepository } from './legal.repository';

/**
 * The law as data: effective-dated legal figures (`valueOn`) and the "Căn cứ" lines of each document type. Global,
 * because every rule in every module reads its figure here.
 */
@Global()
@Module({
  controllers: [LegalParametersController, LegalBasesController],
  providers: [LegalRepository, LegalParametersService, LegalBasesService],
  exports: [LegalParametersService, LegalBasesService],
})
export class LegalModule {}
