// A small fetch client typed by the OpenAPI document's `paths` (openapi-typescript's output):
// the path, its parameters, the body and the answer are checked by the compiler; an answer other
// than 2xx is thrown as an ApiError. Only web-platform APIs (fetch, URL, AbortSignal), so it runs
// in Node 20+, Deno and browsers alike.

export type HttpMethod = "get" | "put" | "post" | "delete" | "patch";

/** The paths that have an operation for `M`. */
export type PathsWith<Paths, M extends HttpMethod> = {
  [P in keyof Paths]: Paths[P] extends Record<M, object> ? P : never;
}[keyof Paths] & string;

/** The operation object of `M` on path `P`. */
export type Operation<Paths, P extends keyof Paths, M extends HttpMethod> = Paths[P] extends Record<M, infer O> ? O : never;

type Present<X> = [X] extends [never] ? false : [X] extends [undefined] ? false : true;
type ParametersOf<O> = O extends { parameters: infer X } ? X : Record<never, never>;
type PathPart<O> = ParametersOf<O> extends { path: infer X } ? Present<X> extends true ? { path: X } : unknown : unknown;
type QueryPart<O> = ParametersOf<O> extends { query?: infer X } ? Present<X> extends true ? { query?: NonNullable<X> } : unknown : unknown;
type BodyPart<O> = O extends { requestBody?: never } ? unknown
  : O extends { requestBody: { content: { "application/json": infer B } } } ? { body: B }
  : O extends { requestBody?: { content: { "application/json": infer B } } } ? { body?: B }
  : unknown;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | "2XX";
type JsonContent<R> = R extends { content: { "application/json": infer J } } ? J : undefined;
/** The parsed JSON of the operation's 2xx answer(s). */
export type SuccessBody<O> = O extends { responses: infer R } ? JsonContent<R[Extract<keyof R, SuccessStatus>]> : unknown;

type HeaderParameters<O> = ParametersOf<O> extends { header?: infer H } ? NonNullable<H> : never;
/** `idempotencyKey` where the operation takes an Idempotency-Key header. */
type IdempotencyPart<O> = [HeaderParameters<O>] extends [never] ? unknown
  : "Idempotency-Key" extends keyof HeaderParameters<O> ? {
    /** Sent as the Idempotency-Key header: a repeat with the same key and body answers the first answer (Idempotent-Replayed: true). */
    idempotencyKey?: string;
  }
  : unknown;

export interface CallOptions {
  /** More headers for this request. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** What a request on `M` `P` takes: `path` and `query` parameters and `body`, as the document says. */
export type RequestOptions<O> = PathPart<O> & QueryPart<O> & BodyPart<O> & IdempotencyPart<O> & CallOptions;
type OptionsArg<O> = Record<never, never> extends RequestOptions<O> ? [options?: RequestOptions<O>] : [options: RequestOptions<O>];

/** A list answer: a page of `data`, and the cursor of the next page. */
export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}
/** The GET paths that answer a page (cursor pagination). */
export type ListPaths<Paths> = {
  [P in PathsWith<Paths, "get">]: SuccessBody<Operation<Paths, P, "get">> extends Page<unknown> ? P : never;
}[PathsWith<Paths, "get">];
type ItemOf<B> = B extends Page<infer T> ? T : never;

/** An answer other than 2xx: its status, the API's `error` message and the request id to quote to support. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The API's `{"error": ...}` message (or a description of an answer that had none). */
    readonly error: string,
    /** The X-Request-Id header, to quote to support. */
    readonly requestId: string | null,
    /** Retry-After in seconds, when the API sent it (429, 503). */
    readonly retryAfter: number | null,
    /** The parsed body (or its text when it was not JSON). */
    readonly body: unknown,
  ) {
    super(`${status}: ${error}${requestId ? ` (request ${requestId})` : ""}`);
    this.name = "ApiError";
  }
}

export interface RetryOptions {
  /** How many times a request refused with 429 is sent again (after waiting Retry-After). */
  retries: number;
  /** A Retry-After longer than this many seconds is not waited for: the 429 is thrown (default 60). */
  maxDelaySeconds?: number;
}

export interface ClientOptions {
  /**
   * Where the API is: one of the document's servers, e.g. `https://app.aptoria.ai/api` (the
   * default) or `https://<ref>.supabase.co/functions/v1`; in a browser also a path such as `/api`.
   */
  baseUrl?: string;
  /** An `apt_` key or a member's session token, sent as a Bearer token; a function is asked at each request. */
  apiKey?: string | (() => string | null | undefined);
  /** Headers for every request (e.g. X-Organization-Id); a function is asked at each request. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /**
   * Off unless given: wait Retry-After and send again when the API answers 429. A refused request
   * consumes nothing and did nothing, so any method may be sent again.
   */
  retry?: RetryOptions;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** How to wait before a retry (default: a timer); tests replace it. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface ClientResponse<T> {
  data: T;
  response: Response;
}

export interface Client<Paths> {
  get<P extends PathsWith<Paths, "get">>(path: P, ...options: OptionsArg<Operation<Paths, P, "get">>): Promise<SuccessBody<Operation<Paths, P, "get">>>;
  post<P extends PathsWith<Paths, "post">>(path: P, ...options: OptionsArg<Operation<Paths, P, "post">>): Promise<SuccessBody<Operation<Paths, P, "post">>>;
  patch<P extends PathsWith<Paths, "patch">>(path: P, ...options: OptionsArg<Operation<Paths, P, "patch">>): Promise<SuccessBody<Operation<Paths, P, "patch">>>;
  put<P extends PathsWith<Paths, "put">>(path: P, ...options: OptionsArg<Operation<Paths, P, "put">>): Promise<SuccessBody<Operation<Paths, P, "put">>>;
  delete<P extends PathsWith<Paths, "delete">>(path: P, ...options: OptionsArg<Operation<Paths, P, "delete">>): Promise<SuccessBody<Operation<Paths, P, "delete">>>;
  /** Any operation, answering the parsed body together with the Response (for its headers). */
  request<M extends HttpMethod, P extends PathsWith<Paths, M>>(
    method: M,
    path: P,
    ...options: OptionsArg<Operation<Paths, P, M>>
  ): Promise<ClientResponse<SuccessBody<Operation<Paths, P, M>>>>;
  /** Every item of a list, page after page (each page fetched when the previous one is used up). */
  paginate<P extends ListPaths<Paths>>(
    path: P,
    ...options: OptionsArg<Operation<Paths, P, "get">>
  ): AsyncIterableIterator<ItemOf<SuccessBody<Operation<Paths, P, "get">>>>;
}

interface AnyOptions extends CallOptions {
  idempotencyKey?: string;
  path?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export function createClient<Paths>(options: ClientOptions): Client<Paths> {
  const base = (options.baseUrl ?? "https://app.aptoria.ai/api").replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? timerSleep;

  async function send(method: HttpMethod, template: string, o: AnyOptions = {}): Promise<ClientResponse<unknown>> {
    // a relative baseUrl (e.g. "/api" on a page served with the API) is the page's
    const url = new URL(base + fillPath(template, o.path ?? {}), (globalThis as { document?: { baseURI: string } }).document?.baseURI);
    for (const [name, value] of Object.entries(o.query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(v));
    }
    const headers: Record<string, string> = {
      accept: "application/json",
      ...(typeof options.headers === "function" ? options.headers() : options.headers),
    };
    const key = typeof options.apiKey === "function" ? options.apiKey() : options.apiKey;
    if (key) headers.authorization = `Bearer ${key}`;
    if (o.body !== undefined) headers["content-type"] = "application/json";
    if (o.idempotencyKey !== undefined) headers["idempotency-key"] = o.idempotencyKey;
    Object.assign(headers, o.headers);
    const body = o.body === undefined ? undefined : JSON.stringify(o.body);

    for (let retriesLeft = options.retry?.retries ?? 0;; retriesLeft--) {
      const response = await doFetch(url, { method: method.toUpperCase(), headers, body, signal: o.signal });
      if (response.ok) {
        const text = await response.text();
        return { data: text === "" ? undefined : JSON.parse(text), response };
      }
      const error = await errorOf(response);
      const waitSeconds = error.retryAfter ?? -1;
      if (response.status !== 429 || retriesLeft <= 0 || waitSeconds < 0 || waitSeconds > (options.retry?.maxDelaySeconds ?? 60)) {
        throw error;
      }
      await sleep(waitSeconds * 1000, o.signal);
    }
  }

  async function* paginate(path: string, o: AnyOptions = {}): AsyncIterableIterator<unknown> {
    let cursor: string | null = null;
    do {
      const query = cursor === null ? o.query : { ...o.query, cursor };
      const { data } = await send("get", path, { ...o, query });
      const page = data as Page<unknown>;
      yield* page.data;
      cursor = page.has_more ? page.next_cursor : null;
    } while (cursor !== null);
  }

  const data = (method: HttpMethod) => async (path: string, o?: AnyOptions) => (await send(method, path, o)).data;
  // The typed surface is Client<Paths>; underneath, one untyped implementation serves every path.
  return {
    get: data("get"),
    post: data("post"),
    patch: data("patch"),
    put: data("put"),
    delete: data("delete"),
    request: (method: HttpMethod, path: string, o?: AnyOptions) => send(method, path, o),
    paginate,
  } as unknown as Client<Paths>;
}

function fillPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${template}: path parameter ${name} is missing.`);
    return encodeURIComponent(String(value));
  });
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch { /* not JSON: kept as text */ }
  const message = typeof (body as { error?: unknown } | null)?.error === "string"
    ? (body as { error: string }).error
    : `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`;
  const retryAfter = response.headers.get("retry-after");
  return new ApiError(
    response.status,
    message,
    response.headers.get("x-request-id"),
    retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : null,
    body,
  );
}

function timerSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
