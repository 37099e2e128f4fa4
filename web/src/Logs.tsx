import { useEffect, useRef, useState, type FormEvent } from "react";
import * as api from "./api.ts";
import { NotAllowed } from "./ApiKeys.tsx";
import { CopyButton, ErrorNote, useAction } from "./ui.tsx";

// What the status filter offers: the classes, then the answers integrators most often ask about.
const STATUSES: [string, string][] = [
  ["", "Any status"], ["2xx", "2xx (succeeded)"], ["4xx", "4xx (refused)"], ["5xx", "5xx (failed)"],
  ["400", "400 bad request"], ["401", "401 not authenticated"], ["403", "403 not allowed"], ["404", "404 not found"],
  ["409", "409 conflict"], ["422", "422 not processable"], ["429", "429 rate limited"],
];
// Pages of keys read for the key filter and for naming each entry's key (50 per page).
const KEY_PAGES = 4;

const statusClass = (s: number) => (s < 300 ? "succeeded" : s < 500 ? "held" : "failed");
const instant = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** The organization's recent requests (GET /api/request-logs): what the API answered and why. */
export function LogsPage({ allowed, role }: { allowed: boolean; role: string | null }) {
  const [keys, setKeys] = useState<api.ApiKey[]>([]);
  const [requestId, setRequestId] = useState("");
  const [keyId, setKeyId] = useState("");
  const [status, setStatus] = useState("");
  const [entries, setEntries] = useState<api.RequestLogEntry[]>([]);
  const [shown, setShown] = useState<api.RequestLogFilters>({});
  const [cursor, setCursor] = useState<string | null>(null);
  const load = useAction();
  // only the latest search's answer is shown, whatever order the answers arrive in
  const latest = useRef(0);

  const search = (filters: api.RequestLogFilters) => load.run(async () => {
    const asked = ++latest.current;
    let page: api.Page<api.RequestLogEntry>;
    try {
      page = await api.listRequestLogs(filters);
    } catch (e) {
      // the entries shown would be another search's: only the error (e.g. a 429) is shown
      if (asked === latest.current) {
        setEntries([]);
        setCursor(null);
      }
      throw e;
    }
    if (asked !== latest.current) return;
    setEntries(page.data);
    setShown(filters);
    setCursor(page.has_more ? page.next_cursor : null);
  });
  const more = () => load.run(async () => {
    const asked = latest.current;
    const page = await api.listRequestLogs({ ...shown, cursor });
    if (asked !== latest.current) return;
    setEntries((e) => [...e, ...page.data]);
    setCursor(page.has_more ? page.next_cursor : null);
  });

  useEffect(() => {
    if (!allowed) return;
    void search({});
    void (async () => {
      // revoked keys too: their requests stay in the log
      const all: api.ApiKey[] = [];
      let next: string | null = null;
      for (let i = 0; i < KEY_PAGES; i++) {
        const page: api.Page<api.ApiKey> = await api.listKeys({ cursor: next });
        all.push(...page.data);
        next = page.has_more ? page.next_cursor : null;
        if (!next) break;
      }
      setKeys(all);
    })().catch(() => { /* the filter then offers no keys; the log itself still loads */ });
  }, [allowed]);

  if (!allowed) {
    return <section aria-labelledby="logs-h"><h2 id="logs-h">Logs</h2><NotAllowed what="the request log" role={role} /></section>;
  }

  const filters = (change: { requestId?: string; keyId?: string; status?: string } = {}): api.RequestLogFilters => ({
    request_id: (change.requestId ?? requestId).trim() || undefined,
    key_id: (change.keyId ?? keyId) || undefined,
    status: (change.status ?? status) || undefined,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void search(filters());
  };
  const keyName = (id: string) => {
    const k = keys.find((k) => k.id === id);
    return k ? `${k.name} (${k.prefix})` : id;
  };

  return (
    <section aria-labelledby="logs-h">
      <h2 id="logs-h">Logs</h2>
      <p className="hint">
        Recent requests to the API from this organization, newest first: what each was answered and why. Quote a
        request's id (the <code>X-Request-Id</code> header of the response) to support.
      </p>
      <form className="card" onSubmit={submit} aria-label="Search the request log">
        <label htmlFor="log-request-id">Request id</label>
        <input id="log-request-id" className="mono" spellCheck={false} autoComplete="off" value={requestId}
          onChange={(e) => setRequestId(e.target.value)} placeholder="req_…" />
        <div className="row filters">
          <div>
            <label htmlFor="log-key">Key</label>
            <select id="log-key" value={keyId} onChange={(e) => {
              setKeyId(e.target.value);
              void search(filters({ keyId: e.target.value }));
            }}>
              <option value="">Any key or member</option>
              {keys.map((k) => <option key={k.id} value={k.id}>{k.name} ({k.prefix}){k.status === "active" ? "" : `, ${k.status}`}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="log-status">Status</label>
            <select id="log-status" value={status} onChange={(e) => {
              setStatus(e.target.value);
              void search(filters({ status: e.target.value }));
            }}>
              {STATUSES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </div>
        </div>
        <div className="row">
          <button type="submit" disabled={load.busy}>Search</button>
          <button type="button" disabled={load.busy} onClick={() => {
            setRequestId("");
            setKeyId("");
            setStatus("");
            void search({});
          }}>Clear filters</button>
        </div>
      </form>
      <ErrorNote error={load.error} />
      <p role="status" className="hint">
        {load.busy ? "Loading…" : `${entries.length}${cursor ? "+" : ""} request${entries.length === 1 ? "" : "s"} shown.`}
      </p>
      {entries.length === 0 && !load.busy && !load.error && (
        <p>No requests match. New requests appear here within a few seconds.</p>
      )}
      <ul className="cards" aria-label="Requests">
        {entries.map((e) => (
          <li key={e.id} className="card" aria-label={`Request ${e.request_id}`}>
            <div className="title-row">
              <h3 className="wrap"><span className="mono">{e.method} {e.route}</span></h3>
              <span className={`badge ${statusClass(e.status)}`}>{e.status}</span>
            </div>
            {e.error && <p className="wrap">{e.error}</p>}
            <dl>
              <dt>Request id</dt>
              <dd>
                <code>{e.request_id}</code>{" "}
                <CopyButton text={e.request_id} name={`Copy request id ${e.request_id}`} />
              </dd>
              <dt>Time</dt><dd>{instant(e.created_at)}</dd>
              <dt>Duration</dt><dd>{e.duration_ms} ms</dd>
              <dt>{e.key_id ? "Key" : "Member"}</dt>
              <dd className="mono">{e.key_id ? keyName(e.key_id) : e.member_id ?? "unknown"}</dd>
            </dl>
          </li>
        ))}
      </ul>
      {cursor && <button type="button" onClick={more} disabled={load.busy}>Load more requests</button>}
    </section>
  );
}
