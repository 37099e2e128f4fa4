import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import * as api from "./api.ts";
import * as auth from "./auth.ts";
import { ApiKeysPage } from "./ApiKeys.tsx";
import { EndpointPage, WebhooksPage } from "./Webhooks.tsx";
import { UsagePage } from "./Usage.tsx";
import { LogsPage } from "./Logs.tsx";
import { ErrorNote, useAction } from "./ui.tsx";
import { Link, useRoute } from "./router.tsx";

// ---- who is signed in ----

/**
 * GET /api/me. Until the API has it (an API without the `me` function answers 404), what a
 * key may do is found by asking the two admin lists for one row each.
 */
async function whoAmI(kind: auth.TokenKind): Promise<api.Me> {
  try {
    return await api.me();
  } catch (e) {
    if (!(e instanceof api.ApiError) || e.status !== 404) throw e;
  }
  const allowed = async (scope: string, probe: () => Promise<unknown>) => {
    try {
      await probe();
      return [scope];
    } catch (e) {
      if (e instanceof api.ApiError && e.status === 403) return [];
      throw e;
    }
  };
  const scopes = [
    ...(await allowed("admin:api_keys", () => api.listKeys({ status: "active" }))),
    ...(await allowed("admin:webhooks", () => api.listEndpoints())),
  ];
  return { type: kind === "api_key" ? "api_key" : "member", organization: null, role: null, scopes, user: null, key: null, organizations: [] };
}

type State =
  | { step: "loading" }
  | { step: "signed-out"; error?: unknown; from?: auth.TokenKind }
  | { step: "choose-organization"; me: api.Me }
  | { step: "signed-in"; me: api.Me; kind: auth.TokenKind };

export function App() {
  const [state, setState] = useState<State>({ step: "loading" });
  const current = useRef<auth.Stored | null>(null);

  const enter = useCallback(async (stored: auth.Stored | null) => {
    current.current = stored;
    if (!stored) {
      api.setCredentials(null);
      setState({ step: "signed-out" });
      return;
    }
    api.setCredentials({ token: stored.token, organizationId: auth.chosenOrganization() });
    try {
      const me = await whoAmI(stored.kind);
      if (!me.organization && me.organizations.length > 1) setState({ step: "choose-organization", me });
      else setState({ step: "signed-in", me, kind: stored.kind });
    } catch (error) {
      if (!(error instanceof api.ApiError && error.status === 401)) setState({ step: "signed-out", error, from: stored.kind });
    }
  }, []);

  useEffect(() => {
    // Back to sign-in, saying why, once the API refuses what the page signed in with.
    api.onUnauthorized((error) => {
      const from = current.current?.kind;
      current.current = null;
      api.setCredentials(null);
      void auth.signOut().then(() => setState({ step: "signed-out", error, from }));
    });
  }, []);

  useEffect(() => {
    // Supabase refreshes the access token about hourly: the page goes on with the new one.
    const changed = (s: auth.Stored | null) => {
      if (!s) return void enter(null);
      current.current = s;
      api.setCredentials({ token: s.token, organizationId: auth.chosenOrganization() });
    };
    auth.restore(changed).then(enter, (error) => setState({ step: "signed-out", error }));
  }, [enter]);

  const switchTo = (organizationId: string | null) => {
    auth.chooseOrganization(organizationId);
    void enter(current.current);
  };

  const signOut = async () => {
    await auth.signOut();
    api.setCredentials(null);
    setState({ step: "signed-out" });
  };

  return (
    <>
      <header className="top">
        <p className="brand">Aptoria</p>
        {state.step === "signed-in" && (
          <div className="who">
            <span>{describe(state.me)}</span>
            <button type="button" onClick={signOut}>Sign out</button>
          </div>
        )}
      </header>
      <main>
        <h1>Settings → Developer</h1>
        {state.step === "loading" && <p aria-busy="true">Loading…</p>}
        {state.step === "signed-out" && <SignIn error={state.error} from={state.from} onSignedIn={enter} />}
        {state.step === "choose-organization" && (
          <ChooseOrganization me={state.me} onChosen={switchTo} />
        )}
        {state.step === "signed-in" && (
          <Signed me={state.me} onSwitch={state.me.organizations.length > 1 ? () => switchTo(null) : undefined} />
        )}
      </main>
    </>
  );
}

function describe(me: api.Me): string {
  const who = me.user?.email ?? (me.key ? `API key ${me.key.name} (${me.key.prefix})` : "API key");
  const org = me.organization ? ` · ${me.organization.name}` : "";
  const role = me.role ? ` · ${me.role}` : "";
  return `${who}${org}${role}`;
}

function Signed({ me, onSwitch }: { me: api.Me; onSwitch?: () => void }) {
  const route = useRoute();
  const canKeys = me.scopes.includes("admin:api_keys");
  const canWebhooks = me.scopes.includes("admin:webhooks");
  const [section, rest] = [route.split("/")[0], route.split("/").slice(1).join("/")];
  // the request log is read with admin:api_keys (owners and admins): no tab for anyone else
  const tabs: [string, string][] = [["", "API keys"], ["webhooks", "Webhooks"], ["usage", "Usage"], ...(canKeys ? [["logs", "Logs"] as [string, string]] : [])];
  return (
    <>
      <nav aria-label="Developer settings">
        <ul>
          {tabs.map(([to, label]) => (
            <li key={to}><Link to={to} aria-current={section === to ? "page" : undefined}>{label}</Link></li>
          ))}
        </ul>
        {onSwitch && <button type="button" onClick={onSwitch}>Switch organization</button>}
      </nav>
      {section === "" && <ApiKeysPage allowed={canKeys} role={me.role} />}
      {section === "webhooks" && !rest && <WebhooksPage allowed={canWebhooks} role={me.role} />}
      {section === "webhooks" && rest && <EndpointPage id={rest} allowed={canWebhooks} role={me.role} />}
      {section === "usage" && <UsagePage allowed={canKeys} role={me.role} />}
      {section === "logs" && <LogsPage allowed={canKeys} role={me.role} />}
      {!["", "webhooks", "usage", "logs"].includes(section) && <p>No such page. <Link to="">Back to API keys</Link></p>}
    </>
  );
}

/** Sign-in; an error from the last attempt shows next to the way it was tried. */
function SignIn({ error, from, onSignedIn }: { error?: unknown; from?: auth.TokenKind; onSignedIn: (s: auth.Stored) => void }) {
  const [key, setKey] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [sent, setSent] = useState(false);
  const keyAction = useAction();
  const passwordAction = useAction();
  const linkAction = useAction();

  const withKey = (e: FormEvent) => {
    e.preventDefault();
    if (!/^apt_[a-z0-9]{8}_\S+$/.test(key.trim())) {
      keyAction.setError(new Error("An API key looks like apt_xxxxxxxx_…"));
      return;
    }
    onSignedIn(auth.signInWithKey(key));
  };
  const withPassword = (e: FormEvent) => {
    e.preventDefault();
    void passwordAction.run(async () => onSignedIn(await auth.signInWithPassword(email, password)));
  };
  const withLink = () => void linkAction.run(async () => {
    await auth.sendMagicLink(email);
    setSent(true);
  });

  return (
    <section aria-labelledby="sign-in-h">
      <h2 id="sign-in-h">Sign in</h2>
      {from !== "api_key" && <ErrorNote error={error} />}
      {auth.supabaseConfigured ? (
        <form onSubmit={withPassword} className="card">
          <label htmlFor="email">Email</label>
          <input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <label htmlFor="password">Password</label>
          <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          <div className="row">
            <button type="submit" disabled={passwordAction.busy || !password}>Sign in</button>
            <button type="button" disabled={linkAction.busy || !email} onClick={withLink}>Email me a sign-in link</button>
          </div>
          <ErrorNote error={passwordAction.error ?? linkAction.error} />
          {sent && <p role="status">Check your email for a sign-in link.</p>}
        </form>
      ) : (
        <p className="hint">
          On the local stack, open the sign-in link that <code>npm start</code> prints (the line starting “Settings”) or
          that <code>npm run sign-in -- you@example.com</code> prints.
        </p>
      )}
      <form onSubmit={withKey} className="card">
        <h3>Sign in with an API key</h3>
        <p className="hint">For developers: the page then acts with that key's scopes. The key stays in this tab only.</p>
        <label htmlFor="api-key">API key</label>
        <input id="api-key" className="mono" type="password" autoComplete="off" spellCheck={false} value={key}
          onChange={(e) => setKey(e.target.value)} placeholder="apt_…" />
        <button type="submit">Sign in with key</button>
        <ErrorNote error={keyAction.error ?? (from === "api_key" ? error : null)} />
      </form>
    </section>
  );
}

function ChooseOrganization({ me, onChosen }: { me: api.Me; onChosen: (id: string) => void }) {
  const [id, setId] = useState(me.organizations[0]?.id ?? "");
  return (
    <form className="card" onSubmit={(e) => { e.preventDefault(); onChosen(id); }}>
      <h2>Choose an organization</h2>
      <label htmlFor="org">Organization</label>
      <select id="org" value={id} onChange={(e) => setId(e.target.value)}>
        {me.organizations.map((o) => <option key={o.id} value={o.id}>{o.name} ({o.role})</option>)}
      </select>
      <button type="submit">Continue</button>
    </form>
  );
}
