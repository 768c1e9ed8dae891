import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DocumentUploadInterceptor } from './document-upload';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { FileStore, LocalFileStore } from './file-store';

/**
 * Documents and their file store, for every module that owns documents (applications, inspections). It has no
 * routes of its own: the owning module's controller uploads with `@DocumentUpload()` and calls DocumentsService.
 */
@Global()
@Module({
  providers: [
    DocumentsService,
    DocumentsRepository,
    DocumentUploadInterceptor,
    {
      provide: FileStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalFileStore(config.fileStoreDir),
    },
  ],
  exports: [DocumentsService, FileStore, DocumentUploadInterceptor],
})
export class DocumentsModule {}
