import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('createBatcher (group commit)', () => {
  it('sends a lone request at once, on its own', async () => {
    const calls: number[][] = [];
    const b = createBatcher(async (xs: number[]) => {
      calls.push(xs);
      return xs.map((x) => x * 2);
    });
    expect(await b.submit(21)).toBe(42);
    expect(calls).toEqual([[21]]);
  });

  it('queues requests while the batches in flight are busy and sends them together', async () => {
    const calls: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const b = createBatcher(
      async (xs: number[]) => {
        calls.push(xs);
        if (calls.length === 1) await gate;
        return xs.map((x) => x + 1);
      },
      { maxInFlight: 1 },
    );
    const first = b.submit(0);
    const rest = Array.from({ length: 9 }, (_, i) => b.submit(i + 1));
    await tick();
    expect(calls).toEqual([[0]]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(calls).toEqual([[0], [1, 2, 3, 4, 5, 6, 7, 8, 9]]);
  });

  it('never sends more than maxBatch items in one batch', async () => {
    const sizes: number[] = [];
    const b = createBatcher(
      async (xs: number[]) => {
        sizes.push(xs.length);
        await tick();
        return xs;
      },
      { maxInFlight: 1, maxBatch: 4 },
    );
    await Promise.all(Array.from({ length: 14 }, (_, i) => b.submit(i)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4);
    expect(sizes.reduce((a, c) => a + c, 0)).toBe(14);
  });

  it('retries a failed batch one by one, so only the bad item fails', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let calls = 0;
    const b = createBatcher(
      async (xs: number[]) => {
        calls += 1;
        if (calls === 1) await gate;
        if (xs.includes(13)) throw new Error(`bad ${xs.join(',')}`);
        return xs.map((x) => -x);
      },
      { maxInFlight: 1 },
    );
    const first = b.submit(1);
    const batch = [12, 13, 14].map((x) => b.submit(x));
    release();
    expect(await first).toBe(-1);
    const settled = await Promise.allSettled(batch);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[0] as PromiseFulfilledResult<number>).value).toBe(-12);
    expect(String((settled[1] as PromiseRejectedResult).reason)).toContain('bad 13');
  });

  it('answers every caller with its own result under any arrival pattern', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer(), fc.nat(3)), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 10 }),
        async (arrivals, maxInFlight, maxBatch) => {
          const b = createBatcher(
            async (xs: number[]) => {
              await tick();
              return xs.map((x) => `v${x}`);
            },
            { maxInFlight, maxBatch },
          );
          const answers: Promise<string>[] = [];
          for (const [value, pause] of arrivals) {
            answers.push(b.submit(value));
            for (let i = 0; i < pause; i++) await Promise.resolve();
          }
          expect(await Promise.all(answers)).toEqual(arrivals.map(([v]) => `v${v}`));
        },
      ),
      { numRuns: 60 },
    );
  });
});
