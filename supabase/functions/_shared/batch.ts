// Natural batching, as databases do group commit: while `concurrency` calls are in flight, new
// items wait and go out together in the next call. Alone, an item goes at once in a batch of
// one; under load, one statement serves many requests and each pays a fraction of a round trip.
// An item is always answered by a call that starts after it arrived, so a batch never answers
// with data older than its requests: a client that wrote and then reads sees its write.
//
// A `run` should answer in ONE row (aggregate the answers in SQL): an error then arrives before
// any row. postgres.js 3.4 hands the next query on a connection a sparse result when the query
// before it failed after sending some rows (porsager/postgres#1119).

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (error: unknown) => void;
}

export interface BatchOptions<I> {
  /** calls in flight at once; keep it within the database pool */
  concurrency: number;
  /** most items in one call */
  maxBatch?: number;
  /** items with the same key are sent once per batch and share the answer */
  key?: (item: I) => string;
}

/** Wraps `run` (items in, one answer per item out, in order) as a function of one item. */
export function batched<I, O>(run: (items: I[]) => Promise<O[]>, opts: BatchOptions<I>): (item: I) => Promise<O> {
  const maxBatch = opts.maxBatch ?? 256;
  const waiting: Waiting<I, O>[] = [];
  let inFlight = 0;

  async function call(batch: Waiting<I, O>[]) {
    const groups = group(batch, opts.key);
    try {
      const out = await run(groups.map((g) => g[0].item));
      if (out.length !== groups.length) throw new Error(`a batch of ${groups.length} came back with ${out.length} answers`);
      groups.forEach((g, i) => g.forEach((w) => w.resolve(out[i])));
    } catch (error) {
      if (groups.length === 1) return groups[0].forEach((w) => w.reject(error));
      // One bad item must not fail the others: each group again, alone.
      await Promise.all(groups.map((g) =>
        run([g[0].item]).then(([out]) => g.forEach((w) => w.resolve(out)), (e) => g.forEach((w) => w.reject(e)))
      ));
    }
  }

  function pump() {
    while (inFlight < opts.concurrency && waiting.length) {
      const batch = waiting.splice(0, maxBatch);
      inFlight++;
      call(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      pump();
    });
}

function group<I, O>(batch: Waiting<I, O>[], key?: (item: I) => string): Waiting<I, O>[][] {
  if (!key) return batch.map((w) => [w]);
  const groups = new Map<string, Waiting<I, O>[]>();
  for (const w of batch) {
    const k = key(w.item);
    const g = groups.get(k);
    if (g) g.push(w);
    else groups.set(k, [w]);
  }
  return [...groups.values()];
}
