import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module';
import { PublicAssetsController } from './public-assets.controller';
import { PublicPagesController } from './public-pages.controller';

/** The public, server-rendered pages: registry search, a license's page, the QR code's verification page. */
@Module({ imports: [RegistryModule], controllers: [PublicPagesController, PublicAssetsController] })
export class PublicPagesModule {}
