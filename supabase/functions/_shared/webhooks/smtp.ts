// A small SMTP client (RFC 5321) for the transactional outbox: EHLO, STARTTLS when offered or
// required, AUTH PLAIN when credentials are set, one message per connection. Every step is
// bounded: the connection (SMTP_CONNECT_TIMEOUT_MS), each read and write (SMTP_READ_TIMEOUT_MS)
// and the whole message (SMTP_TIMEOUT_MS), so a server that stops answering cannot hold the
// outbox (or the dispatcher's flush) until the Edge Function's 150 s wall clock.
//   SMTP_HOST, SMTP_PORT (465, or 587 with starttls), SMTP_USER, SMTP_PASSWORD, SMTP_FROM,
//   SMTP_TLS: "tls" (default: implicit TLS, port 465; hosted Edge Functions cannot reach ports
//             25 and 587), "starttls" (upgrade, required unless the host is loopback; e.g. port
//             2525 where a provider offers it), "none" (plain; the local catcher).
// Why ours rather than a library: docs/hosted.md ("Email").

export interface SmtpConfig {
  host: string;
  port: number;
  tls: "starttls" | "tls" | "none";
  user?: string;
  password?: string;
  from: string;
  /** The whole message, greeting to QUIT. */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** Each read of a reply and each write. */
  readTimeoutMs: number;
}

export interface Email {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

const envMs = (name: string, fallback: number) => {
  const n = Number(Deno.env.get(name));
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export function smtpConfigFromEnv(): SmtpConfig | null {
  const host = Deno.env.get("SMTP_HOST");
  if (!host) return null;
  const asked = Deno.env.get("SMTP_TLS") ?? "tls";
  const tls: SmtpConfig["tls"] = asked === "starttls" || asked === "none" ? asked : "tls";
  return {
    host,
    port: Number(Deno.env.get("SMTP_PORT") ?? (tls === "tls" ? 465 : 587)),
    tls,
    user: Deno.env.get("SMTP_USER") || undefined,
    password: Deno.env.get("SMTP_PASSWORD") || undefined,
    from: Deno.env.get("SMTP_FROM") ?? "Aptoria <no-reply@aptoria.ai>",
    timeoutMs: envMs("SMTP_TIMEOUT_MS", 30_000),
    connectTimeoutMs: envMs("SMTP_CONNECT_TIMEOUT_MS", 10_000),
    readTimeoutMs: envMs("SMTP_READ_TIMEOUT_MS", 10_000),
  };
}

/**
 * `work`, or an error once `ms` pass (or `deadline` does, whichever is first). What `work`
 * yields after that is handed to `late` (a connection is closed), and its failure ignored.
 */
function bounded<T>(work: Promise<T>, ms: number, deadline: number, what: string, late?: (value: T) => void): Promise<T> {
  const wait = Math.max(0, Math.min(ms, deadline - Date.now()));
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`SMTP ${what} timed out after ${wait} ms`));
    }, wait);
  });
  work.then((value) => timedOut && late?.(value), () => {});
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const closeQuietly = (conn: Deno.Conn) => {
  try {
    conn.close();
  } catch { /* already closed */ }
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

class Session {
  private buffer = "";
  constructor(private conn: Deno.Conn, private deadline: number, private readTimeoutMs: number) {}

  async reply(): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    for (;;) {
      const newline = this.buffer.indexOf("\r\n");
      if (newline >= 0) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 2);
        lines.push(line);
        // the last line of a reply has a space (or nothing) after the code, the others a dash
        if (line.length < 4 || line[3] !== "-") return { code: Number(line.slice(0, 3)), lines };
        continue;
      }
      const chunk = new Uint8Array(4096);
      const n = await bounded(this.conn.read(chunk), this.readTimeoutMs, this.deadline, "read");
      if (n === null) throw new Error("SMTP server closed the connection");
      this.buffer += decoder.decode(chunk.subarray(0, n));
    }
  }

  async command(line: string, expect: number[]): Promise<string[]> {
    await this.write(`${line}\r\n`);
    return this.expect(expect, line.split(" ")[0]);
  }

  async expect(codes: number[], what: string): Promise<string[]> {
    const { code, lines } = await this.reply();
    if (!codes.includes(code)) throw new Error(`SMTP ${what}: ${lines.join(" ").slice(0, 300)}`);
    return lines;
  }

  async write(text: string): Promise<void> {
    const bytes = encoder.encode(text);
    let written = 0;
    while (written < bytes.length) {
      written += await bounded(this.conn.write(bytes.subarray(written)), this.readTimeoutMs, this.deadline, "write");
    }
  }

  upgrade(conn: Deno.Conn) {
    this.conn = conn;
    this.buffer = "";
  }
}

function address(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

// Subjects may hold anything an endpoint URL holds; encode non-ASCII as RFC 2047 words.
function header(value: string): string {
  const clean = value.replace(/[\r\n]+/g, " ");
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${btoa(String.fromCharCode(...encoder.encode(clean)))}?=`;
}

export function formatMessage(cfg: SmtpConfig, mail: Email): string {
  const body = mail.text.replace(/\r?\n/g, "\r\n")
    // dot-stuffing: a line starting with "." gets another one
    .replace(/^\./gm, "..");
  return [
    `From: ${header(cfg.from)}`,
    `To: <${mail.to}>`,
    `Subject: ${header(mail.subject)}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${mail.messageId}@aptoria.ai>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    body,
  ].join("\r\n");
}

export async function sendMail(cfg: SmtpConfig, mail: Email): Promise<void> {
  if (/[\r\n<>]/.test(mail.to)) throw new Error("invalid recipient");
  const deadline = Date.now() + cfg.timeoutMs;
  let conn: Deno.Conn = await bounded<Deno.Conn>(
    cfg.tls === "tls" ? Deno.connectTls({ hostname: cfg.host, port: cfg.port }) : Deno.connect({ hostname: cfg.host, port: cfg.port }),
    cfg.connectTimeoutMs, deadline, `connection to ${cfg.host}:${cfg.port}`, closeQuietly,
  );
  const session = new Session(conn, deadline, cfg.readTimeoutMs);
  try {
    await session.expect([220], "greeting");
    let ehlo = await session.command("EHLO aptoria.ai", [250]);
    const loopback = ["127.0.0.1", "localhost", "::1"].includes(cfg.host);
    if (cfg.tls === "starttls") {
      if (ehlo.some((l) => /STARTTLS/i.test(l))) {
        await session.command("STARTTLS", [220]);
        conn = await bounded<Deno.Conn>(Deno.startTls(conn as Deno.TcpConn, { hostname: cfg.host }),
          cfg.connectTimeoutMs, deadline, "TLS handshake", closeQuietly);
        session.upgrade(conn);
        ehlo = await session.command("EHLO aptoria.ai", [250]);
      } else if (!loopback) {
        throw new Error("the SMTP server does not offer STARTTLS");
      }
    }
    if (cfg.user && cfg.password) {
      const token = btoa(String.fromCharCode(...encoder.encode(`\0${cfg.user}\0${cfg.password}`)));
      await session.command(`AUTH PLAIN ${token}`, [235]);
    }
    await session.command(`MAIL FROM:<${address(cfg.from)}>`, [250]);
    await session.command(`RCPT TO:<${mail.to}>`, [250, 251]);
    await session.command("DATA", [354]);
    await session.write(`${formatMessage(cfg, mail)}\r\n.\r\n`);
    await session.expect([250], "DATA");
    await session.command("QUIT", [221]).catch(() => {});
  } finally {
    // a read or write still pending (timed out) fails now, and is ignored
    closeQuietly(conn);
  }
}
