// The dispatcher's HTTP client: one POST at a time per connection, over HTTP/1.1, with
// connections kept alive per destination. It connects to the address the SSRF check approved,
// never to a fresh resolution, and for https verifies the certificate against the URL's host
// (also the TLS server name and the Host header).
//
// Why not fetch or node:http: under Deno 2.9, a POST to a local receiver cost 123-136 µs of CPU
// with fetch, 69-97 µs with node:http and 32-36 µs with this, a third of the dispatcher's work
// per delivery. It needs only Deno.connect and Deno.startTls, which Postgres drivers need too.

/** What an attempt keeps of the response: its status and the first `keep` bytes of its body. */
export interface Answer {
  status: number;
  body: Uint8Array;
}

export class AttemptTimeout extends Error {
  override name = "TimeoutError";
}

/** The response broke HTTP/1.1 before its status line and headers were complete. */
class MalformedResponse extends Error {
  override name = "MalformedResponse";
}

const MAX_HEAD = 64 * 1024;
// A body up to this size is read to its end so its connection can carry the next attempt; a
// longer one is cut after what is kept, and its connection closed.
const MAX_DRAIN = 64 * 1024;
// Node's servers close an idle connection after 5 s; reusing one a server may be closing costs a
// retry, so connections idle this long are closed rather than reused.
const IDLE_MS = 4000;
const MAX_IDLE_PER_DESTINATION = 512;

const encoder = new TextEncoder();
const NO_BODY = new Uint8Array(0);
const decoder = new TextDecoder("latin1");

/** A connection and the bytes read from it but not yet used. */
class Connection {
  private buf = new Uint8Array(16 * 1024);
  private start = 0;
  private end = 0;
  idleSince = 0;
  /** Bytes of the current response seen so far (a reused connection that fails before any may retry). */
  received = 0;

  constructor(readonly conn: Deno.Conn) {}

  async write(bytes: Uint8Array): Promise<void> {
    for (let at = 0; at < bytes.length;) at += await this.conn.write(bytes.subarray(at));
  }

  /** Reads more bytes; false at the end of the stream. */
  private async fill(): Promise<boolean> {
    if (this.start === this.end) this.start = this.end = 0;
    if (this.end === this.buf.length) {
      const bigger = new Uint8Array(this.end - this.start < this.buf.length / 2 ? this.buf.length : this.buf.length * 2);
      bigger.set(this.buf.subarray(this.start, this.end));
      this.end -= this.start;
      this.start = 0;
      this.buf = bigger;
    }
    const n = await this.conn.read(this.buf.subarray(this.end));
    if (n === null) return false;
    this.end += n;
    this.received += n;
    return true;
  }

  /** The bytes up to the next blank line (a response's status line and headers), as latin1. */
  async head(): Promise<string> {
    // offsets from `start`: filling may move the buffered bytes
    let from = 3;
    for (;;) {
      for (let i = this.start + from; i < this.end; i++) {
        if (this.buf[i] === 10 && this.buf[i - 1] === 13 && this.buf[i - 2] === 10 && this.buf[i - 3] === 13) {
          const text = decoder.decode(this.buf.subarray(this.start, i + 1));
          this.start = i + 1;
          return text;
        }
      }
      from = Math.max(3, this.end - this.start);
      if (this.end - this.start > MAX_HEAD) throw new MalformedResponse(`response headers longer than ${MAX_HEAD} bytes`);
      if (!(await this.fill())) {
        throw new MalformedResponse(this.received === 0 ? "connection closed without a response" : "connection closed in the response headers");
      }
    }
  }

  /** One CRLF-terminated line (chunk sizes, trailers), without its CRLF. */
  async line(): Promise<string> {
    for (;;) {
      const i = this.buf.subarray(this.start, this.end).indexOf(10);
      if (i >= 0) {
        const text = decoder.decode(this.buf.subarray(this.start, this.start + i)).replace(/\r$/, "");
        this.start += i + 1;
        return text;
      }
      if (this.end - this.start > 4096) throw new Error("chunk header too long");
      if (!(await this.fill())) throw new Error("connection closed in the body");
    }
  }

  /** Passes up to `n` bytes (all of them until the end of the stream when n is Infinity) to `sink`; returns how many. */
  async take(n: number, sink: (bytes: Uint8Array) => void): Promise<number> {
    let taken = 0;
    while (taken < n) {
      if (this.start === this.end && !(await this.fill())) break;
      const part = this.buf.subarray(this.start, this.start + Math.min(n - taken, this.end - this.start));
      sink(part);
      this.start += part.length;
      taken += part.length;
    }
    return taken;
  }

  get buffered(): number {
    return this.end - this.start;
  }

  close(): void {
    try {
      this.conn.close();
    } catch { /* already closed */ }
  }
}

// Idle connections per destination (scheme, address, port and, for TLS, the verified name),
// the most recently used last.
const idle = new Map<string, Connection[]>();

function checkOut(key: string): Connection | undefined {
  const list = idle.get(key);
  const now = Date.now();
  while (list?.length) {
    const c = list.pop()!;
    if (now - c.idleSince < IDLE_MS) return c;
    c.close();
    // the rest are older still
    for (const old of list.splice(0)) old.close();
  }
  // no entry kept for a destination with nothing idle: endpoints come and go
  idle.delete(key);
  return undefined;
}

function checkIn(key: string, c: Connection): void {
  let list = idle.get(key);
  if (!list) idle.set(key, list = []);
  c.idleSince = Date.now();
  c.received = 0;
  list.push(c);
  if (list.length > MAX_IDLE_PER_DESTINATION) list.shift()!.close();
}

async function open(url: URL, address: string): Promise<Connection> {
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  const tcp = await Deno.connect({ hostname: address, port });
  if (url.protocol !== "https:") return new Connection(tcp);
  try {
    return new Connection(await Deno.startTls(tcp, { hostname: url.hostname.replace(/^\[|\]$/g, ""), alpnProtocols: ["http/1.1"] }));
  } catch (e) {
    tcp.close();
    throw e;
  }
}

// Bodies are encoded here first, to learn their length: one buffer per request instead of three
// (each a separate allocation outside V8's heap, and a cause of collections in a burst). A
// payload is at most 64 KB (app.webhook_events), its envelope well under this.
const scratch = new Uint8Array(128 * 1024);

function requestBytes(url: URL, headers: Record<string, string>, body: string): Uint8Array {
  const encoded = encoder.encodeInto(body, scratch);
  if (encoded.read !== body.length) throw new Error("request body over 128 KB");
  const payload = scratch.subarray(0, encoded.written);
  let head = `POST ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n`;
  for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
  head += `content-length: ${payload.length}\r\n\r\n`;
  const bytes = new Uint8Array(head.length + payload.length);
  // ASCII by construction (a parsed URL is percent-encoded and punycoded; our header values are
  // ids, kinds and hex): one byte per character
  const start = encoder.encodeInto(head, bytes);
  if (start.read !== head.length || start.written !== head.length) throw new Error("request head is not ASCII");
  bytes.set(payload, head.length);
  return bytes;
}

interface Read extends Answer {
  reusable: boolean;
}

/** Reads one response (after any 1xx), keeping the first `keep` bytes of its body. */
async function readResponse(c: Connection, keep: number): Promise<Read> {
  let head: string, status: number, minor: string;
  for (;;) {
    head = await c.head();
    const m = /^HTTP\/1\.([01]) (\d{3})/.exec(head);
    if (!m) throw new MalformedResponse("not an HTTP/1.x response");
    minor = m[1];
    status = Number(m[2]);
    // 1xx are interim (100 Continue, 103 Early Hints); 101 would switch protocols: the last word
    if (status >= 200 || status === 101) break;
  }
  const fields = new Map<string, string>();
  for (const line of head.split("\r\n").slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    fields.set(name, fields.has(name) ? `${fields.get(name)}, ${value}` : value);
  }

  // most answers have no body: nothing is allocated for them
  let kept: Uint8Array | undefined;
  let keptLength = 0;
  let seen = 0;
  const sink = (bytes: Uint8Array) => {
    const part = bytes.subarray(0, keep - keptLength);
    kept ??= new Uint8Array(keep);
    kept.set(part, keptLength);
    keptLength += part.length;
    seen += bytes.length;
  };
  const answer = (reusable: boolean): Read => ({ status, body: kept ? kept.subarray(0, keptLength) : NO_BODY, reusable });
  const reusable = minor === "1" && !/(^|,)\s*close\s*(,|$)/i.test(fields.get("connection") ?? "");
  if (status === 101) return answer(false);

  // The status is the answer; a body cut short by the server only ends what is kept.
  try {
    if (status === 204 || status === 304) return answer(reusable && c.buffered === 0);
    const coding = fields.get("transfer-encoding");
    if (coding !== undefined) {
      if (!/(^|,)\s*chunked\s*$/i.test(coding)) {
        await c.take(MAX_DRAIN, sink);
        return answer(false);
      }
      for (;;) {
        const size = parseInt(await c.line(), 16);
        if (!Number.isFinite(size) || size < 0) return answer(false);
        if (size === 0) break;
        if (seen + size > MAX_DRAIN) {
          await c.take(keep - keptLength, sink);
          return answer(false);
        }
        if (await c.take(size, sink) < size) return answer(false);
        if (await c.line() !== "") return answer(false);
      }
      while (await c.line() !== ""); // trailers
    } else if (fields.has("content-length")) {
      const length = Number(fields.get("content-length"));
      if (!Number.isSafeInteger(length) || length < 0) return answer(false);
      if (length > MAX_DRAIN) {
        await c.take(keep, sink);
        return answer(false);
      }
      if (await c.take(length, sink) < length) return answer(false);
    } else {
      // the body runs to the end of the connection
      await c.take(MAX_DRAIN, sink);
      return answer(false);
    }
  } catch {
    return answer(false);
  }
  // bytes past the response were never asked for: the connection is out of step
  return answer(reusable && c.buffered === 0);
}

/**
 * POSTs `body` to `url`, connected to `address` (already checked), and returns the status and
 * the first `keep` bytes of the response body. Rejects after `timeoutMs` in all. A request that
 * fails on a kept-alive connection before any byte of its response arrived (the server closed
 * the connection as it was reused) is sent again once on a new connection.
 */
export async function post(url: URL, address: string, headers: Record<string, string>, body: string, timeoutMs: number, keep: number): Promise<Answer> {
  const key = `${url.protocol}//${address}/${url.port}/${url.hostname}`;
  const bytes = requestBytes(url, headers, body);
  let current: Connection | undefined;
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      current?.close();
      reject(new AttemptTimeout(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  expired.catch(() => {});
  try {
    for (let tries = 0;; tries++) {
      const kept = tries === 0 ? checkOut(key) : undefined;
      let c: Connection | undefined;
      try {
        if (kept) c = kept;
        else {
          // connecting (and the TLS handshake) cannot be interrupted: a late connection is closed
          const opening = open(url, address);
          opening.then((late) => timedOut && late.close(), () => {});
          c = await Promise.race([opening, expired]);
        }
        current = c;
        await c.write(bytes);
        const read = await readResponse(c, keep);
        // a body still arriving at the deadline is a timeout, whatever its status said
        if (timedOut) throw new AttemptTimeout(`timed out after ${timeoutMs} ms`);
        if (read.reusable) checkIn(key, c);
        else c.close();
        return { status: read.status, body: read.body };
      } catch (e) {
        c?.close();
        if (timedOut) throw new AttemptTimeout(`timed out after ${timeoutMs} ms`);
        if (kept && c?.received === 0) continue;
        throw e;
      }
    }
  } finally {
    clearTimeout(timer);
  }
}
