// A small typed client for the public /api/* endpoints this page uses. The OpenAPI-generated
// client replaces it once it exists; the shapes here follow docs/api.md and docs/webhooks.md.

const BASE = (import.meta.env.VITE_API_BASE as string | undefined)?.replace(/\/$/, "") || "/api";

/** An answer other than 2xx: the API's `{error}` message and the request id to quote. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly requestId: string | null) {
    super(message);
  }
}

export interface Credentials {
  /** A session's access token (JWT) or an `apt_` key: both are sent as a Bearer token. */
  token: string;
  /** Sent as X-Organization-Id when the caller chose one. */
  organizationId?: string | null;
}

let credentials: Credentials | null = null;
export function setCredentials(c: Credentials | null) {
  credentials = c;
}

/** Told when the API stops accepting the credentials (an expired session, a revoked key). */
let unauthorized: (error: ApiError) => void = () => {};
export function onUnauthorized(handler: (error: ApiError) => void) {
  unauthorized = handler;
}

export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
  next_url: string | null;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (credentials) headers.authorization = `Bearer ${credentials.token}`;
  if (credentials?.organizationId) headers["x-organization-id"] = credentials.organizationId;
  if (body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, `The API could not be reached (${(e as Error).message}).`, null);
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch { /* not JSON: reported below */ }
  if (!res.ok) {
    const message = (json as { error?: string } | null)?.error ?? `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ""}`;
    const error = new ApiError(res.status, message, res.headers.get("x-request-id"));
    if (res.status === 401 && credentials) unauthorized(error);
    throw error;
  }
  return json as T;
}

const q = (params: Record<string, string | number | undefined | null>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : "";
};

// ---- who am I ----

export interface Me {
  type: "member" | "api_key";
  organization: { id: string; name: string } | null;
  role: "owner" | "admin" | "member" | null;
  scopes: string[];
  user: { id: string; email: string } | null;
  key: { id: string; prefix: string; name: string } | null;
  organizations: { id: string; name: string; role: string }[];
}

export const me = () => request<Me>("GET", "/me");

// ---- API keys ----

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  rate_per_minute: number;
  rate_per_hour: number;
  expires_at: string | null;
  revoked_at: string | null;
  created_at: string;
  last_used_at: string | null;
  status: "active" | "revoked" | "expired";
}
export interface NewApiKey extends ApiKey {
  /** The whole key: returned once, at creation. */
  key: string;
}
export interface KeyInput {
  name: string;
  scopes: string[];
  expires_at?: string;
  rate_per_minute?: number;
  rate_per_hour?: number;
}
export interface Scope {
  name: string;
  description: string;
}
export interface UsageWindow {
  name: string;
  window_seconds: number;
  limit: number;
  used: number;
  remaining: number;
  resets_at: string;
}
export interface KeyUsage {
  key_id: string;
  last_used_at: string | null;
  windows: UsageWindow[];
}

export const listKeys = (p: { cursor?: string | null; status?: string } = {}) =>
  request<Page<ApiKey>>("GET", `/api-keys${q({ limit: 50, ...p })}`);
export const createKey = (input: KeyInput) => request<NewApiKey>("POST", "/api-keys", input);
export const revokeKey = (id: string) => request<ApiKey>("POST", `/api-keys/${encodeURIComponent(id)}/revoke`);
export const keyUsage = (id: string) => request<KeyUsage>("GET", `/api-keys/${encodeURIComponent(id)}/usage`);
export const listScopes = () => request<{ data: Scope[] }>("GET", "/api-keys/scopes");

// ---- webhook endpoints ----

export interface Endpoint {
  id: string;
  url: string;
  description: string;
  events: string[];
  status: "enabled" | "disabled";
  disabled_reason: "manual" | "consecutive_failures" | "gone" | null;
  disabled_at: string | null;
  consecutive_failures: number;
  /** Until when the previous secret still signs, after a rotation. */
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface EndpointWithSecret extends Endpoint {
  secret: string;
}
export interface Attempt {
  attempt: number;
  attempted_at: string;
  succeeded: boolean;
  status_code: number | null;
  latency_ms: number | null;
  error: string | null;
  response_body: string | null;
}
export type DeliveryStatus = "pending" | "succeeded" | "failed" | "held";
export interface Delivery {
  id: string;
  endpoint_id: string;
  event_id: string;
  event: string;
  status: DeliveryStatus;
  attempt_count: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  attempts: Attempt[];
}

const endpointPath = (id: string) => `/webhook-endpoints/${encodeURIComponent(id)}`;

export const listEndpoints = (p: { cursor?: string | null } = {}) =>
  request<Page<Endpoint>>("GET", `/webhook-endpoints${q({ limit: 50, ...p })}`);
export const createEndpoint = (input: { url: string; events: string[]; description: string }) =>
  request<EndpointWithSecret>("POST", "/webhook-endpoints", input);
export const getEndpoint = (id: string) => request<Endpoint>("GET", endpointPath(id));
export const setEndpointEnabled = (id: string, enabled: boolean) =>
  request<Endpoint>("POST", `${endpointPath(id)}/${enabled ? "enable" : "disable"}`);
export const deleteEndpoint = (id: string) => request<{ id: string; deleted: true }>("DELETE", endpointPath(id));
export const rotateSecret = (id: string) => request<EndpointWithSecret>("POST", `${endpointPath(id)}/rotate-secret`);
export const sendTestEvent = (id: string) => request<Delivery>("POST", `${endpointPath(id)}/test`);
export const listDeliveries = (id: string, p: { status?: DeliveryStatus | ""; cursor?: string | null } = {}) =>
  request<Page<Delivery>>("GET", `${endpointPath(id)}/deliveries${q({ limit: 25, ...p })}`);
export const redeliver = (id: string, deliveryId: string) =>
  request<Delivery>("POST", `${endpointPath(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`);
export const replay = (id: string, since: string) =>
  request<{ endpoint_id: string; since: string; replayed: number }>("POST", `${endpointPath(id)}/replay`, { since });

// ---- request log ----

export interface RequestLogEntry {
  id: string;
  request_id: string;
  created_at: string;
  key_id: string | null;
  member_id: string | null;
  method: string;
  route: string;
  status: number;
  duration_ms: number;
  error: string | null;
}
export interface RequestLogFilters {
  request_id?: string;
  key_id?: string;
  /** a class (4xx) or one status (404) */
  status?: string;
  cursor?: string | null;
}

export const listRequestLogs = (p: RequestLogFilters = {}) =>
  request<Page<RequestLogEntry>>("GET", `/request-logs${q({ limit: 25, ...p })}`);
