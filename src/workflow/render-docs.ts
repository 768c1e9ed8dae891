/* Writes docs/state-machines.md from the machine catalogue (npm run docs:state-machines). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MACHINE_CATALOG } from './machine-catalog';
import { renderStateMachinesDoc } from './state-machines.doc';

const target = join(__dirname, '..', '..', '..', 'docs', 'state-machines.md');
writeFileSync(target, renderStateMachinesDoc(MACHINE_CATALOG));
process.stdout.write(`wrote ${target}\n`);
