import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderLegalBasisDoc } from './legal-basis.doc';
import { citesText, DECREE_147_IN_FORCE, DOCUMENT_TYPES, legalBasisLineProblems, LEGAL_BASES } from './legal-catalog';

describe('docs/legal-basis.md', () => {
  it('is generated from the legal catalogue (run `npm run docs:legal-basis` if this fails)', () => {
    const onDisk = readFileSync(join(__dirname, '..', '..', 'docs', 'legal-basis.md'), 'utf8');
    expect(onDisk).toBe(renderLegalBasisDoc());
  });
});

describe('legal bases', () => {
  it('no default line in force since Decree 147/2024 cites a repealed decree', () => {
    const current = LEGAL_BASES.filter((b) => b.effectiveFrom >= DECREE_147_IN_FORCE);
    expect(current.map((b) => b.documentType).sort()).toEqual([...DOCUMENT_TYPES].sort());
    for (const b of current) expect(legalBasisLineProblems(b.lines)).toEqual([]);
  });
  it('recognizes a repealed decree however it is written', () => {
    expect(citesText('Căn cứ Nghị định số 72/2013/NĐ-CP;', '72/2013/NĐ-CP')).toBe(true);
    expect(citesText('Nghị định 27/2018/ND-CP', '27/2018/NĐ-CP')).toBe(true);
    expect(citesText('Nghị định 172/2013/NĐ-CP', '72/2013/NĐ-CP')).toBe(false);
    expect(legalBasisLineProblems(['Căn cứ Nghị định số 72/2013/NĐ-CP;', 'Xét đề nghị'])).toHaveLength(2);
  });
});
