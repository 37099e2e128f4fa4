import { useEffect, useState } from "react";
import * as api from "./api.ts";
import { NotAllowed } from "./ApiKeys.tsx";
import { ErrorNote, useAction, when } from "./ui.tsx";

const WINDOW_NAMES: Record<string, string> = { minute: "This minute", hour: "This hour" };
const per = (seconds: number) => (seconds === 3600 ? "hour" : seconds === 60 ? "minute" : seconds % 3600 === 0 ? `${seconds / 3600} hours` : `${seconds} s`);
/** A route quota's window, e.g. "AI vendor summary, per hour". */
const windowName = (w: api.UsageWindow) =>
  WINDOW_NAMES[w.name] ?? `${w.name.replace(/^ai-/, "AI ").replace(/-/g, " ")}, per ${per(w.window_seconds)}`;
const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { timeStyle: "short" });

/** Per active key: requests in its current rate-limit windows and what remains. */
export function UsagePage({ allowed, role }: { allowed: boolean; role: string | null }) {
  const [rows, setRows] = useState<{ key: api.ApiKey; usage: api.KeyUsage }[]>([]);
  const load = useAction();
  const refresh = () => load.run(async () => {
    const keys = (await api.listKeys({ status: "active" })).data;
    setRows(await Promise.all(keys.map(async (key) => ({ key, usage: await api.keyUsage(key.id) }))));
  });
  useEffect(() => {
    if (allowed) void refresh();
  }, [allowed]);
  // a key's "Usage" link names its card in the fragment
  useEffect(() => {
    if (rows.length && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [rows]);

  if (!allowed) {
    return <section aria-labelledby="usage-h"><h2 id="usage-h">Usage</h2><NotAllowed what="API keys" role={role} /></section>;
  }
  return (
    <section aria-labelledby="usage-h">
      <div className="title-row">
        <h2 id="usage-h">Usage</h2>
        <button type="button" onClick={refresh} disabled={load.busy}>Refresh usage</button>
      </div>
      <p className="hint">Requests each active key made in its current rate-limit windows. A window starts again at the time shown.</p>
      <ErrorNote error={load.error} />
      {rows.length === 0 && !load.busy && !load.error && <p>No active keys.</p>}
      <ul className="cards" aria-label="Usage per key">
        {rows.map(({ key, usage }) => (
          <li key={key.id} id={key.id} className="card" aria-label={`Usage of ${key.name}`}>
            <h3>{key.name} <span className="mono hint">{key.prefix}</span></h3>
            <div className="scroll">
              <table>
                <thead>
                  <tr><th scope="col">Window</th><th scope="col">Used</th><th scope="col">Limit</th><th scope="col">Left</th></tr>
                </thead>
                <tbody>
                  {usage.windows.map((w) => (
                    <tr key={w.name}>
                      <th scope="row">{windowName(w)}<br /><span className="hint">resets at {time(w.resets_at)}</span></th>
                      <td>{w.used}</td>
                      <td>{w.limit}</td>
                      <td>{w.remaining}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="hint">Last used: {when(usage.last_used_at)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
