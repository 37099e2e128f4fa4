-- Waits until a webhook message is due, for at most p_max_ms; true if one is. An idle
-- dispatcher waits here between its claims, as pgmq.read_with_poll waits: a loop of one probe
-- of pgmq's vt index and a 5 ms sleep, inside Postgres. A burst then waits 5 ms at most, where
-- it waited up to 100 ms for the next claim; and a claim renews the dispatcher lease (a row
-- update) and plans pgmq.read's query anew, so claiming every few milliseconds would cost far
-- more, as would asking from the dispatcher each time (a Deno wake-up and a round trip). Volatile,
-- so that each probe sees what committed since the last. Messages waiting on a retry's backoff
-- are not due; held deliveries have no message.
create or replace function app.webhook_wait(p_max_ms int) returns boolean
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_until timestamptz := clock_timestamp() + make_interval(secs => greatest(p_max_ms, 0) / 1000.0);
begin
  loop
    if exists (select 1 from pgmq.q_webhooks where vt <= clock_timestamp()) then
      return true;
    end if;
    exit when clock_timestamp() >= v_until;
    perform pg_sleep(0.005);
  end loop;
  return false;
end
$$;
