import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MACHINE_CATALOG } from './machine-catalog';
import { renderStateMachinesDoc } from './state-machines.doc';

describe('docs/state-machines.md', () => {
  it('is generated from the current definitions (run `npm run docs:state-machines` if this fails)', () => {
    const onDisk = readFileSync(join(__dirname, '..', '..', 'docs', 'state-machines.md'), 'utf8');
    expect(onDisk).toBe(renderStateMachinesDoc(MACHINE_CATALOG));
  });
});
