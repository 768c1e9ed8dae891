import { applicationMachine } from '../applications/application.machine';
import { licenseMachine } from '../licenses/license.machine';
import { inspectionMachine } from '../reviews/inspection.machine';
import { reportMachine } from '../reviews/report.machine';
import { contentRequestMachine } from '../content-requests/content-request.machine';
import { unitReportMachine } from '../unit-reporting/unit-report.machine';
import { unlicensedSiteMachine } from '../unlicensed-sites/unlicensed-site.machine';
import { accountMachine } from '../users/account.machine';
import { enforcementProposalMachine, violationMachine } from '../violations/violation.machine';
import type { MachineDefinition } from './machine';

/**
 * Every lifecycle of the product, in the order `GET /state-machines` lists them. A module with a lifecycle adds
 * its `*.machine.ts` here; docs/state-machines.md is generated from this list.
 */
export const MACHINE_CATALOG: readonly MachineDefinition[] = [
  applicationMachine,
  licenseMachine,
  violationMachine,
  inspectionMachine,
  reportMachine,
  enforcementProposalMachine,
  accountMachine,
  unlicensedSiteMachine,
  contentRequestMachine,
  unitReportMachine,
];
