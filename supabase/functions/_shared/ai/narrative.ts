// The narrative of an AI helper's answer: worded by the configured model from the computed
// facts, or by the deterministic writer when there is no model or it fails. The model sees
// only what it needs to word the facts: no tenant names, ids or contact details, and work
// order notes with email addresses and phone numbers masked.
import { chatCompletion, type FailureReason, ModelError, type ModelConfig } from "./llm.ts";
import {
  type DelinquencyRanking,
  leasePlace,
  type VendorSummaryFacts,
  writeDelinquencySummary,
  writeVendorSummary,
} from "./writer.ts";

export interface Narrative {
  summary: string;
  narrative_source: "model" | "deterministic";
  /** The model that wrote the summary; null when the deterministic writer did. */
  model: string | null;
}

const SYSTEM_PROMPT = [
  "You write short notes for a landlord about their own rental business, in plain language.",
  "Use only the facts in the JSON you are given. Never invent, recompute or change a number,",
  "never change a recommendation or the order of a list, and never guess at people's circumstances.",
  "Answer with 3 to 5 sentences of plain text: no markdown, no lists, no greeting, no sign-off.",
].join(" ");

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/g;
const PHONE = /(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g;

/** Masks email addresses and phone numbers in free text bound for the model. */
export function redactContacts(text: string): string {
  return text.replace(EMAIL, "[email]").replace(PHONE, "[phone]");
}

/** What the model is told about a vendor: the facts and the recommendation it must explain. */
export function vendorModelInput(s: VendorSummaryFacts): unknown {
  return {
    task: "Summarize this vendor's record with the landlord and explain the recommendation (keep, watch or replace) using its reasons.",
    vendor: { name: s.vendor.name, trade: s.vendor.trade },
    as_of: s.as_of,
    facts: {
      ...s.facts,
      latest_notes: s.facts.latest_notes.map((n) => ({ date: n.date, title: redactContacts(n.title), note: redactContacts(n.note) })),
    },
    recommendation: s.recommendation,
  };
}

/** What the model is told about delinquent leases: places, amounts, scores and next steps only. */
export function delinquencyModelInput(r: DelinquencyRanking): unknown {
  return {
    task: "Tell the landlord, in priority order, which delinquent leases to act on first and the suggested next step for each. Keep the order given.",
    as_of: r.as_of,
    totals: r.totals,
    leases: r.leases.slice(0, 10).map((e) => ({
      rank: e.rank,
      lease: leasePlace(e),
      amount_owed_usd: e.amount_owed_usd,
      monthly_rent_usd: e.monthly_rent_usd,
      days_late: e.days_late,
      past_late_payments_12_months: e.past_late_payments_12_months,
      payment_plan: e.payment_plan?.state ?? "none",
      days_left_on_lease: e.days_left_on_lease,
      score: e.score,
      next_step: e.next_step,
    })),
  };
}

async function narrate(modelInput: unknown, deterministic: () => string, config: ModelConfig | null, requestId: string): Promise<Narrative> {
  if (config) {
    try {
      const summary = await chatCompletion(config, [
        { role: "system", content: SYSTEM_PROMPT },
        { role: "user", content: JSON.stringify(modelInput) },
      ]);
      return { summary, narrative_source: "model", model: config.model };
    } catch (e) {
      const reason: FailureReason = e instanceof ModelError ? e.reason : "provider_error";
      // Operators need to know the model is failing; clients still get a complete answer.
      console.warn(JSON.stringify({ request_id: requestId, ai_fallback: reason, detail: (e as Error)?.message }));
    }
  }
  return { summary: deterministic(), narrative_source: "deterministic", model: null };
}

export const narrateVendorSummary = (s: VendorSummaryFacts, config: ModelConfig | null, requestId: string) =>
  narrate(vendorModelInput(s), () => writeVendorSummary(s), config, requestId);

export const narrateDelinquency = (r: DelinquencyRanking, config: ModelConfig | null, requestId: string) =>
  narrate(delinquencyModelInput(r), () => writeDelinquencySummary(r), config, requestId);
