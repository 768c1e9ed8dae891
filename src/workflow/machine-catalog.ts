import { applicationMachine } from '../applications/application.machine';
import { licenseMachine } from '../licenses/license.machine';
import { accountMachine } from '../users/account.machine';
import type { MachineDefinition } from './machine';

/**
 * Every lifecycle of the product, in the order `GET /state-machines` lists them. A module with a lifecycle adds
 * its `*.machine.ts` here; docs/state-machines.md is generated from this list.
 */
export const MACHINE_CATALOG: readonly MachineDefinition[] = [applicationMachine, licenseMachine, accountMachine];
