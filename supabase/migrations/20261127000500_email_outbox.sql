-- The email outbox: email is queued in the same transaction as the change it reports and sent
-- by the email-outbox function (SMTP), retried until it goes.
-- Rules: a claim lasts 2 minutes, so a crashed sender's emails are sent again; a failed send is
-- retried after 1 minute, doubling, at most 1 hour apart.

create table app.email_outbox (
  id               text primary key default app.new_id('eml'),
  organization_id  text references app.organizations on delete cascade,
  to_address       text not null check (to_address ~ '^[^@\s]+@[^@\s]+$'),
  subject          text not null check (length(subject) <= 300),
  body             text not null,
  created_at       timestamptz not null default now(),
  sent_at          timestamptz,
  attempts         int not null default 0,
  next_attempt_at  timestamptz not null default now(),
  locked_until     timestamptz,
  last_error       text
);
create index email_outbox_due on app.email_outbox (next_attempt_at) where sent_at is null;

-- Claims up to `p_qty` due emails for 2 minutes (a crashed sender's claim lapses).
create function app.email_outbox_claim(p_qty int) returns setof app.email_outbox
language sql security definer set search_path = '' as $$
  update app.email_outbox o set locked_until = now() + interval '2 minutes', attempts = o.attempts + 1
  from (select id from app.email_outbox
        where sent_at is null and next_attempt_at <= now() and (locked_until is null or locked_until < now())
        order by next_attempt_at limit p_qty for update skip locked) due
  where o.id = due.id
  returning o.*
$$;

-- Marks an email sent, or schedules another try (1 min doubling, at most 1 hour).
create function app.email_outbox_result(p_id text, p_error text) returns void
language sql security definer set search_path = '' as $$
  update app.email_outbox set
    sent_at = case when p_error is null then now() end,
    last_error = left(p_error, 1000),
    locked_until = null,
    next_attempt_at = case when p_error is null then next_attempt_at
                           else now() + make_interval(secs => least(60 * power(2, attempts - 1), 3600)) end
  where id = p_id
$$;
