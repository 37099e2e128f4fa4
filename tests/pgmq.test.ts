// Contract tests for pgmq: the semantics our code relies on, checked against a real PostgreSQL
// where `pgmq` is either the real extension (hosted Supabase, `supabase start`) or our
// pure-SQL implementation (scripts/sql/pgmq.sql). Everything here must hold on every pgmq
// version Supabase runs (1.4.4 and later), so columns are always named (newer versions add
// some, e.g. headers and last_read_at) and every argument is cast (newer versions overload
// send, send_batch and set_vt). The database is shared with other test files: each queue here
// has a random suffix and is dropped at the end.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, test, vi } from "vitest";

const databaseUrl = inject("databaseUrl");
const sql = postgres(databaseUrl, { max: 10, onnotice: () => {}, connection: { application_name: "pgmq-contract-tests" } });

const suffix = randomBytes(4).toString("hex");
const queues = new Set<string>();
/** A real pgmq is installed, as the extension or as plain SQL (rather than scripts/sql/pgmq.sql, which marks its schema). */
let isExtension = false;

interface Message {
  msg_id: number;
  read_ct: number;
  enqueued_at: Date;
  vt: Date;
  message: unknown;
}

/** The pool, a reserved connection or a transaction. */
type Db = postgres.ISql;

/** A new, empty queue, dropped in afterAll. */
async function newQueue(label: string): Promise<string> {
  const name = `t_${label}_${suffix}`;
  await sql`select pgmq.create(${name}::text)`;
  queues.add(name);
  return name;
}

async function dropQueue(name: string): Promise<boolean> {
  const [{ dropped }] = await sql`select pgmq.drop_queue(${name}::text) as dropped`;
  queues.delete(name);
  return dropped;
}

// JSON goes in as text cast to jsonb: a parameter the server types as jsonb, postgres.js would
// JSON-encode again.
async function send(q: string, msg: unknown, delay = 0): Promise<number> {
  const [{ id }] = await sql`select * from pgmq.send(${q}::text, ${JSON.stringify(msg)}::text::jsonb, ${delay}::int) as id`;
  return Number(id);
}

async function sendBatch(q: string, msgs: unknown[], delay = 0): Promise<number[]> {
  const rows = await sql`
    select * from pgmq.send_batch(${q}::text, ${msgs.map((m) => JSON.stringify(m))}::text[]::jsonb[], ${delay}::int) as id`;
  return rows.map((r) => Number(r.id));
}

function toMessages(rows: readonly Record<string, unknown>[]): Message[] {
  return rows
    .map((r) => ({ ...(r as unknown as Message), msg_id: Number(r.msg_id) }))
    .sort((a, b) => a.msg_id - b.msg_id);
}

async function read(q: string, vt: number, qty: number, db: Db = sql): Promise<Message[]> {
  return toMessages(
    await db`select msg_id, read_ct, enqueued_at, vt, message from pgmq.read(${q}::text, ${vt}::int, ${qty}::int)`,
  );
}

async function setVt(q: string, id: number, vt: number): Promise<Message[]> {
  return toMessages(
    await sql`select msg_id, read_ct, enqueued_at, vt, message from pgmq.set_vt(${q}::text, ${id}::bigint, ${vt}::int)`,
  );
}

interface Metrics {
  queue_name: string;
  queue_length: number;
  newest_msg_age_sec: number | null;
  oldest_msg_age_sec: number | null;
  total_messages: number;
  scrape_time: Date;
}

async function metrics(q: string): Promise<Metrics> {
  const [m] = await sql`
    select queue_name, queue_length, newest_msg_age_sec, oldest_msg_age_sec, total_messages, scrape_time
    from pgmq.metrics(${q}::text)`;
  return { ...m, queue_length: Number(m.queue_length), total_messages: Number(m.total_messages) } as Metrics;
}

/** The queue's table, schema-qualified (queue names here are lowercase, like pgmq's tables). */
const qTable = (q: string) => sql(`pgmq.q_${q}`);
const aTable = (q: string) => sql(`pgmq.a_${q}`);

async function tableExists(name: string): Promise<boolean> {
  const [{ exists }] = await sql`select to_regclass(${name}::text) is not null as exists`;
  return exists;
}

/** Rejected by the server; resolves to the error message. */
async function rejection(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected the query to fail");
}

beforeAll(async () => {
  // every real pgmq, extension or plain SQL, has create_partitioned; ours has not (nor its mark)
  const [row] = await sql`select exists (select 1 from pg_proc where proname = 'create_partitioned' and pronamespace = 'pgmq'::regnamespace) as real`;
  isExtension = row.real;
});

afterAll(async () => {
  for (const q of queues) await sql`select pgmq.drop_queue(${q}::text)`.catch(() => {});
  await sql.end({ timeout: 5 });
});

describe("pgmq API shape", () => {
  test("functions have pgmq's argument and return types", async () => {
    const expected: Record<string, string> = {
      "pgmq.create(text)": "void",
      "pgmq.send(text,jsonb,integer)": "SETOF bigint",
      "pgmq.send_batch(text,jsonb[],integer)": "SETOF bigint",
      "pgmq.archive(text,bigint)": "boolean",
      "pgmq.archive(text,bigint[])": "SETOF bigint",
      "pgmq.delete(text,bigint)": "boolean",
      "pgmq.delete(text,bigint[])": "SETOF bigint",
      "pgmq.set_vt(text,bigint,integer)": "SETOF pgmq.message_record",
      "pgmq.metrics(text)": "pgmq.metrics_result",
      "pgmq.metrics_all()": "SETOF pgmq.metrics_result",
      "pgmq.list_queues()": "SETOF pgmq.queue_record",
      "pgmq.purge_queue(text)": "bigint",
    };
    const rows = await sql`
      select sig, pg_get_function_result(to_regprocedure(sig)) as result
      from unnest(${Object.keys(expected)}::text[]) as sig`;
    expect(Object.fromEntries(rows.map((r) => [r.sig, r.result]))).toEqual(expected);
  });

  test("functions take pgmq's argument names", async () => {
    const q = await newQueue("named");
    const [{ id }] = await sql`
      select * from pgmq.send(queue_name => ${q}::text, msg => '{"n": 1}'::jsonb, delay => 0) as id`;
    const batch = await sql`
      select * from pgmq.send_batch(queue_name => ${q}::text, msgs => array['{"n": 2}']::jsonb[], delay => 0) as id`;
    const got = await sql`
      select msg_id from pgmq.read(queue_name => ${q}::text, vt => 30, qty => 1)`;
    expect(Number(got[0].msg_id)).toBe(Number(id));
    const vt = await sql`
      select msg_id from pgmq.set_vt(queue_name => ${q}::text, msg_id => ${id}::bigint, vt => 0)`;
    expect(vt).toHaveLength(1);
    const [{ archived }] = await sql`
      select pgmq.archive(queue_name => ${q}::text, msg_id => ${id}::bigint) as archived`;
    expect(archived).toBe(true);
    const deleted = await sql`
      select * from pgmq.delete(queue_name => ${q}::text, msg_ids => array[${batch[0].id}::bigint]) as id`;
    expect(deleted.map((r) => r.id)).toEqual([batch[0].id]);
    const [m] = await sql`select queue_length from pgmq.metrics(queue_name => ${q}::text)`;
    expect(Number(m.queue_length)).toBe(0);
    const [{ purged }] = await sql`select pgmq.purge_queue(queue_name => ${q}::text) as purged`;
    expect(Number(purged)).toBe(0);
  });

  test("types have pgmq's columns", async () => {
    const rows = await sql`
      select t.typname, a.attname, format_type(a.atttypid, a.atttypmod) as type
      from pg_type t
      join pg_namespace n on n.oid = t.typnamespace
      join pg_attribute a on a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'pgmq' and t.typname in ('message_record', 'metrics_result', 'queue_record')
      order by t.typname, a.attnum`;
    const columns = (typname: string) =>
      Object.fromEntries(rows.filter((r) => r.typname === typname).map((r) => [r.attname, r.type]));
    // Newer pgmq versions add columns (headers, last_read_at, queue_visible_length); these stay.
    expect(columns("message_record")).toMatchObject({
      msg_id: "bigint",
      read_ct: "integer",
      enqueued_at: "timestamp with time zone",
      vt: "timestamp with time zone",
      message: "jsonb",
    });
    expect(columns("metrics_result")).toMatchObject({
      queue_name: "text",
      queue_length: "bigint",
      newest_msg_age_sec: "integer",
      oldest_msg_age_sec: "integer",
      total_messages: "bigint",
      scrape_time: "timestamp with time zone",
    });
    expect(columns("queue_record")).toEqual({
      queue_name: "character varying",
      is_partitioned: "boolean",
      is_unlogged: "boolean",
      created_at: "timestamp with time zone",
    });
  });
});

describe("queue management", () => {
  test("create makes pgmq's q_ and a_ tables; list_queues lists the queue", async () => {
    const q = await newQueue("create");
    const cols = await sql`
      select table_name, column_name, data_type, is_nullable, column_default, is_identity, identity_generation
      from information_schema.columns
      where table_schema = 'pgmq' and table_name in (${`q_${q}`}, ${`a_${q}`})`;
    const layout = (table: string) =>
      Object.fromEntries(cols.filter((c) => c.table_name === table).map((c) => [c.column_name, c]));
    expect(layout(`q_${q}`)).toMatchObject({
      msg_id: { data_type: "bigint", is_nullable: "NO", is_identity: "YES", identity_generation: "ALWAYS" },
      read_ct: { data_type: "integer", is_nullable: "NO", column_default: "0" },
      enqueued_at: { data_type: "timestamp with time zone", is_nullable: "NO", column_default: "now()" },
      vt: { data_type: "timestamp with time zone", is_nullable: "NO" },
      message: { data_type: "jsonb" },
    });
    expect(layout(`a_${q}`)).toMatchObject({
      msg_id: { data_type: "bigint", is_nullable: "NO" },
      read_ct: { data_type: "integer", is_nullable: "NO" },
      enqueued_at: { data_type: "timestamp with time zone", is_nullable: "NO" },
      archived_at: { data_type: "timestamp with time zone", is_nullable: "NO", column_default: "now()" },
      vt: { data_type: "timestamp with time zone", is_nullable: "NO" },
      message: { data_type: "jsonb" },
    });

    const indexes = await sql`
      select tablename, indexdef from pg_indexes where schemaname = 'pgmq' and tablename in (${`q_${q}`}, ${`a_${q}`})`;
    const defs = (table: string) => indexes.filter((i) => i.tablename === table).map((i) => i.indexdef as string);
    expect(defs(`q_${q}`).some((d) => /\(msg_id\)/.test(d) && /UNIQUE/.test(d))).toBe(true);
    expect(defs(`q_${q}`).some((d) => /\(vt\)/.test(d))).toBe(true);
    expect(defs(`a_${q}`).some((d) => /\(archived_at\)/.test(d))).toBe(true);

    const listed = await sql`
      select queue_name, is_partitioned, is_unlogged, created_at from pgmq.list_queues() where queue_name = ${q}`;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ queue_name: q, is_partitioned: false, is_unlogged: false });
    expect(listed[0].created_at).toBeInstanceOf(Date);
  });

  test("create on an existing queue is a no-op that keeps its messages", async () => {
    const q = await newQueue("recreate");
    const id = await send(q, { keep: true });
    await sql`select pgmq.create(${q}::text)`;
    const listed = await sql`select queue_name from pgmq.list_queues() where queue_name = ${q}`;
    expect(listed).toHaveLength(1);
    expect((await read(q, 30, 10)).map((m) => m.msg_id)).toEqual([id]);
  });

  test("drop_queue drops both tables and the meta row; a missing queue is not dropped", async () => {
    const q = await newQueue("drop");
    await send(q, { x: 1 });
    expect(await dropQueue(q)).toBe(true);
    expect(await tableExists(`pgmq.q_${q}`)).toBe(false);
    expect(await tableExists(`pgmq.a_${q}`)).toBe(false);
    expect(await sql`select 1 from pgmq.list_queues() where queue_name = ${q}`).toHaveLength(0);

    // pgmq >= 1.5.1 (and ours) return false with a notice; 1.4.4 raised "relation does not exist".
    const again = await sql`select pgmq.drop_queue(${q}::text) as dropped`.then(
      (rows) => rows[0].dropped as boolean,
      () => "error" as const,
    );
    if (isExtension) expect([false, "error"]).toContain(again);
    else expect(again).toBe(false);
  });

  test("purge_queue deletes every message, returns how many, and keeps the archive", async () => {
    const q = await newQueue("purge");
    const ids = await sendBatch(q, [{ a: 1 }, { a: 2 }, { a: 3 }]);
    await sql`select pgmq.archive(${q}::text, ${ids[0]}::bigint)`;
    const [{ purged }] = await sql`select pgmq.purge_queue(${q}::text) as purged`;
    expect(Number(purged)).toBe(2);
    expect((await metrics(q)).queue_length).toBe(0);
    expect(await sql`select msg_id from ${aTable(q)}`).toHaveLength(1);
    const [{ again }] = await sql`select pgmq.purge_queue(${q}::text) as again`;
    expect(Number(again)).toBe(0);
  });
});

describe("sending and reading", () => {
  test("send returns increasing ids; send_batch returns one id per message, in order", async () => {
    const q = await newQueue("send");
    const a = await send(q, { i: 0 });
    const b = await send(q, { i: 1 });
    expect(b).toBeGreaterThan(a);
    const batch = await sendBatch(q, [{ i: 2 }, { i: 3 }, { i: 4 }]);
    expect(batch).toHaveLength(3);
    expect(batch[0]).toBeGreaterThan(b);
    expect([...batch].sort((x, y) => x - y)).toEqual(batch);

    const messages = await read(q, 30, 10);
    expect(messages.map((m) => m.msg_id)).toEqual([a, b, ...batch]);
    expect(messages.map((m) => m.message)).toEqual([0, 1, 2, 3, 4].map((i) => ({ i })));
    for (const m of messages) {
      expect(m.read_ct).toBe(1);
      expect(m.enqueued_at).toBeInstanceOf(Date);
    }
  });

  test("a delayed message stays invisible until due; read_with_poll waits for it", async () => {
    const q = await newQueue("delay");
    const sentAt = Date.now();
    const id = await send(q, { later: true }, 1);
    expect(await read(q, 30, 10)).toEqual([]);
    expect((await metrics(q)).queue_length).toBe(1);

    const polled = toMessages(await sql`
      select msg_id, read_ct, enqueued_at, vt, message
      from pgmq.read_with_poll(${q}::text, ${30}::int, ${1}::int, ${3}::int, ${50}::int)`);
    const elapsed = Date.now() - sentAt;
    expect(polled.map((m) => m.msg_id)).toEqual([id]);
    expect(polled[0].read_ct).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2900);
  });

  test("read returns at most qty messages, oldest first, and hides them for vt seconds", async () => {
    const q = await newQueue("read");
    const ids = await sendBatch(q, [{ n: 1 }, { n: 2 }, { n: 3 }]);

    const first = await read(q, 1, 2);
    expect(first.map((m) => m.msg_id)).toEqual(ids.slice(0, 2));
    for (const m of first) {
      expect(m.read_ct).toBe(1);
      expect(m.vt.getTime()).toBeGreaterThan(Date.now() + 200);
      expect(m.vt.getTime()).toBeLessThan(Date.now() + 2000);
    }
    const second = await read(q, 1, 5);
    expect(second.map((m) => m.msg_id)).toEqual([ids[2]]);
    expect(await read(q, 1, 5)).toEqual([]);
    expect((await metrics(q)).queue_length).toBe(3);

    // once their visibility timeout has passed, all three are visible again
    await vi.waitFor(async () => {
      const [{ visible }] = await sql`select count(*)::int as visible from ${qTable(q)} where vt <= clock_timestamp()`;
      expect(visible).toBe(3);
    }, { timeout: 5000, interval: 50 });
    const again = await read(q, 30, 5);
    expect(again.map((m) => m.msg_id)).toEqual(ids);
    expect(again.map((m) => m.read_ct)).toEqual([2, 2, 2]);
    expect(again.map((m) => m.message)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  test("read with vt 0 leaves the message visible", async () => {
    const q = await newQueue("vt0");
    const id = await send(q, {});
    expect((await read(q, 0, 1)).map((m) => m.read_ct)).toEqual([1]);
    const again = await read(q, 0, 1);
    expect(again.map((m) => [m.msg_id, m.read_ct])).toEqual([[id, 2]]);
  });

  test("set_vt changes when a message is visible and returns it; a missing id returns nothing", async () => {
    const q = await newQueue("setvt");
    const id = await send(q, { s: 1 });
    await read(q, 30, 1);
    expect(await read(q, 30, 1)).toEqual([]);

    const visible = await setVt(q, id, 0);
    expect(visible.map((m) => [m.msg_id, m.read_ct, m.message])).toEqual([[id, 1, { s: 1 }]]);
    expect(visible[0].vt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    const reread = await read(q, 30, 1);
    expect(reread.map((m) => [m.msg_id, m.read_ct])).toEqual([[id, 2]]);

    await setVt(q, id, 0);
    const hidden = await setVt(q, id, 60);
    expect(hidden[0].vt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await read(q, 30, 1)).toEqual([]);

    expect(await setVt(q, id + 1000, 10)).toEqual([]);
  });

  test("pop returns the oldest visible message and deletes it", async () => {
    const q = await newQueue("pop");
    const [a, b] = await sendBatch(q, [{ p: "a" }, { p: "b" }]);
    await read(q, 30, 1); // hides a
    const popped = toMessages(await sql`select msg_id, read_ct, enqueued_at, vt, message from pgmq.pop(${q}::text)`);
    expect(popped.map((m) => [m.msg_id, m.message])).toEqual([[b, { p: "b" }]]);
    expect(await sql`select msg_id from pgmq.pop(${q}::text)`).toHaveLength(0);
    expect((await sql`select msg_id from ${qTable(q)}`).map((r) => Number(r.msg_id))).toEqual([a]);
  });

  test("concurrent readers in open transactions never get the same message (SKIP LOCKED)", async () => {
    const q = await newQueue("concurrent");
    const ids = await sendBatch(q, Array.from({ length: 10 }, (_, i) => ({ i })));

    const a = await sql.reserve();
    const b = await sql.reserve();
    try {
      await a`begin`;
      await b`begin`;
      // Were the rows locked by `a` waited for instead of skipped, this would fail, not hang.
      await b`set local lock_timeout = '3s'`;
      const gotA = await read(q, 30, 4, a);
      const gotB = await read(q, 30, 4, b);
      expect(gotA.map((m) => m.msg_id)).toEqual(ids.slice(0, 4));
      expect(gotB.map((m) => m.msg_id)).toEqual(ids.slice(4, 8));
      await a`rollback`; // a's messages become visible again, unread
      await b`commit`;
    } finally {
      await a`rollback`.catch(() => {});
      await b`rollback`.catch(() => {});
      a.release();
      b.release();
    }
    const rest = await read(q, 30, 10);
    expect(rest.map((m) => m.msg_id)).toEqual([...ids.slice(0, 4), ...ids.slice(8)]);
    expect(rest.map((m) => m.read_ct)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  test("many simultaneous readers split the messages without duplicates", async () => {
    const q = await newQueue("many");
    const ids = await sendBatch(q, Array.from({ length: 20 }, (_, i) => ({ i })));
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        sql.begin(async (tx) => {
          await tx`set local lock_timeout = '3s'`;
          const got = await read(q, 30, 3, tx);
          await tx`select pg_sleep(0.2)`; // hold the row locks while the others read
          return got.map((m) => m.msg_id);
        }),
      ),
    );
    const all = results.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(18);
    for (const id of all) expect(ids).toContain(id);
  });

  test("message bodies round-trip unchanged", async () => {
    const q = await newQueue("body");
    const body = { quote: "'); drop table pgmq.meta; --", dollar: "$$ $q$", unicode: "žluťoučký 🐘", n: [1, 2.5, null, true] };
    const id = await send(q, body);
    const [m] = await read(q, 30, 1);
    expect(m.msg_id).toBe(id);
    expect(m.message).toEqual(body);
  });
});

describe("archive and delete", () => {
  test("archive moves a message to a_<queue> with archived_at; a missing id returns false", async () => {
    const q = await newQueue("archive");
    const ids = await sendBatch(q, [{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }]);
    const [readMsg] = await read(q, 30, 1);

    const [{ ok }] = await sql`select pgmq.archive(${q}::text, ${ids[0]}::bigint) as ok`;
    expect(ok).toBe(true);
    const [{ again }] = await sql`select pgmq.archive(${q}::text, ${ids[0]}::bigint) as again`;
    expect(again).toBe(false);

    const archived = await sql`
      select msg_id, read_ct, enqueued_at, archived_at, vt, message from ${aTable(q)} where msg_id = ${ids[0]}::bigint`;
    expect(archived).toHaveLength(1);
    expect(archived[0]).toMatchObject({ read_ct: 1, message: { a: 1 } });
    expect(archived[0].enqueued_at.getTime()).toBe(readMsg.enqueued_at.getTime());
    expect(archived[0].vt.getTime()).toBe(readMsg.vt.getTime());
    expect(archived[0].archived_at).toBeInstanceOf(Date);
    expect(Math.abs(archived[0].archived_at.getTime() - Date.now())).toBeLessThan(10_000);
    expect(await sql`select 1 from ${qTable(q)} where msg_id = ${ids[0]}::bigint`).toHaveLength(0);

    const many = await sql`
      select * from pgmq.archive(${q}::text, ${[ids[1], ids[2], ids[3] + 1000]}::bigint[]) as id`;
    expect(many.map((r) => Number(r.id)).sort((x, y) => x - y)).toEqual([ids[1], ids[2]]);
    expect((await metrics(q)).queue_length).toBe(1);
    expect(await sql`select msg_id from ${aTable(q)}`).toHaveLength(3);
  });

  test("delete removes one message or an array of them, reporting which existed", async () => {
    const q = await newQueue("delete");
    const ids = await sendBatch(q, [{ d: 1 }, { d: 2 }, { d: 3 }, { d: 4 }]);

    const [{ ok }] = await sql`select pgmq.delete(${q}::text, ${ids[0]}::bigint) as ok`;
    expect(ok).toBe(true);
    const [{ again }] = await sql`select pgmq.delete(${q}::text, ${ids[0]}::bigint) as again`;
    expect(again).toBe(false);

    const many = await sql`
      select * from pgmq.delete(${q}::text, ${[ids[1], ids[2], ids[3] + 1000]}::bigint[]) as id`;
    expect(many.map((r) => Number(r.id)).sort((x, y) => x - y)).toEqual([ids[1], ids[2]]);
    expect((await read(q, 30, 10)).map((m) => m.msg_id)).toEqual([ids[3]]);
    expect(await sql`select msg_id from ${aTable(q)}`).toHaveLength(0);
  });
});

describe("metrics", () => {
  test("metrics of an empty queue", async () => {
    const q = await newQueue("empty");
    const m = await metrics(q);
    expect(m).toMatchObject({
      queue_name: q,
      queue_length: 0,
      newest_msg_age_sec: null,
      oldest_msg_age_sec: null,
      total_messages: 0,
    });
    expect(m.scrape_time).toBeInstanceOf(Date);
  });

  test("queue_length, total_messages (ever sent) and message ages", async () => {
    const q = await newQueue("metrics");
    const ids = await sendBatch(q, [1, 2, 3, 4, 5].map((n) => ({ n })));
    await sql`select * from pgmq.delete(${q}::text, ${ids.slice(0, 2)}::bigint[])`;
    await read(q, 30, 1); // read messages still count
    await sql`update ${qTable(q)} set enqueued_at = now() - interval '100 seconds' where msg_id = ${ids[2]}::bigint`;

    const m = await metrics(q);
    expect(m.queue_name).toBe(q);
    expect(m.queue_length).toBe(3);
    expect(m.total_messages).toBe(5);
    expect(m.oldest_msg_age_sec).toBeGreaterThanOrEqual(99);
    expect(m.oldest_msg_age_sec).toBeLessThanOrEqual(102);
    expect(m.newest_msg_age_sec).toBeGreaterThanOrEqual(0);
    expect(m.newest_msg_age_sec).toBeLessThanOrEqual(2);
    expect(Math.abs(m.scrape_time.getTime() - Date.now())).toBeLessThan(10_000);

    await sql`select pgmq.purge_queue(${q}::text)`;
    expect(await metrics(q)).toMatchObject({ queue_length: 0, total_messages: 5 });
    await send(q, {});
    expect(await metrics(q)).toMatchObject({ queue_length: 1, total_messages: 6 });
  });

  test("metrics_all has a row for every queue", async () => {
    const q1 = await newQueue("all_one");
    const q2 = await newQueue("all_two");
    await sendBatch(q1, [{}, {}]);
    await send(q2, {});
    // Another test file dropping a queue mid-call can make real pgmq's metrics_all fail: retry.
    const metricsAll = async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await sql`select queue_name, queue_length, total_messages from pgmq.metrics_all()`;
        } catch (e) {
          if (attempt >= 3) throw e;
        }
      }
    };
    const rows = await metricsAll();
    const byName = new Map(rows.map((r) => [r.queue_name, r]));
    expect(Number(byName.get(q1)?.queue_length)).toBe(2);
    expect(Number(byName.get(q1)?.total_messages)).toBe(2);
    expect(Number(byName.get(q2)?.queue_length)).toBe(1);
    const listed = await sql`select queue_name from pgmq.list_queues()`;
    for (const { queue_name } of listed.filter((r) => queues.has(r.queue_name))) {
      expect(byName.has(queue_name)).toBe(true);
    }
  });
});

describe("queue names", () => {
  test("names with $ ; -- ' or longer than 47 characters are rejected", async () => {
    const long = `t_${suffix}_`.padEnd(48, "x");
    for (const name of [`bad;name_${suffix}`, `bad'name_${suffix}`, `bad--name_${suffix}`, `bad$name_${suffix}`, long]) {
      await rejection(sql`select pgmq.create(${name}::text)`);
      await rejection(sql`select * from pgmq.send(${name}::text, '{}'::jsonb, 0)`);
      await rejection(sql`select * from pgmq.read(${name}::text, 30, 1)`);
    }
    expect(await tableExists(`pgmq.q_${long}`)).toBe(false);
    expect(await sql`select 1 from pgmq.meta where queue_name like ${`%${suffix}%`} and length(queue_name) > 47`).toHaveLength(0);
  });

  test("a 47-character name works end to end", async () => {
    const name = `t_max_${suffix}_`.padEnd(47, "x");
    await sql`select pgmq.create(${name}::text)`;
    queues.add(name);
    const id = await send(name, { max: true });
    expect((await read(name, 30, 1)).map((m) => m.msg_id)).toEqual([id]);
    expect(await metrics(name)).toMatchObject({ queue_length: 1, total_messages: 1 });
    expect(await dropQueue(name)).toBe(true);
  });

  test("table names are lowercased; pgmq.meta keeps the name as given", async () => {
    const name = `T_Upper_${suffix}`;
    await sql`select pgmq.create(${name}::text)`;
    queues.add(name);
    expect(await tableExists(`pgmq.q_${name.toLowerCase()}`)).toBe(true);
    expect(await sql`select 1 from pgmq.list_queues() where queue_name = ${name}`).toHaveLength(1);
    const id = await send(name, {});
    expect((await read(name, 30, 1)).map((m) => m.msg_id)).toEqual([id]);
    expect(await dropQueue(name)).toBe(true);
    expect(await tableExists(`pgmq.q_${name.toLowerCase()}`)).toBe(false);
  });

  test("our implementation accepts only letters, digits and underscores", async ({ skip }) => {
    if (isExtension) skip("the real pgmq accepts more characters");
    for (const name of ["", "has space", "my-queue", "dot.name", 'quote"name', "paren(x)", "žluť", "tab\tname"]) {
      const message = await rejection(sql`select pgmq.create(${name}::text)`);
      expect(message).toMatch(/queue name contains invalid characters/);
    }
    await rejection(sql`select pgmq.create(null::text)`);
  });

  test("a queue name cannot inject SQL", async () => {
    const canary = await newQueue("canary");
    const canaryId = await send(canary, { alive: true });
    const attacks = [
      `x; drop table pgmq.meta; --`,
      `x'); drop table pgmq.meta; --`,
      `x" cascade; drop table pgmq.meta; --`,
      `${canary}; drop table pgmq.${`q_${canary}`}`,
      `x$$; drop table pgmq.meta; $$`,
    ];
    for (const name of attacks) {
      await rejection(sql`select pgmq.create(${name}::text)`);
      await rejection(sql`select * from pgmq.send(${name}::text, '{}'::jsonb, 0)`);
      await rejection(sql`select * from pgmq.read(${name}::text, 30, 1)`);
      await rejection(sql`select pgmq.archive(${name}::text, 1::bigint)`);
      await rejection(sql`select pgmq.delete(${name}::text, 1::bigint)`);
      await rejection(sql`select * from pgmq.metrics(${name}::text)`);
      await rejection(sql`select pgmq.purge_queue(${name}::text)`);
      await rejection(sql`select pgmq.drop_queue(${name}::text)`);
    }
    expect(await tableExists("pgmq.meta")).toBe(true);
    expect(await tableExists(`pgmq.q_${canary}`)).toBe(true);
    expect(await sql`select 1 from pgmq.list_queues() where queue_name = ${canary}`).toHaveLength(1);
    expect((await read(canary, 30, 1)).map((m) => m.msg_id)).toEqual([canaryId]);
  });
});
