import { useEffect, useMemo, useState, type FormEvent } from "react";
import * as api from "./api.ts";
import { Link } from "./router.tsx";
import { Confirm, ErrorNote, SecretOnce, useAction, when } from "./ui.tsx";

/** What the special scopes let a key do, in the words a landlord needs before granting them. */
export const SPECIAL_SCOPES: Record<string, string> = {
  "ai:run": "Run the AI helpers (vendor summary, delinquency prioritizer). They read your portfolio and have tighter hourly quotas per key.",
  "admin:api_keys": "Create, list and revoke API keys. A key can only grant scopes it holds itself, but it can mint new keys: give it only to tools you trust as you trust yourself.",
  "admin:webhooks": "Register, change and delete webhook endpoints, see their deliveries and redeliver them.",
};

export function NotAllowed({ what, role }: { what: string; role: string | null }) {
  return (
    <p className="note">
      {role ? `Your role (${role}) does not` : "This key does not"} allow managing {what}. An owner or an admin of the organization can.
    </p>
  );
}

export function ApiKeysPage({ allowed, role }: { allowed: boolean; role: string | null }) {
  const [keys, setKeys] = useState<api.ApiKey[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<api.NewApiKey | null>(null);
  const [revoking, setRevoking] = useState<api.ApiKey | null>(null);
  const load = useAction();
  const revoke = useAction();

  const refresh = () => load.run(async () => {
    const page = await api.listKeys();
    setKeys(page.data);
    setCursor(page.has_more ? page.next_cursor : null);
  });
  useEffect(() => {
    if (allowed) void refresh();
  }, [allowed]);

  if (!allowed) {
    return (
      <section aria-labelledby="keys-h">
        <h2 id="keys-h">API keys</h2>
        <NotAllowed what="API keys" role={role} />
      </section>
    );
  }

  const more = () => load.run(async () => {
    const page = await api.listKeys({ cursor });
    setKeys((k) => [...k, ...page.data]);
    setCursor(page.has_more ? page.next_cursor : null);
  });

  const confirmRevoke = () => revoke.run(async () => {
    const key = await api.revokeKey(revoking!.id);
    setKeys((ks) => ks.map((k) => (k.id === key.id ? key : k)));
    setRevoking(null);
  });

  return (
    <section aria-labelledby="keys-h">
      <div className="title-row">
        <h2 id="keys-h">API keys</h2>
        {!creating && !created && <button type="button" onClick={() => setCreating(true)}>Create API key</button>}
      </div>
      <p className="hint">Keys let your own tools call the Aptoria API. Each key has the scopes you choose and its own rate limits.</p>
      {creating && (
        <CreateKeyForm
          onCancel={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
            setKeys((ks) => [key, ...ks]);
          }}
        />
      )}
      {created && (
        <SecretOnce title={`API key “${created.name}” created`} label="Secret" secret={created.key} onDone={() => setCreated(null)}>
          <p className="hint">Use it as <code>Authorization: Bearer {created.prefix}_…</code>. Aptoria keeps only a hash of it.</p>
        </SecretOnce>
      )}
      <ErrorNote error={load.error} />
      {keys.length === 0 && !load.busy && !load.error && <p>No API keys yet.</p>}
      <ul className="cards" aria-label="API keys">
        {keys.map((k) => (
          <li key={k.id} className={`card status-${k.status}`}>
            <div className="title-row">
              <h3>{k.name}</h3>
              <span className={`badge ${k.status}`}>{k.status}</span>
            </div>
            <dl>
              <dt>Prefix</dt><dd className="mono">{k.prefix}</dd>
              <dt>Scopes</dt><dd>{k.scopes.join(", ")}</dd>
              <dt>Limits</dt><dd>{k.rate_per_minute}/minute · {k.rate_per_hour}/hour</dd>
              <dt>Created</dt><dd>{when(k.created_at)}</dd>
              <dt>Last used</dt><dd>{when(k.last_used_at)}</dd>
              <dt>Expires</dt><dd>{when(k.expires_at)}</dd>
              {k.revoked_at && <><dt>Revoked</dt><dd>{when(k.revoked_at)}</dd></>}
            </dl>
            <div className="row">
              <Link to={`usage#${k.id}`}>Usage</Link>
              {k.status === "active" && (
                <button type="button" className="danger" aria-label={`Revoke ${k.name}`} onClick={() => { revoke.setError(null); setRevoking(k); }}>
                  Revoke
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {cursor && <button type="button" onClick={more} disabled={load.busy}>Load more keys</button>}
      <Confirm open={revoking !== null} title={`Revoke “${revoking?.name ?? ""}”?`} confirmLabel="Revoke key"
        busy={revoke.busy} error={revoke.error} onConfirm={confirmRevoke} onCancel={() => setRevoking(null)}>
        <p>Every program using this key gets 401 at once. This cannot be undone.</p>
      </Confirm>
    </section>
  );
}

function CreateKeyForm({ onCreated, onCancel }: { onCreated: (k: api.NewApiKey) => void; onCancel: () => void }) {
  const [catalogue, setCatalogue] = useState<api.Scope[]>([]);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Set<string>>(new Set());
  const [perMinute, setPerMinute] = useState("");
  const [perHour, setPerHour] = useState("");
  const [expires, setExpires] = useState("");
  const load = useAction();
  const save = useAction();

  useEffect(() => {
    void load.run(async () => setCatalogue((await api.listScopes()).data));
  }, []);

  const { resources, specials } = useMemo(() => {
    const resources = [...new Set(catalogue.filter((s) => /^(read|write):/.test(s.name)).map((s) => s.name.split(":")[1]))];
    const specials = catalogue.filter((s) => !/^(read|write):/.test(s.name));
    return { resources, specials };
  }, [catalogue]);

  const toggle = (scope: string, on: boolean) =>
    setScopes((s) => {
      const next = new Set(s);
      if (on) next.add(scope);
      else next.delete(scope);
      return next;
    });
  const setAll = (verb: "read" | "write", on: boolean) => resources.forEach((r) => toggle(`${verb}:${r}`, on));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      const input: api.KeyInput = { name: name.trim(), scopes: [...scopes].sort() };
      if (perMinute) input.rate_per_minute = Number(perMinute);
      if (perHour) input.rate_per_hour = Number(perHour);
      if (expires) input.expires_at = new Date(expires).toISOString();
      onCreated(await api.createKey(input));
    });
  };

  const label = (r: string) => r.replace(/_/g, " ");
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-key-h">
      <h3 id="new-key-h">New API key</h3>
      <label htmlFor="key-name">Name</label>
      <input id="key-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)}
        placeholder="e.g. Accounting sync" />
      <fieldset>
        <legend>Scopes</legend>
        <ErrorNote error={load.error} />
        <table className="scopes">
          <thead>
            <tr><th scope="col">Resource</th><th scope="col">Read</th><th scope="col">Write</th></tr>
          </thead>
          <tbody>
            {resources.map((r) => (
              <tr key={r}>
                <th scope="row">{label(r)}</th>
                {(["read", "write"] as const).map((verb) => (
                  <td key={verb}>
                    <input type="checkbox" aria-label={`${verb === "read" ? "Read" : "Write"} ${label(r)}`}
                      checked={scopes.has(`${verb}:${r}`)} onChange={(e) => toggle(`${verb}:${r}`, e.target.checked)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row">
          <button type="button" onClick={() => setAll("read", true)}>Read everything</button>
          <button type="button" onClick={() => { setAll("read", false); setAll("write", false); }}>Clear</button>
        </div>
        {specials.map((s) => (
          <div key={s.name} className="special">
            <input type="checkbox" id={`scope-${s.name}`} checked={scopes.has(s.name)} onChange={(e) => toggle(s.name, e.target.checked)}
              aria-describedby={`scope-${s.name}-d`} />
            <label htmlFor={`scope-${s.name}`}><code>{s.name}</code> {s.description}</label>
            <p id={`scope-${s.name}-d`} className="hint">{SPECIAL_SCOPES[s.name] ?? s.description}</p>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Limits (optional)</legend>
        <label htmlFor="key-per-minute">Requests per minute</label>
        <input id="key-per-minute" type="number" min={1} max={100000} inputMode="numeric" placeholder="60"
          value={perMinute} onChange={(e) => setPerMinute(e.target.value)} />
        <label htmlFor="key-per-hour">Requests per hour</label>
        <input id="key-per-hour" type="number" min={1} max={1000000} inputMode="numeric" placeholder="1000"
          value={perHour} onChange={(e) => setPerHour(e.target.value)} />
        <label htmlFor="key-expires">Expires (optional)</label>
        <input id="key-expires" type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} />
      </fieldset>
      <ErrorNote error={save.error} />
      <div className="row">
        <button type="submit" disabled={save.busy || scopes.size === 0 || !name.trim()}>Create key</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
