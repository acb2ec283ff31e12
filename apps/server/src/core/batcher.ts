/**
 * Group commit for hot single-row statements (a check-in burst, the session lookup of every request): callers ask
 * for one item; while `maxInFlight` batches are already at the database, later callers queue and leave together
 * in the next batch. An idle system therefore sends every request on its own at once (no added latency), and a
 * busy one sends one statement for many requests — each round trip to the database costs the server far more than
 * the rows in it.
 *
 * `run` answers every item of a batch in order. When a whole batch fails, its items are retried one by one, so a
 * single bad item cannot fail its neighbours.
 */
export type Batcher<I, O> = { submit(item: I): Promise<O> };

export function createBatcher<I, O>(
  run: (items: I[]) => Promise<O[]>,
  opts: { maxInFlight?: number; maxBatch?: number } = {},
): Batcher<I, O> {
  const maxInFlight = opts.maxInFlight ?? 2;
  const maxBatch = opts.maxBatch ?? 200;
  type Waiting = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let inFlight = 0;

  async function runAlone(w: Waiting): Promise<void> {
    try {
      const [out] = await run([w.item]);
      w.resolve(out as O);
    } catch (err) {
      w.reject(err);
    }
  }

  async function send(batch: Waiting[]): Promise<void> {
    try {
      if (batch.length === 1) return await runAlone(batch[0]!);
      let outs: O[];
      try {
        outs = await run(batch.map((w) => w.item));
      } catch {
        for (const w of batch) await runAlone(w);
        return;
      }
      batch.forEach((w, i) => {
        w.resolve(outs[i] as O);
      });
    } finally {
      inFlight -= 1;
      pump();
    }
  }

  function pump(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      inFlight += 1;
      void send(batch);
    }
  }

  return {
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
  };
}
