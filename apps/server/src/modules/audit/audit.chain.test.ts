import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainedFields, ChainVerifier, computeEventHash, GENESIS_HASH, type StoredEvent } from './audit.chain.js';

function makeChain(n: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: ChainedFields = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actorId: seq % 3 ? `user-${seq % 3}` : null,
      actorName: seq % 3 ? '张丽' : null,
      action: seq % 2 ? 'org.update' : 'user.create',
      entity: seq % 2 ? 'organization' : 'user',
      entityId: `id-${seq}`,
      orgPath: `root/branch-${seq % 4}/`,
      before: seq % 2 ? { name: `旧名称${seq}`, sortOrder: seq } : null,
      after: { name: `新名称${seq}`, sortOrder: seq + 1, tags: ['a', 'b'] },
      requestId: `req-${seq}`,
      ip: '127.0.0.1',
    };
    const hash = computeEventHash(prev, fields);
    out.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function verify(events: StoredEvent[], head: { seq: number; hash: string } | null) {
  const v = new ChainVerifier();
  for (const e of events) if (!v.push(e)) break;
  return v.finish(head);
}

const headOf = (events: StoredEvent[]) => ({ seq: events.at(-1)!.seq, hash: events.at(-1)!.hash });

describe('ChainVerifier', () => {
  const chain = makeChain(12);
  const head = headOf(chain);

  it('accepts an intact chain and reports its head', () => {
    expect(verify(chain, head)).toEqual({
      ok: true,
      checked: 12,
      headSeq: 12,
      headHash: head.hash,
      brokenAt: null,
      reason: null,
    });
    expect(verify([], null)).toMatchObject({ ok: true, checked: 0, headSeq: null });
    expect(verify([], { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: true });
  });

  it('hashes the same event the same way whatever the key order of before/after (jsonb reorders keys)', () => {
    const e = chain[0]!;
    const reordered = { ...e, after: { tags: ['a', 'b'], sortOrder: 2, name: '新名称1' } };
    expect(computeEventHash(e.prevHash, reordered)).toBe(e.hash);
  });

  it.each<[string, (e: StoredEvent) => StoredEvent]>([
    ['after', (e) => ({ ...e, after: { ...(e.after as object), name: '篡改' } })],
    ['before', (e) => ({ ...e, before: null })],
    ['actor', (e) => ({ ...e, actorName: '伪造' })],
    ['action', (e) => ({ ...e, action: 'org.delete' })],
    ['time', (e) => ({ ...e, occurredAt: new Date(e.occurredAt.getTime() + 1) })],
    ['org path', (e) => ({ ...e, orgPath: 'root/' })],
    ['ip', (e) => ({ ...e, ip: '10.0.0.1' })],
  ])('detects an edited %s', (_field, edit) => {
    const edited = chain.map((e) => (e.seq === 5 ? edit(e) : e));
    const v = verify(edited, head);
    expect(v).toMatchObject({ ok: false, brokenAt: 5, checked: 4 });
    expect(v.reason).toMatch(/entry 5 was altered/);
  });

  it('detects an edit whose hash was recomputed: the next entry no longer links', () => {
    const edited = chain.map((e) => {
      if (e.seq !== 5) return e;
      const forged = { ...e, actorName: '伪造' };
      return { ...forged, hash: computeEventHash(e.prevHash, forged) };
    });
    const v = verify(edited, head);
    expect(v).toMatchObject({ ok: false, brokenAt: 6 });
    expect(v.reason).toMatch(/entry 6 does not link to entry 5/);
  });

  it('detects a deleted entry', () => {
    const v = verify(
      chain.filter((e) => e.seq !== 7),
      head,
    );
    expect(v).toMatchObject({ ok: false, brokenAt: 8 });
    expect(v.reason).toMatch(/entry 7 is missing before entry 8/);
  });

  it('detects reordered entries', () => {
    const swapped = [...chain];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    const v = verify(swapped, head);
    expect(v).toMatchObject({ ok: false, brokenAt: 5 });
    // Swapping the sequence numbers too leaves the links broken.
    const renumbered = swapped.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verify(renumbered, head)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('detects a duplicated entry', () => {
    const dup = [...chain.slice(0, 6), chain[5]!, ...chain.slice(6)];
    const v = verify(dup, head);
    expect(v).toMatchObject({ ok: false, brokenAt: 6 });
    expect(v.reason).toMatch(/out of order/);
  });

  it('detects truncation against the recorded head', () => {
    const cut = chain.slice(0, 9);
    expect(verify(cut, null).ok).toBe(true); // without a head, a prefix looks fine…
    const v = verify(cut, head); // …the head says there were 12
    expect(v).toMatchObject({ ok: false, brokenAt: 10 });
    expect(v.reason).toMatch(/entries after 9 are missing: the chain head records 12/);
  });

  it('detects a head that does not match the last entry', () => {
    expect(verify(chain, { seq: 12, hash: 'f'.repeat(64) })).toMatchObject({ ok: false, brokenAt: 12 });
    expect(verify(chain, { seq: 11, hash: chain[10]!.hash })).toMatchObject({ ok: false, brokenAt: 11 });
  });

  it('detects a chain rebuilt from the start after an edit, against a head kept elsewhere', () => {
    const rebuilt: StoredEvent[] = [];
    let prev = GENESIS_HASH;
    for (const e of chain) {
      const fields = e.seq === 3 ? { ...e, after: { name: '改写' } } : e;
      const hash = computeEventHash(prev, fields);
      rebuilt.push({ ...fields, prevHash: prev, hash });
      prev = hash;
    }
    expect(verify(rebuilt, headOf(rebuilt)).ok).toBe(true);
    expect(verify(rebuilt, head)).toMatchObject({ ok: false, brokenAt: 12 });
  });

  it('detects any single-field change anywhere', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<keyof ChainedFields>('actorId', 'action', 'entity', 'entityId', 'orgPath', 'requestId', 'ip'),
        fc.string({ minLength: 1, maxLength: 8 }),
        (seq, field, value) => {
          const target = chain[seq - 1]!;
          fc.pre(target[field] !== value);
          const edited = chain.map((e) => (e.seq === seq ? { ...e, [field]: value } : e));
          expect(verify(edited, head)).toMatchObject({ ok: false, brokenAt: seq });
        },
      ),
    );
  });
});
