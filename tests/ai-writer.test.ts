// The deterministic writer, the masking of contact details bound for the model, and the model
// configuration: pure code shared by the AI helper functions, run here directly.
import { describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUT_MS, modelConfig } from "../supabase/functions/_shared/ai/llm.ts";
import { narrateVendorSummary, redactContacts } from "../supabase/functions/_shared/ai/narrative.ts";
import {
  type DelinquencyEntry,
  type DelinquencyRanking,
  usd,
  type VendorSummaryFacts,
  writeDelinquencySummary,
  writeVendorSummary,
} from "../supabase/functions/_shared/ai/writer.ts";

const vendorFacts = (over: Partial<VendorSummaryFacts["facts"]> = {}): VendorSummaryFacts => ({
  vendor: { id: "v_1", name: "Twin Cities Plow Co.", trade: "snow removal" },
  as_of: "2026-11-27",
  facts: {
    work_orders: { total: 6, open: 1, assigned: 1, completed: 4, overdue: 1 },
    median_days_to_complete: 2.5,
    average_cost_per_job_usd: 380,
    jobs_with_cost: 4,
    spend_this_year_usd: 1140.5,
    jobs_completed_this_year: 3,
    jobs_with_due_date: 4,
    jobs_on_time: 3,
    on_time_rate: 0.75,
    repeat_jobs_90_days: 0,
    latest_notes: [],
    organization: { median_days_to_complete: 1, average_cost_per_job_usd: 300 },
    ...over,
  },
  recommendation: { action: "watch", reasons: ["3 of 4 jobs with a due date were done on time (75%).", "1 open job is past its due date."] },
});

function entry(rank: number, over: Partial<DelinquencyEntry> = {}): DelinquencyEntry {
  return {
    rank, lease_id: `l_${rank}`, lease_status: "signed", tenant_name: "Maya R.", tenants: [{ id: "ten_1", name: "Maya R." }],
    property_id: "prop_1", property_name: "127 Pine", unit_id: "unit_1", unit_label: `${rank}B`,
    amount_owed_usd: 1825, monthly_rent_usd: 1825, owed_to_rent_ratio: 1, days_late: 31, oldest_due_date: "2026-10-27",
    unpaid_charges: 1, past_late_payments_12_months: 0, lease_end_date: null, days_left_on_lease: null, payment_plan: null,
    score: { total: 25.4, parts: { days_late: 12.1, amount_owed: 8.3, late_history: 0, payment_plan: 0, lease_time_left: 5 } },
    next_step: { action: "propose_payment_plan", text: "..." },
    ...over,
  };
}

describe("the deterministic writer", () => {
  it("writes a vendor summary from the facts and the recommendation", () => {
    expect(writeVendorSummary(vendorFacts())).toBe(
      "Twin Cities Plow Co. (snow removal) has 6 work orders with you: 4 completed, 2 still open (1 past due). " +
        "Jobs take a median of 2.5 days to complete (1 day across your vendors) and cost $380 on average. " +
        "This year you have spent $1,140.50 on 3 completed jobs. 3 of 4 jobs with a due date were done on time. " +
        "No repeat visits to the same unit within 90 days. " +
        "Recommendation: watch. 3 of 4 jobs with a due date were done on time (75%). 1 open job is past its due date.",
    );
  });

  it("leaves out what is unknown and counts in the singular", () => {
    const text = writeVendorSummary({
      ...vendorFacts({
        work_orders: { total: 1, open: 1, assigned: 0, completed: 0, overdue: 0 },
        median_days_to_complete: null, average_cost_per_job_usd: null, jobs_with_cost: 0, spend_this_year_usd: 0,
        jobs_completed_this_year: 0, jobs_with_due_date: 0, jobs_on_time: 0, on_time_rate: null, repeat_jobs_90_days: 1,
      }),
      vendor: { id: "v_2", name: "Solo", trade: null },
      recommendation: { action: "watch", reasons: [] },
    });
    expect(text).toBe(
      "Solo has 1 work order with you: 0 completed, 1 still open. This year you have spent $0 on 0 completed jobs. " +
        "1 repeat visit to the same unit within 90 days. Recommendation: watch.",
    );
  });

  it("writes the delinquency summary: the total, the first three leases by place, and how many follow", () => {
    const ranking: DelinquencyRanking = {
      as_of: "2026-11-27", property_id: null, totals: { delinquent_leases: 4, amount_owed_usd: 5475.25 },
      leases: [
        entry(1, { amount_owed_usd: 3650, days_late: 54, score: { ...entry(1).score, total: 42.7 }, next_step: { action: "formal_notice", text: "" } }),
        entry(2, { days_late: 1, score: { ...entry(1).score, total: 9 }, next_step: { action: "reminder", text: "" } }),
      ],
    };
    expect(writeDelinquencySummary(ranking)).toBe(
      "4 leases are behind on rent, $5,475.25 owed in total. " +
        "Start with 127 Pine 1B: $3,650 owed, 54 days late (score 42.7) — send a formal notice. " +
        "Then 127 Pine 2B: $1,825 owed, 1 day late (score 9) — send a reminder. " +
        "2 more leases follow in order of priority.",
    );
    expect(writeDelinquencySummary({ ...ranking, totals: { delinquent_leases: 1, amount_owed_usd: 10 }, leases: [entry(1, { next_step: { action: "call", text: "" } })] }))
      .toBe("1 lease is behind on rent, $10 owed in total. Start with 127 Pine 1B: $1,825 owed, 31 days late (score 25.4) — call the tenant.");
    expect(writeDelinquencySummary({ ...ranking, totals: { delinquent_leases: 0, amount_owed_usd: 0 }, leases: [] }))
      .toBe("No lease is behind on rent as of 2026-11-27.");
  });

  it("formats dollars as the reference does in prose", () => {
    expect([usd(0), usd(1825), usd(1825.5), usd(1234567.891), usd(0.1 + 0.2)]).toEqual(["$0", "$1,825", "$1,825.50", "$1,234,567.89", "$0.30"]);
  });
});

describe("what the model may see", () => {
  it("masks email addresses and phone numbers in free text", () => {
    expect(redactContacts("Call Maya at (612) 555-0142, +1 651.555.0199 or 6125550100; mail maya.r+rent@tenant.example."))
      .toBe("Call Maya at [phone], [phone] or [phone]; mail [email]");
    expect(redactContacts("Replaced 2 valves for $180 on unit 12, 3rd floor")).toBe("Replaced 2 valves for $180 on unit 12, 3rd floor");
  });
});

describe("model configuration", () => {
  const env = (vars: Record<string, string>) => ({ get: (name: string) => vars[name] });

  it("is absent without a base URL and a model, and the deterministic writer answers", async () => {
    expect(modelConfig(env({}))).toBeNull();
    expect(modelConfig(env({ AI_BASE_URL: "http://127.0.0.1:1/v1" }))).toBeNull();
    expect(modelConfig(env({ AI_MODEL: "gpt-4o-mini" }))).toBeNull();
    const narrative = await narrateVendorSummary(vendorFacts(), null, "req_test");
    expect(narrative).toEqual({ summary: writeVendorSummary(vendorFacts()), narrative_source: "deterministic", model: null });
  });

  it("reads the base URL, key, model and timeout, defaulting the timeout", () => {
    expect(modelConfig(env({ AI_BASE_URL: "https://api.openai.com/v1/", AI_MODEL: "gpt-4o-mini", AI_API_KEY: "sk-test" }))).toEqual({
      baseUrl: "https://api.openai.com/v1", apiKey: "sk-test", model: "gpt-4o-mini", timeoutMs: DEFAULT_TIMEOUT_MS,
    });
    expect(DEFAULT_TIMEOUT_MS).toBe(8000);
    expect(modelConfig(env({ AI_BASE_URL: "http://localhost:11434/v1", AI_MODEL: "llama3.1", AI_TIMEOUT_MS: "2500" })))
      .toEqual({ baseUrl: "http://localhost:11434/v1", apiKey: undefined, model: "llama3.1", timeoutMs: 2500 });
    expect(modelConfig(env({ AI_BASE_URL: "http://x/v1", AI_MODEL: "m", AI_TIMEOUT_MS: "soon" }))?.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
  });
});
