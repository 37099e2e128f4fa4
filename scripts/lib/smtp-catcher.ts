// A local SMTP catcher for the Docker-free stack (like Supabase's Inbucket): accepts every
// message on 127.0.0.1 and shows it over HTTP, so a person can read the emails the stack sends
// (e.g. "webhook endpoint disabled") and tests can check them.
//   GET /                   the messages, newest first (HTML)
//   GET /messages           the same as JSON (?to=<address> filters)
//   GET /messages/<id>      one message, raw
import { createServer as createTcpServer, type Socket } from "node:net";
import { createServer as createHttpServer } from "node:http";

export interface CaughtMessage {
  id: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
  received_at: string;
}

export interface SmtpCatcher {
  smtpPort: number;
  httpUrl: string;
  messages: CaughtMessage[];
  stop(): Promise<void>;
}

const MAX_MESSAGES = 1000;
const MAX_MESSAGE_BYTES = 1_000_000;

function parse(raw: string): { subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const text = split >= 0 ? raw.slice(split + 4) : "";
  const unfolded = head.replace(/\r\n[ \t]+/g, " ");
  let subject = /^Subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? "";
  subject = subject.replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64) => Buffer.from(b64, "base64").toString("utf8"));
  return { subject, text: text.replace(/\r\n/g, "\n") };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function session(socket: Socket, store: (m: Omit<CaughtMessage, "id" | "received_at">) => void) {
  let buffer = "";
  let from = "";
  let to: string[] = [];
  let data: string[] | null = null;
  let size = 0;
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply("220 aptoria-smtp-catcher ESMTP ready");
  socket.setEncoding("utf8");
  socket.on("error", () => {});
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf("\r\n")) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 2);
      if (data) {
        if (line === ".") {
          const raw = data.join("\r\n");
          data = null;
          if (size > MAX_MESSAGE_BYTES) {
            reply("552 message too large");
          } else {
            store({ from, to, ...parse(raw), raw });
            reply("250 OK: message accepted");
          }
          from = "";
          to = [];
        } else {
          size += line.length + 2;
          if (size <= MAX_MESSAGE_BYTES) data.push(line.startsWith("..") ? line.slice(1) : line);
        }
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO") reply("250-aptoria-smtp-catcher\r\n250-8BITMIME\r\n250 SIZE 1000000");
      else if (verb === "HELO") reply("250 aptoria-smtp-catcher");
      else if (verb === "MAIL") {
        from = /<([^>]*)>/.exec(line)?.[1] ?? "";
        to = [];
        reply("250 OK");
      } else if (verb === "RCPT") {
        to.push(/<([^>]*)>/.exec(line)?.[1] ?? "");
        reply("250 OK");
      } else if (verb === "DATA") {
        if (!to.length) reply("503 RCPT first");
        else {
          data = [];
          size = 0;
          reply("354 End data with <CR><LF>.<CR><LF>");
        }
      } else if (verb === "RSET") {
        from = "";
        to = [];
        reply("250 OK");
      } else if (verb === "NOOP") reply("250 OK");
      else if (verb === "QUIT") {
        reply("221 Bye");
        socket.end();
      } else if (verb === "AUTH") reply("235 Authentication succeeded");
      else reply("502 5.5.1 Unrecognized command");
    }
  });
}

export async function startSmtpCatcher(opts: { smtpPort: number; httpPort: number; host?: string }): Promise<SmtpCatcher> {
  const host = opts.host ?? "127.0.0.1";
  const messages: CaughtMessage[] = [];
  let next = 1;
  const sockets = new Set<Socket>();
  const smtp = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    session(socket, (m) => {
      messages.unshift({ id: next++, received_at: new Date().toISOString(), ...m });
      if (messages.length > MAX_MESSAGES) messages.pop();
    });
  });
  const http = createHttpServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://catcher");
    const one = /^\/messages\/(\d+)$/.exec(url.pathname);
    if (url.pathname === "/messages") {
      const to = url.searchParams.get("to");
      const list = to ? messages.filter((m) => m.to.includes(to)) : messages;
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(list));
    } else if (one) {
      const m = messages.find((x) => x.id === Number(one[1]));
      if (!m) res.writeHead(404, { "content-type": "text/plain" }).end("No such message.");
      else res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(m.raw);
    } else if (url.pathname === "/") {
      const rows = messages.map((m) => `<tr><td>${escapeHtml(m.received_at)}</td><td>${escapeHtml(m.to.join(", "))}</td>
        <td><a href="/messages/${m.id}">${escapeHtml(m.subject || "(no subject)")}</a></td></tr>`).join("");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><meta charset="utf-8">
        <title>Local mail</title><h1>Emails sent by the local stack</h1>
        <table border="1" cellpadding="4"><tr><th>Received</th><th>To</th><th>Subject</th></tr>${rows}</table>`);
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found.");
    }
  });
  await new Promise<void>((resolve, reject) => smtp.once("error", reject).listen(opts.smtpPort, host, () => resolve()));
  await new Promise<void>((resolve, reject) => http.once("error", reject).listen(opts.httpPort, host, () => resolve()));
  return {
    smtpPort: (smtp.address() as { port: number }).port,
    httpUrl: `http://${host}:${(http.address() as { port: number }).port}`,
    messages,
    async stop() {
      for (const s of sockets) s.destroy();
      await Promise.all([
        new Promise((r) => smtp.close(() => r(null))),
        new Promise((r) => {
          http.closeAllConnections?.();
          http.close(() => r(null));
        }),
      ]);
    },
  };
}
