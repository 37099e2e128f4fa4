// Natural batching, as databases do group commit: while `concurrency` calls are in flight, new
// items wait and go out together in the next call. Alone, an item goes at once in a batch of
// one; under load, one statement serves many requests and each pays a fraction of a round trip.
// An item is always answered by a call that starts after it arrived, so a batch never answers
// with data older than its requests: a client that wrote and then reads sees its write.
//
// A `run`'s statement should fail, if it fails, before it sends a row: aggregate the answers,
// or end in a blocking sort (`order by`). postgres.js 3.4 hands the next query on a connection
// a sparse result when the query before it failed after sending rows (porsager/postgres#1119).

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (error: unknown) => void;
}

export interface BatchOptions {
  /** calls in flight at once; keep it within the database pool */
  concurrency: number;
  /** most items in one call */
  maxBatch?: number;
}

/** Wraps `run` (items in, one answer per item out, in order) as a function of one item. */
export function batched<I, O>(run: (items: I[]) => Promise<O[]>, opts: BatchOptions): (item: I) => Promise<O> {
  const maxBatch = opts.maxBatch ?? 256;
  const waiting: Waiting<I, O>[] = [];
  let inFlight = 0;

  async function answers(items: I[]): Promise<O[]> {
    const out = await run(items);
    if (out.length !== items.length) throw new Error(`a batch of ${items.length} came back with ${out.length} answers`);
    return out;
  }

  async function call(batch: Waiting<I, O>[]) {
    let out: O[];
    try {
      out = await answers(batch.map((w) => w.item));
    } catch (error) {
      try {
        if (batch.length === 1) return batch[0].reject(error);
        // One bad item must not fail the others: each again, alone.
        await Promise.all(batch.map((w) => answers([w.item]).then(([out]) => w.resolve(out), w.reject)));
      } finally {
        release();
      }
      return;
    }
    // The next batch goes out before this one's answers are handed on: the database works on it
    // while this process finishes these requests, instead of each waiting for the other.
    release();
    batch.forEach((w, i) => w.resolve(out[i]));
  }

  function release() {
    inFlight--;
    pump();
  }

  function pump() {
    while (inFlight < opts.concurrency && waiting.length) {
      const batch = waiting.splice(0, maxBatch);
      inFlight++;
      void call(batch);
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      pump();
    });
}
