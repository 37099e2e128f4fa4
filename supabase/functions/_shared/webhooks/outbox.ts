// Sends what app.email_outbox holds. Each email is claimed (so concurrent senders never send
// one twice), sent over SMTP, then marked sent or rescheduled with its error.
import type { Sql } from "../db.ts";
import { sendMail, smtpConfigFromEnv } from "./smtp.ts";

export interface OutboxSummary {
  sent: number;
  failed: number;
  configured: boolean;
}

export async function flushOutbox(sql: Sql, max = 50): Promise<OutboxSummary> {
  const cfg = smtpConfigFromEnv();
  if (!cfg) return { sent: 0, failed: 0, configured: false };
  const emails = await sql<{ id: string; to_address: string; subject: string; body: string }[]>`
    select id, to_address, subject, body from app.email_outbox_claim(${max})`;
  let sent = 0, failed = 0;
  await Promise.all(emails.map(async (email) => {
    let error: string | null = null;
    try {
      await sendMail(cfg, { to: email.to_address, subject: email.subject, text: email.body, messageId: email.id });
      sent++;
    } catch (e) {
      error = (e as Error).message || "send failed";
      failed++;
    }
    await sql`select app.email_outbox_result(${email.id}, ${error})`;
  }));
  return { sent, failed, configured: true };
}
