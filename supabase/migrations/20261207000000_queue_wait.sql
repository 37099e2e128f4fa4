-- Waits until a message of the pgmq queue `p_queue` is due, for at most p_max_ms, and sets
-- `due` to whether one is. An idle dispatcher waits here between its claims, as
-- pgmq.read_with_poll waits: one look at the queue's vt index every 10 ms. A burst then waits
-- 10 ms at most, where it waited up to 100 ms for the next claim; claiming every few
-- milliseconds instead would cost far more (a claim renews the dispatcher lease, a row update),
-- and so would asking from the dispatcher each time (a Deno wake-up and a round trip each).
--
-- A procedure, and each look its own transaction: between looks it holds no lock on the queue
-- and no snapshot. A function (one statement) holds its snapshot for the whole wait, and so
-- holds the database's xmin horizon back: no table's newly dead rows could be cleaned up (nor
-- their index entries skipped as dead) until the wait ended, whatever else the database runs.
-- Hence also no SECURITY DEFINER or SET (a procedure with either cannot commit): it runs with the
-- caller's rights, and names everything by schema. CALL it on its own, not in a transaction.
-- Messages waiting on a retry's backoff are not due.
create or replace procedure app.queue_wait(p_queue text, p_max_ms int, inout due boolean default null)
language plpgsql as $$
declare
  v_look text := format('select exists (select 1 from pgmq.%I where vt <= pg_catalog.clock_timestamp())', 'q_' || p_queue);
  v_until timestamptz := pg_catalog.clock_timestamp() + pg_catalog.make_interval(secs => greatest(p_max_ms, 0) / 1000.0);
begin
  loop
    -- the dispatcher's queue is looked at with a plan kept for the session; any other is
    -- planned again at each look, about 0.1 ms more (1% of a core at 100 looks a second)
    if p_queue = 'webhooks' then
      due := exists (select 1 from pgmq.q_webhooks where vt <= pg_catalog.clock_timestamp());
    else
      execute v_look into due;
    end if;
    commit;
    exit when due or pg_catalog.clock_timestamp() >= v_until;
    perform pg_catalog.pg_sleep(0.01);
  end loop;
end
$$;
