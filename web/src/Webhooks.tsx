import { useEffect, useState, type FormEvent } from "react";
import * as api from "./api.ts";
import { NotAllowed } from "./ApiKeys.tsx";
import { Link, navigate } from "./router.tsx";
import { Confirm, ErrorNote, SecretOnce, useAction, when } from "./ui.tsx";

/** The event kinds an endpoint may subscribe to (docs/webhooks.md, app.webhook_event_kinds). */
export const EVENT_KINDS: [string, string][] = [
  ["rent.paid", "A rent charge was paid in full."],
  ["rent.late", "A rent charge is still unpaid after its due date plus the grace period."],
  ["application.submitted", "A rental application was submitted."],
  ["application.approved", "A rental application was approved."],
  ["application.denied", "A rental application was denied."],
  ["lease.signed", "A lease was signed."],
  ["lease.terminated", "A signed lease was terminated."],
  ["work_order.created", "A work order was created."],
  ["work_order.completed", "A work order was completed."],
  ["tenant.added", "A tenant was added."],
  ["tenant.removed", "A tenant was removed."],
  ["inspection.completed", "An inspection was completed."],
  ["payment_plan.proposed", "A payment plan was proposed."],
];

const REASONS: Record<string, string> = {
  manual: "disabled by hand",
  consecutive_failures: "disabled after too many failed deliveries in a row",
  gone: "disabled: the receiver answered 410 Gone",
};

const eventsText = (events: string[]) => (events.includes("*") ? "All events" : events.join(", "));

export function WebhooksPage({ allowed, role }: { allowed: boolean; role: string | null }) {
  const [endpoints, setEndpoints] = useState<api.Endpoint[]>([]);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<api.EndpointWithSecret | null>(null);
  const load = useAction();

  useEffect(() => {
    if (allowed) void load.run(async () => setEndpoints((await api.listEndpoints()).data));
  }, [allowed]);

  if (!allowed) {
    return (
      <section aria-labelledby="wh-h">
        <h2 id="wh-h">Webhook endpoints</h2>
        <NotAllowed what="webhook endpoints" role={role} />
      </section>
    );
  }
  return (
    <section aria-labelledby="wh-h">
      <div className="title-row">
        <h2 id="wh-h">Webhook endpoints</h2>
        {!adding && !created && <button type="button" onClick={() => setAdding(true)}>Add endpoint</button>}
      </div>
      <p className="hint">Aptoria POSTs signed events to these URLs. See the webhooks guide for verifying <code>X-PMAI-Signature</code>.</p>
      {adding && (
        <AddEndpointForm onCancel={() => setAdding(false)} onCreated={(e) => {
          setAdding(false);
          setCreated(e);
          setEndpoints((es) => [e, ...es]);
        }} />
      )}
      {created && (
        <SecretOnce title={`Endpoint ${created.url} added`} label="Signing secret" secret={created.secret} onDone={() => setCreated(null)}>
          <p className="hint">Your receiver verifies every request with this secret. <Link to={`webhooks/${created.id}`}>Open the endpoint</Link></p>
        </SecretOnce>
      )}
      <ErrorNote error={load.error} />
      {endpoints.length === 0 && !load.busy && !load.error && <p>No webhook endpoints yet.</p>}
      <ul className="cards" aria-label="Webhook endpoints">
        {endpoints.map((e) => (
          <li key={e.id} className="card">
            <div className="title-row">
              <h3 className="mono wrap"><Link to={`webhooks/${e.id}`}>{e.url}</Link></h3>
              <span className={`badge ${e.status}`}>{e.status}</span>
            </div>
            {e.description && <p>{e.description}</p>}
            <dl>
              <dt>Events</dt><dd>{eventsText(e.events)}</dd>
              <dt>Failures in a row</dt><dd>{e.consecutive_failures}</dd>
              {e.disabled_reason && <><dt>Disabled</dt><dd>{REASONS[e.disabled_reason] ?? e.disabled_reason} ({when(e.disabled_at)})</dd></>}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AddEndpointForm({ onCreated, onCancel }: { onCreated: (e: api.EndpointWithSecret) => void; onCancel: () => void }) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [all, setAll] = useState(true);
  const [events, setEvents] = useState<Set<string>>(new Set());
  const save = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => onCreated(await api.createEndpoint({ url: url.trim(), description, events: all ? ["*"] : [...events].sort() })));
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-endpoint-h">
      <h3 id="new-endpoint-h">New webhook endpoint</h3>
      <label htmlFor="endpoint-url">Endpoint URL</label>
      <input id="endpoint-url" type="url" required maxLength={2048} placeholder="https://example.com/webhooks/aptoria"
        value={url} onChange={(e) => setUrl(e.target.value)} />
      <fieldset>
        <legend>Events</legend>
        <div className="special">
          <input type="checkbox" id="events-all" checked={all} onChange={(e) => setAll(e.target.checked)} />
          <label htmlFor="events-all">All events, including kinds added later</label>
        </div>
        {!all && EVENT_KINDS.map(([kind, text]) => (
          <div key={kind} className="special">
            <input type="checkbox" id={`ev-${kind}`} checked={events.has(kind)} onChange={(e) => setEvents((s) => {
              const next = new Set(s);
              if (e.target.checked) next.add(kind);
              else next.delete(kind);
              return next;
            })} />
            <label htmlFor={`ev-${kind}`}><code>{kind}</code> {text}</label>
          </div>
        ))}
      </fieldset>
      <label htmlFor="endpoint-description">Description (optional)</label>
      <input id="endpoint-description" maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
      <ErrorNote error={save.error} />
      <div className="row">
        <button type="submit" disabled={save.busy || (!all && events.size === 0)}>Add endpoint</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

export function EndpointPage({ id, allowed, role }: { id: string; allowed: boolean; role: string | null }) {
  const [endpoint, setEndpoint] = useState<api.Endpoint | null>(null);
  const [rotated, setRotated] = useState<api.EndpointWithSecret | null>(null);
  const [confirm, setConfirm] = useState<"rotate" | "delete" | null>(null);
  const [testSent, setTestSent] = useState<string | null>(null);
  const [deliveriesVersion, setDeliveriesVersion] = useState(0);
  const load = useAction();
  const test = useAction();
  const toggle = useAction();
  const danger = useAction();

  useEffect(() => {
    if (allowed) void load.run(async () => setEndpoint(await api.getEndpoint(id)));
  }, [id, allowed]);

  if (!allowed) return <NotAllowed what="webhook endpoints" role={role} />;
  const back = <p><Link to="webhooks">← All endpoints</Link></p>;
  if (!endpoint) return <>{back}<ErrorNote error={load.error} />{load.busy && <p aria-busy="true">Loading…</p>}</>;

  const sendTest = () => test.run(async () => {
    const d = await api.sendTestEvent(id);
    setTestSent(d.id);
    setDeliveriesVersion((v) => v + 1);
  });
  const setEnabled = (on: boolean) => toggle.run(async () => setEndpoint(await api.setEndpointEnabled(id, on)));
  const confirmed = () => danger.run(async () => {
    if (confirm === "rotate") {
      const e = await api.rotateSecret(id);
      setEndpoint(e);
      setRotated(e);
      setConfirm(null);
    } else {
      await api.deleteEndpoint(id);
      setConfirm(null);
      navigate("webhooks");
    }
  });

  return (
    <section aria-labelledby="endpoint-h">
      {back}
      <div className="title-row">
        <h2 id="endpoint-h" className="mono wrap">{endpoint.url}</h2>
        <span className={`badge ${endpoint.status}`}>{endpoint.status}</span>
      </div>
      {endpoint.description && <p>{endpoint.description}</p>}
      <dl className="card">
        <dt>Id</dt><dd className="mono">{endpoint.id}</dd>
        <dt>Events</dt><dd>{eventsText(endpoint.events)}</dd>
        <dt>Failures in a row</dt><dd>{endpoint.consecutive_failures}</dd>
        {endpoint.disabled_reason && <><dt>Disabled</dt><dd>{REASONS[endpoint.disabled_reason] ?? endpoint.disabled_reason} ({when(endpoint.disabled_at)})</dd></>}
        {endpoint.previous_secret_expires_at && <><dt>Previous secret</dt><dd>still signs until {when(endpoint.previous_secret_expires_at)}</dd></>}
        <dt>Created</dt><dd>{when(endpoint.created_at)}</dd>
      </dl>
      <div className="actions">
        <div>
          <button type="button" onClick={sendTest} disabled={test.busy || endpoint.status !== "enabled"}>Send test event</button>
          {testSent && <p role="status">Test event queued (delivery <code>{testSent}</code>).</p>}
          <ErrorNote error={test.error} />
        </div>
        <div>
          {endpoint.status === "enabled"
            ? <button type="button" onClick={() => setEnabled(false)} disabled={toggle.busy}>Disable</button>
            : <button type="button" onClick={() => setEnabled(true)} disabled={toggle.busy}>Enable</button>}
          <ErrorNote error={toggle.error} />
        </div>
        <div>
          <button type="button" onClick={() => { danger.setError(null); setConfirm("rotate"); }}>Rotate secret</button>
        </div>
        <div>
          <button type="button" className="danger" onClick={() => { danger.setError(null); setConfirm("delete"); }}>Delete endpoint</button>
        </div>
      </div>
      {rotated && (
        <SecretOnce title="New signing secret" label="Signing secret" secret={rotated.secret} onDone={() => setRotated(null)}>
          <p>
            The previous secret keeps signing, next to this one, until <strong>{when(rotated.previous_secret_expires_at)}</strong>.
            Deploy the new secret to your receiver before then.
          </p>
        </SecretOnce>
      )}
      <Confirm open={confirm !== null} busy={danger.busy} error={danger.error}
        title={confirm === "rotate" ? "Rotate the signing secret?" : "Delete this endpoint?"}
        confirmLabel={confirm === "rotate" ? "Rotate" : "Delete"}
        onConfirm={confirmed} onCancel={() => setConfirm(null)}>
        {confirm === "rotate"
          ? <p>A new secret signs from now on; the current one also signs for 24 hours, so receivers can switch without losing events.</p>
          : <p>Aptoria stops sending to {endpoint.url} and forgets its deliveries. This cannot be undone.</p>}
      </Confirm>
      <Deliveries endpointId={id} version={deliveriesVersion} />
    </section>
  );
}

function Deliveries({ endpointId, version }: { endpointId: string; version: number }) {
  const [status, setStatus] = useState<api.DeliveryStatus | "">("");
  const [deliveries, setDeliveries] = useState<api.Delivery[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [since, setSince] = useState("");
  const [replayed, setReplayed] = useState<number | null>(null);
  const [redelivered, setRedelivered] = useState<string | null>(null);
  const load = useAction();
  const again = useAction();
  const replay = useAction();

  const refresh = () => load.run(async () => {
    const page = await api.listDeliveries(endpointId, { status });
    setDeliveries(page.data);
    setCursor(page.has_more ? page.next_cursor : null);
  });
  useEffect(() => {
    void refresh();
  }, [endpointId, status, version]);

  const more = () => load.run(async () => {
    const page = await api.listDeliveries(endpointId, { status, cursor });
    setDeliveries((d) => [...d, ...page.data]);
    setCursor(page.has_more ? page.next_cursor : null);
  });
  const redeliver = (d: api.Delivery) => again.run(async () => {
    setRedelivered(null);
    const next = await api.redeliver(endpointId, d.id);
    setDeliveries((ds) => ds.map((x) => (x.id === next.id ? next : x)));
    setRedelivered(d.id);
  });
  const submitReplay = (e: FormEvent) => {
    e.preventDefault();
    void replay.run(async () => {
      const r = await api.replay(endpointId, new Date(since).toISOString());
      setReplayed(r.replayed);
      await refresh();
    });
  };

  return (
    <section aria-labelledby="deliveries-h">
      <h3 id="deliveries-h">Deliveries</h3>
      <div className="row">
        <label htmlFor="delivery-status">Status</label>
        <select id="delivery-status" value={status} onChange={(e) => setStatus(e.target.value as api.DeliveryStatus | "")}>
          <option value="">All</option>
          <option value="pending">Pending</option>
          <option value="succeeded">Succeeded</option>
          <option value="failed">Failed</option>
          <option value="held">Held (endpoint disabled)</option>
        </select>
        <button type="button" onClick={refresh} disabled={load.busy}>Refresh deliveries</button>
      </div>
      <ErrorNote error={load.error} />
      <form className="row" onSubmit={submitReplay}>
        <label htmlFor="replay-since">Replay since</label>
        <input id="replay-since" type="datetime-local" required value={since} onChange={(e) => setSince(e.target.value)} />
        <button type="submit" disabled={replay.busy || !since}>Replay</button>
      </form>
      <p className="hint">Replay sends again every delivery since then that did not succeed.</p>
      {replayed !== null && <p role="status">{replayed} {replayed === 1 ? "delivery" : "deliveries"} queued again.</p>}
      <ErrorNote error={replay.error} />
      <ErrorNote error={again.error} />
      {redelivered && <p role="status">Delivery <code>{redelivered}</code> queued again.</p>}
      {deliveries.length === 0 && !load.busy && !load.error && <p>No deliveries{status ? ` with status ${status}` : ""}.</p>}
      <ul className="cards" aria-label="Deliveries">
        {deliveries.map((d) => (
          <li key={d.id} className="card" aria-label={`Delivery ${d.id}`}>
            <div className="title-row">
              <h4><code>{d.event}</code></h4>
              <span className={`badge ${d.status}`}>{d.status}</span>
            </div>
            <dl>
              <dt>Delivery</dt><dd className="mono">{d.id}</dd>
              <dt>Created</dt><dd>{when(d.created_at)}</dd>
              <dt>Attempts</dt><dd>{d.attempt_count}</dd>
              {d.next_attempt_at && <><dt>Next attempt</dt><dd>{when(d.next_attempt_at)}</dd></>}
              {d.delivered_at && <><dt>Delivered</dt><dd>{when(d.delivered_at)}</dd></>}
            </dl>
            {d.attempts.length > 0 && (
              <details>
                <summary>Attempts ({d.attempts.length})</summary>
                <div className="scroll">
                  <table>
                    <thead>
                      <tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Status code</th><th scope="col">Latency</th><th scope="col">Error</th><th scope="col">Response</th></tr>
                    </thead>
                    <tbody>
                      {d.attempts.map((a) => (
                        <tr key={a.attempt}>
                          <td>{a.attempt}</td>
                          <td><time dateTime={a.attempted_at} title={when(a.attempted_at)}>{new Date(a.attempted_at).toLocaleTimeString(undefined, { timeStyle: "medium" })}</time></td>
                          <td>{a.status_code ?? "none"}</td>
                          <td>{a.latency_ms === null ? "" : `${a.latency_ms} ms`}</td>
                          <td>{a.error ?? ""}</td>
                          <td><code className="wrap">{(a.response_body ?? "").slice(0, 200)}</code></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            )}
            <button type="button" aria-label={`Redeliver ${d.id}`} onClick={() => redeliver(d)} disabled={again.busy}>Redeliver</button>
          </li>
        ))}
      </ul>
      {cursor && <button type="button" onClick={more} disabled={load.busy}>Load more deliveries</button>}
    </section>
  );
}
