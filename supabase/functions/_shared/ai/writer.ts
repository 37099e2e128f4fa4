// The deterministic writer: the narrative of an AI helper's answer, built only from the facts
// SQL computed. It is the fallback whenever no model is configured or the model fails, so it
// must read well on its own. Pure functions, no I/O.

export interface VendorSummaryFacts {
  vendor: { id: string; name: string; trade: string | null };
  as_of: string;
  facts: {
    work_orders: { total: number; open: number; assigned: number; completed: number; overdue: number };
    median_days_to_complete: number | null;
    average_cost_per_job_usd: number | null;
    jobs_with_cost: number;
    spend_this_year_usd: number;
    jobs_completed_this_year: number;
    jobs_with_due_date: number;
    jobs_on_time: number;
    on_time_rate: number | null;
    repeat_jobs_90_days: number;
    latest_notes: { work_order_id: string; title: string; date: string; note: string }[];
    organization: { median_days_to_complete: number | null; average_cost_per_job_usd: number | null };
  };
  recommendation: { action: "keep" | "watch" | "replace"; reasons: string[] };
}

export type NextStepAction = "reminder" | "call" | "propose_payment_plan" | "formal_notice";

export interface DelinquencyEntry {
  rank: number;
  lease_id: string;
  lease_status: string;
  tenant_name: string | null;
  tenants: { id: string; name: string }[];
  property_id: string;
  property_name: string;
  unit_id: string;
  unit_label: string;
  amount_owed_usd: number;
  monthly_rent_usd: number;
  owed_to_rent_ratio: number | null;
  days_late: number;
  oldest_due_date: string;
  unpaid_charges: number;
  past_late_payments_12_months: number;
  lease_end_date: string | null;
  days_left_on_lease: number | null;
  payment_plan: {
    id: string;
    status: string;
    state: "proposed" | "on_schedule" | "broken" | "completed" | "rejected";
    proposed_on: string | null;
    decided_on: string | null;
    missed_installment_due_date: string | null;
    next_installment_due_date: string | null;
    next_installment_usd: number | null;
  } | null;
  score: {
    total: number;
    parts: { days_late: number; amount_owed: number; late_history: number; payment_plan: number; lease_time_left: number };
  };
  next_step: { action: NextStepAction; text: string };
}

export interface DelinquencyRanking {
  as_of: string;
  property_id: string | null;
  totals: { delinquent_leases: number; amount_owed_usd: number };
  leases: DelinquencyEntry[];
}

/** "$1,825" or "$1,825.50". */
export function usd(dollars: number): string {
  const cents = Math.round(dollars * 100);
  const whole = cents % 100 === 0;
  return "$" + (cents / 100).toLocaleString("en-US", { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How a lease is named in narratives: by its place, never by its tenants. */
export const leasePlace = (e: Pick<DelinquencyEntry, "property_name" | "unit_label">) => `${e.property_name} ${e.unit_label}`;

export function writeVendorSummary(s: VendorSummaryFacts): string {
  const f = s.facts;
  const wo = f.work_orders;
  const name = s.vendor.trade ? `${s.vendor.name} (${s.vendor.trade})` : s.vendor.name;
  const verdict = `Recommendation: ${s.recommendation.action}.${s.recommendation.reasons.length ? " " + s.recommendation.reasons.join(" ") : ""}`;
  if (wo.total === 0) return `${name} has no work orders with you yet, so there is nothing to judge. ${verdict}`;

  const open = wo.open + wo.assigned;
  const sentences = [
    `${name} has ${plural(wo.total, "work order")} with you: ${wo.completed} completed, ${open} still open` +
    (wo.overdue ? ` (${wo.overdue} past due).` : "."),
  ];
  if (f.median_days_to_complete !== null) {
    const org = f.organization.median_days_to_complete;
    sentences.push(
      `Jobs take a median of ${plural(f.median_days_to_complete, "day")} to complete` +
        (org !== null ? ` (${plural(org, "day")} across your vendors)` : "") +
        (f.average_cost_per_job_usd !== null ? ` and cost ${usd(f.average_cost_per_job_usd)} on average.` : "."),
    );
  }
  sentences.push(`This year you have spent ${usd(f.spend_this_year_usd)} on ${plural(f.jobs_completed_this_year, "completed job")}.`);
  if (f.jobs_with_due_date > 0) {
    sentences.push(`${f.jobs_on_time} of ${plural(f.jobs_with_due_date, "job")} with a due date ${f.jobs_with_due_date === 1 ? "was" : "were"} done on time.`);
  }
  sentences.push(
    f.repeat_jobs_90_days > 0
      ? `${plural(f.repeat_jobs_90_days, "repeat visit")} to the same unit within 90 days.`
      : "No repeat visits to the same unit within 90 days.",
  );
  sentences.push(verdict);
  return sentences.join(" ");
}

const ACTION_WORDS: Record<NextStepAction, string> = {
  reminder: "send a reminder",
  call: "call the tenant",
  propose_payment_plan: "propose a payment plan",
  formal_notice: "send a formal notice",
};

/** The ranking in a few sentences: the total, then the first three leases and what to do. */
export function writeDelinquencySummary(r: DelinquencyRanking): string {
  const n = r.totals.delinquent_leases;
  if (n === 0) return `No lease is behind on rent as of ${r.as_of}.`;
  const sentences = [`${plural(n, "lease is", "leases are")} behind on rent, ${usd(r.totals.amount_owed_usd)} owed in total.`];
  r.leases.slice(0, 3).forEach((e, i) => {
    sentences.push(
      `${i === 0 ? "Start with" : "Then"} ${leasePlace(e)}: ${usd(e.amount_owed_usd)} owed, ${plural(e.days_late, "day")} late ` +
        `(score ${e.score.total}) — ${ACTION_WORDS[e.next_step.action]}.`,
    );
  });
  const rest = n - Math.min(3, r.leases.length);
  if (rest > 0) sentences.push(`${plural(rest, "more lease follows", "more leases follow")} in order of priority.`);
  return sentences.join(" ");
}
