import { chainHash, ChainRow, GENESIS_HASH, verifyChainSegment } from './audit-chain';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = {
      id: i,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      actorId: null,
      actorRole: 'system',
      authorityId: null,
      organizationId: null,
      action: `test.${i}`,
      entityType: 'test',
      entityId: String(i),
      data: { n: i, name: 'Nghệ An' },
    };
    const hash = chainHash(prev, content);
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit chain', () => {
  it('hashes deterministically and independent of key order in data', () => {
    const [row] = chain(1);
    expect(chainHash(GENESIS_HASH, { ...row, data: { name: 'Nghệ An', n: 1 } })).toBe(row.hash);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies an intact chain', () => {
    expect(verifyChainSegment(chain(5), GENESIS_HASH)).toEqual({ valid: true, checked: 5, lastHash: chain(5)[4].hash });
  });

  it('verifies in batches', () => {
    const rows = chain(6);
    const first = verifyChainSegment(rows.slice(0, 3), GENESIS_HASH);
    const second = verifyChainSegment(rows.slice(3), first.lastHash, first.checked);
    expect(second).toMatchObject({ valid: true, checked: 6 });
  });

  it('names the first altered event', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], data: { n: 99 } };
    expect(verifyChainSegment(rows, GENESIS_HASH)).toMatchObject({ valid: false, firstBrokenId: 3, checked: 2 });
  });

  it('names the event after a deleted one', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChainSegment(rows, GENESIS_HASH)).toMatchObject({ valid: false, firstBrokenId: 3 });
  });

  it('detects a re-hashed altered event through the next link', () => {
    const rows = chain(4);
    const forged = { ...rows[1], action: 'forged' };
    forged.hash = chainHash(forged.prevHash, forged);
    rows[1] = forged;
    expect(verifyChainSegment(rows, GENESIS_HASH)).toMatchObject({ valid: false, firstBrokenId: 3 });
  });
});
