// The public /api/* endpoints this page uses, through the API's typed client (clients/typescript):
// the paths, bodies and answers are the OpenAPI document's, so the page cannot drift from the API.
import { ApiError, createAptoriaClient, type components } from "../../clients/typescript/src/index.ts";

export { ApiError };

const BASE = (import.meta.env.VITE_API_BASE as string | undefined)?.replace(/\/$/, "") || "/api";

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

const client = createAptoriaClient({
  baseUrl: BASE,
  apiKey: () => credentials?.token,
  headers: (): Record<string, string> => (credentials?.organizationId ? { "x-organization-id": credentials.organizationId } : {}),
  fetch: async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (e) {
      throw new ApiError(0, `The API could not be reached (${(e as Error).message}).`, null, null, null);
    }
  },
});

/** The call's answer; a 401 with credentials also tells the page they stopped working. */
async function answer<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && credentials) unauthorized(e);
    throw e;
  }
}

type Schemas = components["schemas"];
export type Page<T> = { data: T[]; has_more: boolean; next_cursor: string | null; next_url: string | null };

// ---- who am I ----

export type Me = Schemas["Me"];
export const me = () => answer(client.get("/me"));

// ---- API keys ----

export type ApiKey = Schemas["ApiKey"];
export type NewApiKey = Schemas["ApiKeyIssued"];
export type KeyInput = NonNullable<Parameters<typeof client.post<"/api-keys">>[1]>["body"];
export type Scope = Schemas["Scopes"]["data"][number];
export type KeyUsage = Schemas["ApiKeyUsage"];
export type UsageWindow = KeyUsage["windows"][number];

export const listKeys = (p: { cursor?: string | null; status?: ApiKey["status"] } = {}) =>
  answer(client.get("/api-keys", { query: { limit: 50, ...p, cursor: p.cursor ?? undefined } }));
export const createKey = (input: KeyInput) => answer(client.post("/api-keys", { body: input }));
export const revokeKey = (id: string) => answer(client.post("/api-keys/{id}/revoke", { path: { id } }));
export const keyUsage = (id: string) => answer(client.get("/api-keys/{id}/usage", { path: { id } }));
export const listScopes = () => answer(client.get("/api-keys/scopes"));

// ---- webhook endpoints ----

export type Endpoint = Schemas["WebhookEndpoint"];
export type EndpointWithSecret = Schemas["WebhookEndpointWithSecret"];
export type Delivery = Schemas["WebhookDelivery"];
export type Attempt = Delivery["attempts"][number];
export type DeliveryStatus = Delivery["status"];

export const listEndpoints = (p: { cursor?: string | null } = {}) =>
  answer(client.get("/webhook-endpoints", { query: { limit: 50, cursor: p.cursor ?? undefined } }));
export const createEndpoint = (input: { url: string; events: string[]; description: string }) =>
  answer(client.post("/webhook-endpoints", { body: input }));
export const getEndpoint = (id: string) => answer(client.get("/webhook-endpoints/{id}", { path: { id } }));
export const setEndpointEnabled = (id: string, enabled: boolean) =>
  answer(client.post(enabled ? "/webhook-endpoints/{id}/enable" : "/webhook-endpoints/{id}/disable", { path: { id } }));
export const deleteEndpoint = (id: string) => answer(client.delete("/webhook-endpoints/{id}", { path: { id } }));
export const rotateSecret = (id: string) => answer(client.post("/webhook-endpoints/{id}/rotate-secret", { path: { id } }));
export const sendTestEvent = (id: string) => answer(client.post("/webhook-endpoints/{id}/test", { path: { id } }));
export const listDeliveries = (id: string, p: { status?: DeliveryStatus | ""; cursor?: string | null } = {}) =>
  answer(client.get("/webhook-endpoints/{id}/deliveries", {
    path: { id },
    query: { limit: 25, status: p.status || undefined, cursor: p.cursor ?? undefined },
  }));
export const redeliver = (id: string, deliveryId: string) =>
  answer(client.post("/webhook-endpoints/{id}/deliveries/{delivery_id}/redeliver", { path: { id, delivery_id: deliveryId } }));
export const replay = (id: string, since: string) =>
  answer(client.post("/webhook-endpoints/{id}/replay", { path: { id }, body: { since } }));

// ---- request log ----

export type RequestLogEntry = Schemas["RequestLogEntry"];
export interface RequestLogFilters {
  request_id?: string;
  key_id?: string;
  /** a class (4xx) or one status (404) */
  status?: string;
  cursor?: string | null;
}

/** A page of the request log; a filter left empty ("") is no filter. */
export const listRequestLogs = (p: RequestLogFilters = {}) =>
  answer(client.get("/request-logs", {
    query: { limit: 25, request_id: p.request_id || undefined, key_id: p.key_id || undefined, status: p.status || undefined, cursor: p.cursor || undefined },
  }));
