import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StateMachinesController } from './state-machines.controller';
import { WorkflowHistoryRepository } from './workflow-history.repository';
import { WorkflowEngine } from './workflow.engine';

@Global()
@Module({
  imports: [AuditModule],
  controllers: [StateMachinesController],
  providers: [WorkflowEngine, WorkflowHistoryRepository],
  exports: [WorkflowEngine, WorkflowHistoryRepository],
})
export class WorkflowModule {}
