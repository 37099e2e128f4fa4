// Who is signed in, and how. Three ways, all ending in a Bearer token for /api/*:
// - a sign-in link with `#access_token=<jwt>` (the local stack prints one): read once, kept in
//   sessionStorage, removed from the address bar;
// - Supabase Auth (magic link or password) through @supabase/supabase-js when the build has
//   VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY (hosted projects, `supabase start`);
// - an `apt_` API key pasted by a developer (also kept in sessionStorage only).
import type { SupabaseClient } from "@supabase/supabase-js";

const TOKEN = "aptoria.token";
const KIND = "aptoria.token_kind";
const ORG = "aptoria.organization";

export type TokenKind = "session" | "api_key";
export interface Stored {
  token: string;
  kind: TokenKind;
}

const supabaseUrl = import.meta.env.VITE_SUPABASE_URL as string | undefined;
const supabaseKey = import.meta.env.VITE_SUPABASE_ANON_KEY as string | undefined;
export const supabaseConfigured = Boolean(supabaseUrl && supabaseKey);

let supabase: Promise<SupabaseClient> | null = null;
/** Loaded only when configured, so the local build carries no Supabase client. */
function client(): Promise<SupabaseClient> {
  supabase ??= import("@supabase/supabase-js").then(({ createClient }) =>
    createClient(supabaseUrl!, supabaseKey!, { auth: { persistSession: true, detectSessionInUrl: true, flowType: "implicit" } })
  );
  return supabase;
}

/** Takes a token out of the address bar's fragment, if one is there (local sign-in links). */
function takeFragmentToken(): string | null {
  if (!location.hash.includes("access_token=")) return null;
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get("access_token");
  history.replaceState(history.state, "", location.pathname + location.search);
  return token;
}

/** What the page signs in with at load; `onChange` hears later changes (Supabase refreshes). */
export async function restore(onChange: (s: Stored | null) => void): Promise<Stored | null> {
  const kept = sessionStorage.getItem(TOKEN);
  if (kept && sessionStorage.getItem(KIND) === "api_key") return { token: kept, kind: "api_key" };
  if (supabaseConfigured) {
    const sb = await client();
    sb.auth.onAuthStateChange((_event, session) => {
      if (sessionStorage.getItem(KIND) === "api_key") return;
      onChange(session ? { token: session.access_token, kind: "session" } : null);
    });
    const { data } = await sb.auth.getSession();
    if (data.session) return { token: data.session.access_token, kind: "session" };
  } else {
    const token = takeFragmentToken();
    if (token) {
      save({ token, kind: "session" });
      return { token, kind: "session" };
    }
  }
  return kept ? { token: kept, kind: "session" } : null;
}

function save(s: Stored) {
  sessionStorage.setItem(TOKEN, s.token);
  sessionStorage.setItem(KIND, s.kind);
}

export function signInWithKey(key: string): Stored {
  const s: Stored = { token: key.trim(), kind: "api_key" };
  save(s);
  return s;
}

export async function signInWithPassword(email: string, password: string): Promise<Stored> {
  const sb = await client();
  const { data, error } = await sb.auth.signInWithPassword({ email, password });
  if (error || !data.session) throw new Error(error?.message ?? "Sign-in failed.");
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(KIND);
  return { token: data.session.access_token, kind: "session" };
}

export async function sendMagicLink(email: string): Promise<void> {
  const sb = await client();
  const { error } = await sb.auth.signInWithOtp({ email, options: { emailRedirectTo: location.origin + location.pathname, shouldCreateUser: false } });
  if (error) throw new Error(error.message);
}

export async function signOut(): Promise<void> {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(KIND);
  sessionStorage.removeItem(ORG);
  if (supabaseConfigured) await (await client()).auth.signOut();
}

export const chosenOrganization = () => sessionStorage.getItem(ORG);
export function chooseOrganization(id: string | null) {
  if (id) sessionStorage.setItem(ORG, id);
  else sessionStorage.removeItem(ORG);
}
