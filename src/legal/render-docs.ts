/* Writes docs/legal-basis.md from the legal catalogue (npm run docs:legal-basis). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderLegalBasisDoc } from './legal-basis.doc';

const target = join(__dirname, '..', '..', '..', 'docs', 'legal-basis.md');
writeFileSync(target, renderLegalBasisDoc());
process.stdout.write(`wrote ${target}\n`);
