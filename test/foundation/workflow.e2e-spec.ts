import { workflowSuite } from '../support/workflow-suite';

workflowSuite('workflow engine on PostgreSQL', { embedded: false });
