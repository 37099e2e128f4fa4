// A small SMTP client (RFC 5321) for the transactional outbox: EHLO, STARTTLS when offered or
// required, AUTH PLAIN when credentials are set, one message per connection.
//   SMTP_HOST, SMTP_PORT (587), SMTP_USER, SMTP_PASSWORD, SMTP_FROM,
//   SMTP_TLS: "starttls" (default: upgrade, required unless the host is loopback),
//             "tls" (implicit TLS, port 465), "none" (plain; the local catcher).

export interface SmtpConfig {
  host: string;
  port: number;
  tls: "starttls" | "tls" | "none";
  user?: string;
  password?: string;
  from: string;
  timeoutMs: number;
}

export interface Email {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

export function smtpConfigFromEnv(): SmtpConfig | null {
  const host = Deno.env.get("SMTP_HOST");
  if (!host) return null;
  const tls = (Deno.env.get("SMTP_TLS") ?? "starttls") as SmtpConfig["tls"];
  return {
    host,
    port: Number(Deno.env.get("SMTP_PORT") ?? (tls === "tls" ? 465 : 587)),
    tls: ["starttls", "tls", "none"].includes(tls) ? tls : "starttls",
    user: Deno.env.get("SMTP_USER") || undefined,
    password: Deno.env.get("SMTP_PASSWORD") || undefined,
    from: Deno.env.get("SMTP_FROM") ?? "Aptoria <no-reply@aptoria.ai>",
    timeoutMs: 15_000,
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

class Session {
  private buffer = "";
  constructor(private conn: Deno.Conn, private deadline: number) {}

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
      if (Date.now() > this.deadline) throw new Error("SMTP server timed out");
      const chunk = new Uint8Array(4096);
      const n = await this.conn.read(chunk);
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
    while (written < bytes.length) written += await this.conn.write(bytes.subarray(written));
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
  let conn: Deno.Conn = cfg.tls === "tls"
    ? await Deno.connectTls({ hostname: cfg.host, port: cfg.port })
    : await Deno.connect({ hostname: cfg.host, port: cfg.port });
  const session = new Session(conn, deadline);
  try {
    await session.expect([220], "greeting");
    let ehlo = await session.command("EHLO aptoria.ai", [250]);
    const loopback = ["127.0.0.1", "localhost", "::1"].includes(cfg.host);
    if (cfg.tls === "starttls") {
      if (ehlo.some((l) => /STARTTLS/i.test(l))) {
        await session.command("STARTTLS", [220]);
        conn = await Deno.startTls(conn as Deno.TcpConn, { hostname: cfg.host });
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
    try {
      conn.close();
    } catch { /* already closed */ }
  }
}
