import { Global, Module } from '@nestjs/common';
import { CHANGE_NOTICE_CONFIRMER } from '../applications/approval.port';
import { ApplicationsModule } from '../applications/applications.module';
import { PdfModule } from '../pdf/pdf.module';
import { ViolationsModule } from '../violations/violations.module';
import { ChangeNoticesController } from './change-notices.controller';
import { ChangeNoticesRepository } from './change-notices.repository';
import { ChangeNoticesService } from './change-notices.service';
import { ConfirmationLetters } from './confirmation-letters';

/**
 * Change notices (Decree 72/2013 art. 23h): the confirmation letter written on APPROVE (CHANGE_NOTICE_CONFIRMER,
 * provided globally for the applications module) and the violation opened from a late notice. The notice itself is
 * an application of type CHANGE_NOTICE on the application lifecycle.
 */
@Global()
@Module({
  imports: [ApplicationsModule, ViolationsModule, PdfModule],
  controllers: [ChangeNoticesController],
  providers: [
    ChangeNoticesRepository,
    ChangeNoticesService,
    ConfirmationLetters,
    { provide: CHANGE_NOTICE_CONFIRMER, useExisting: ConfirmationLetters },
  ],
  exports: [CHANGE_NOTICE_CONFIRMER],
})
export class ChangeNoticesModule {}
