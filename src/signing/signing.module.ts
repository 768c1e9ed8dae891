import { Global, Module } from '@nestjs/common';
import { SigningController } from './signing.controller';
import { DocumentSigning } from './signing.service';

/** The authority's signing certificate and the signatures of its documents (PAdES). */
@Global()
@Module({ controllers: [SigningController], providers: [DocumentSigning], exports: [DocumentSigning] })
export class SigningModule {}
