// The API's answers as zod schemas, for the OpenAPI document only: the records are built in SQL
// (the app.api_* views and the functions that return jsonb), never parsed here. Each schema is
// written once, next to the others, and the contract check (tests/contract.ts) holds every
// answer the test suite receives to it, so a view that changes without its schema fails the run.
import { z } from "./deps.ts";

const ULID = "[0-9A-HJKMNP-TV-Z]{26}";
/** An id with this prefix, as app.new_id makes them. */
const idOf = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_${ULID}$`));
/** An instant as app.iso_instant writes it: 2026-12-07T16:31:54.454Z. */
export const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/).describe("an instant in UTC, ISO 8601");
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("a date, YYYY-MM-DD");
/** Dollars, as JSON numbers (cents in the database). */
export const usd = z.number().describe("US dollars");

const pages = new WeakMap<z.ZodType, z.ZodType>();
/** A page of a list: the same for every list (pagination.ts). */
export function pageOf(record: z.ZodType): z.ZodType {
  let page = pages.get(record);
  if (!page) {
    pages.set(record, page = z.strictObject({
      data: z.array(record),
      has_more: z.boolean(),
      next_cursor: z.string().nullable().describe("the `cursor` of the next page, null on the last"),
      next_url: z.string().nullable().describe("the next page's path with the same filters, null on the last"),
    }));
  }
  return page;
}

/** Every error: `{"error": "..."}`. */
export const ApiErrorBody = z.strictObject({ error: z.string().describe("what went wrong, in plain words; a 500 quotes the request id") });

export const Deleted = z.strictObject({ id: z.string(), deleted: z.literal(true) });

export const Property = z.strictObject({
  id: idOf("prop"), name: z.string(), address_line1: z.string().nullable(), address_line2: z.string().nullable(),
  city: z.string().nullable(), state: z.string().nullable(), postal_code: z.string().nullable(), created_at: instant,
});

export const Unit = z.strictObject({
  id: idOf("unit"), property_id: idOf("prop"), label: z.string(), bedrooms: z.int().nullable(), bathrooms: z.number().nullable(),
  square_feet: z.int().nullable(), market_rent: usd.nullable(), created_at: instant,
});

export const Tenant = z.strictObject({
  id: idOf("ten"), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(),
  removed_at: instant.nullable(), created_at: instant,
});

export const Lease = z.strictObject({
  id: idOf("l"), unit_id: idOf("unit"), property_id: idOf("prop"), tenant_ids: z.array(idOf("ten")),
  status: z.enum(["draft", "signed", "terminated"]), rent: usd, deposit: usd, due_day: z.int(),
  start_date: date, end_date: date.nullable(), signed_at: instant.nullable(), terminated_at: instant.nullable(),
  termination_reason: z.string().nullable(), created_at: instant,
});

export const RentChargesGenerated = z.strictObject({
  from: z.string(), to: z.string(), leases: z.int(), created: z.int(), existing: z.int(),
});

export const Payment = z.strictObject({
  id: idOf("p"), lease_id: idOf("l"), period_label: z.string(), due_date: date, amount: usd, paid_amount: usd, balance: usd,
  status: z.enum(["open", "late", "paid"]), paid_at: instant.nullable(), late_at: instant.nullable(), created_at: instant,
});

export const PaymentWithReceipts = z.strictObject({
  ...Payment.shape,
  receipts: z.array(z.strictObject({
    id: idOf("rcpt"), amount: usd, received_at: instant, method: z.enum(["ach", "card", "check", "cash", "other"]),
    reference: z.string().nullable(), created_at: instant,
  })),
});

export const Vendor = z.strictObject({
  id: idOf("v"), name: z.string(), trade: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(),
  notes: z.string().nullable(), open_work_orders: z.int(), completed_work_orders: z.int(), created_at: instant,
});

export const WorkOrder = z.strictObject({
  id: idOf("wo"), unit_id: idOf("unit"), property_id: idOf("prop"), vendor_id: idOf("v").nullable(), title: z.string(),
  description: z.string().nullable(), priority: z.enum(["low", "normal", "high", "emergency"]),
  status: z.enum(["open", "assigned", "completed"]), due_date: date.nullable(), cost_usd: usd.nullable(),
  notes: z.string().nullable(), assigned_at: instant.nullable(), completed_at: instant.nullable(), created_at: instant,
});

export const Application = z.strictObject({
  id: idOf("appl"), property_id: idOf("prop"), unit_id: idOf("unit").nullable(), status: z.enum(["submitted", "approved", "denied"]),
  applicant_name: z.string(), applicant_email: z.string().nullable(), applicant_phone: z.string().nullable(),
  desired_move_in: date.nullable(), monthly_income_usd: usd.nullable(), decision_reason: z.string().nullable(),
  submitted_at: instant, decided_at: instant.nullable(), created_at: instant,
});

export const Inspection = z.strictObject({
  id: idOf("insp"), unit_id: idOf("unit"), property_id: idOf("prop"), kind: z.enum(["move_in", "move_out", "routine"]),
  status: z.enum(["scheduled", "completed", "cancelled"]), scheduled_for: date, inspector: z.string().nullable(),
  findings: z.array(z.strictObject({ area: z.string(), condition: z.enum(["good", "fair", "poor"]), note: z.string().nullable() })).nullable(),
  summary: z.string().nullable(), completed_at: instant.nullable(), created_at: instant,
});

export const PaymentPlan = z.strictObject({
  id: idOf("pp"), lease_id: idOf("l"), status: z.enum(["proposed", "accepted", "rejected"]), total_usd: usd, paid_usd: usd,
  remaining_usd: usd, on_schedule: z.boolean().nullable().describe("accepted plans only: every installment due so far is paid"),
  note: z.string().nullable(),
  installments: z.array(z.strictObject({ seq: z.int(), due_date: date, amount_usd: usd, paid_usd: usd, paid_on: date.nullable() })),
  proposed_at: instant, decided_at: instant.nullable(), created_at: instant,
});

export const PaymentPlanWithPayments = z.strictObject({
  ...PaymentPlan.shape,
  payments: z.array(z.strictObject({ id: idOf("ppay"), amount_usd: usd, paid_on: date, created_at: instant })),
});

export const Expense = z.strictObject({
  id: idOf("exp"), property_id: idOf("prop"), category_id: z.string(), label: z.string(), amount_usd: usd, paid_on: date,
  vendor: z.string().nullable(), vendor_id: idOf("v").nullable(), created_at: instant,
});

export const ExpenseCategories = z.strictObject({
  data: z.array(z.strictObject({ id: z.string(), schedule_e_line: z.int(), name: z.string() })),
});

const categoryTotal = z.strictObject({ category_id: z.string(), schedule_e_line: z.int(), name: z.string(), amount_usd: usd, entries: z.int() });
export const ExpenseSummary = z.strictObject({
  year: z.int(),
  properties: z.array(z.strictObject({ property_id: idOf("prop"), property_name: z.string(), categories: z.array(categoryTotal), total_usd: usd })),
  totals: z.array(categoryTotal),
  total_usd: usd,
}).describe("totals by Schedule E category for a year, per property and overall");

const scope = z.string().describe("a scope such as read:properties (GET /api/api-keys/scopes)");
export const ApiKey = z.strictObject({
  id: idOf("key"), name: z.string(), prefix: z.string(), scopes: z.array(scope),
  rate_per_minute: z.int(), rate_per_hour: z.int(), status: z.enum(["active", "revoked", "expired"]),
  expires_at: instant.nullable(), revoked_at: instant.nullable(), last_used_at: instant.nullable(), created_at: instant,
});
export const ApiKeyIssued = z.strictObject({ ...ApiKey.shape, key: z.string().describe("the key itself: shown this once, never again") });
export const Scopes = z.strictObject({ data: z.array(z.strictObject({ name: z.string(), description: z.string() })) });
export const ApiKeyUsage = z.strictObject({
  key_id: idOf("key"), last_used_at: instant.nullable(),
  windows: z.array(z.strictObject({
    name: z.string(), limit: z.int(), window_seconds: z.int(), used: z.int(), remaining: z.int(), resets_at: instant,
  })),
});

export const Me = z.strictObject({
  type: z.enum(["api_key", "member"]),
  organization: z.strictObject({ id: idOf("org"), name: z.string() }).nullable(),
  organizations: z.array(z.strictObject({ id: idOf("org"), name: z.string(), role: z.string().nullable() })),
  role: z.string().nullable(),
  scopes: z.array(scope),
  key: z.strictObject({ id: idOf("key"), name: z.string(), prefix: z.string() }).nullable(),
  user: z.strictObject({ id: z.string(), email: z.string().nullable() }).nullable(),
});

export const Dashboard = z.strictObject({
  organization_id: idOf("org"), as_of: date, properties: z.int(), units: z.int(), occupied_units: z.int(),
  occupancy_rate: z.number(), leases_ending_in_60_days: z.int(), late_payments: z.int(), open_work_orders: z.int(),
  outstanding_balance_usd: usd, rent_collected_this_month_usd: usd, rent_due_this_month_usd: usd,
});

export const ArAging = z.strictObject({
  rows: z.array(z.strictObject({
    payment_id: idOf("p"), tenant_name: z.string().nullable(), property_name: z.string(), unit_label: z.string(), amount: usd,
    due_date: date, days_late: z.int(),
  })),
  totals: z.strictObject({ "0-30": usd, "31-60": usd, "61-90": usd, "90+": usd, total: usd }),
});

export const WebhookEndpoint = z.strictObject({
  id: idOf("whe"), url: z.string(), description: z.string(), events: z.array(z.string()),
  status: z.enum(["enabled", "disabled"]), consecutive_failures: z.int(), disabled_at: instant.nullable(),
  disabled_reason: z.string().nullable(), previous_secret_expires_at: instant.nullable(), created_at: instant, updated_at: instant,
});
export const WebhookEndpointWithSecret = z.strictObject({
  ...WebhookEndpoint.shape,
  secret: z.string().describe("the signing secret: shown this once"),
});

export const WebhookDelivery = z.strictObject({
  id: idOf("dlv"), endpoint_id: idOf("whe"), event_id: z.string(), event: z.string(),
  status: z.enum(["pending", "succeeded", "failed", "held"]), attempt_count: z.int(),
  last_status_code: z.int().nullable(), last_error: z.string().nullable(), last_attempt_at: instant.nullable(),
  next_attempt_at: instant.nullable(), delivered_at: instant.nullable(), created_at: instant,
  attempts: z.array(z.strictObject({
    attempt: z.int(), attempted_at: instant, status_code: z.int().nullable(), succeeded: z.boolean(),
    latency_ms: z.int().nullable(), error: z.string().nullable(), response_body: z.string().nullable(),
  })),
});
export const WebhookReplay = z.strictObject({ endpoint_id: idOf("whe"), since: instant, replayed: z.int() });

export const RequestLogEntry = z.strictObject({
  id: idOf("log"), object: z.literal("request_log"), request_id: z.string(), created_at: instant,
  key_id: idOf("key").nullable(), member_id: z.string().nullable(), method: z.string(), route: z.string().nullable(),
  status: z.int(), duration_ms: z.number().nullable(), error: z.string().nullable(),
});

export const Health = z.strictObject({ status: z.literal("ok"), database: z.literal("ok"), time: z.string() });

const narrative = {
  summary: z.string().describe("the plain-language summary"),
  narrative_source: z.enum(["model", "deterministic"]).describe("who wrote the summary: the configured model, or the deterministic writer"),
  model: z.string().nullable(),
};
const nullableNumber = z.number().nullable();

export const VendorSummaryAnswer = z.strictObject({
  vendor: z.strictObject({ id: idOf("v"), name: z.string(), trade: z.string().nullable() }),
  as_of: date,
  facts: z.strictObject({
    work_orders: z.strictObject({ total: z.int(), open: z.int(), assigned: z.int(), completed: z.int(), overdue: z.int() }),
    median_days_to_complete: nullableNumber, average_cost_per_job_usd: nullableNumber, jobs_with_cost: z.int(),
    spend_this_year_usd: usd, jobs_completed_this_year: z.int(), jobs_with_due_date: z.int(), jobs_on_time: z.int(),
    on_time_rate: nullableNumber, repeat_jobs_90_days: z.int(),
    latest_notes: z.array(z.strictObject({ work_order_id: idOf("wo"), title: z.string(), date: date, note: z.string() })),
    organization: z.strictObject({ median_days_to_complete: nullableNumber, average_cost_per_job_usd: nullableNumber }),
  }),
  recommendation: z.strictObject({ action: z.enum(["keep", "watch", "replace"]), reasons: z.array(z.string()) }),
  ...narrative,
}).describe("the vendor's facts (computed in SQL), a keep/watch/replace recommendation and a plain-language summary");

export const DelinquencyAnswer = z.strictObject({
  as_of: date,
  property_id: idOf("prop").nullable(),
  totals: z.strictObject({ delinquent_leases: z.int(), amount_owed_usd: usd }),
  leases: z.array(z.strictObject({
    rank: z.int(), lease_id: idOf("l"), lease_status: z.string(), tenant_name: z.string().nullable(),
    tenants: z.array(z.strictObject({ id: idOf("ten"), name: z.string() })),
    property_id: idOf("prop"), property_name: z.string(), unit_id: idOf("unit"), unit_label: z.string(),
    amount_owed_usd: usd, monthly_rent_usd: usd, owed_to_rent_ratio: nullableNumber, days_late: z.int(), oldest_due_date: date,
    unpaid_charges: z.int(), past_late_payments_12_months: z.int(), lease_end_date: date.nullable(), days_left_on_lease: z.int().nullable(),
    payment_plan: z.strictObject({
      id: idOf("pp"), status: z.string(), state: z.enum(["proposed", "on_schedule", "broken", "completed", "rejected"]),
      proposed_on: date.nullable(), decided_on: date.nullable(), missed_installment_due_date: date.nullable(),
      next_installment_due_date: date.nullable(), next_installment_usd: usd.nullable(),
    }).nullable(),
    score: z.strictObject({
      total: z.number(),
      parts: z.strictObject({ days_late: z.number(), amount_owed: z.number(), late_history: z.number(), payment_plan: z.number(), lease_time_left: z.number() }),
    }),
    next_step: z.strictObject({ action: z.enum(["reminder", "call", "propose_payment_plan", "formal_notice"]), text: z.string() }),
  })),
  ...narrative,
}).describe("the delinquent leases ranked by a transparent score, each with a suggested next step, and a plain-language summary");

/** What a scheduled function's run did (for the scheduler's log). */
export const ScheduledRun = z.looseObject({}).describe("what the run did");
export const OutboxRun = z.strictObject({ sent: z.int(), failed: z.int(), configured: z.boolean() });
export const RentLateRun = z.strictObject({ marked: z.int().describe("charges marked late (each emits rent.late)") });
export const PruneRun = z.strictObject({ deleted: z.int(), more: z.boolean() });
// {"history": false} answers only the secrets cleared
export const WebhookPruneRun = z.strictObject({
  deliveries: z.int().optional(), events: z.int().optional(), archived_messages: z.int().optional(), more: z.boolean().optional(),
  previous_secrets_cleared: z.int(),
});

// Webhook events: what each kind's `payload` carries (the event triggers in the webhooks
// migration build them; docs/webhooks.md has the table). The envelope is the same for all.
const findings = z.array(z.strictObject({ area: z.string(), condition: z.enum(["good", "fair", "poor"]), note: z.string().nullable() }));
const decided = {
  application_id: idOf("appl"), property_id: idOf("prop"), unit_id: idOf("unit").nullable(), applicant_name: z.string(),
  decision_reason: z.string().nullable(), decided_at: instant,
};
export const webhookEvents: Record<string, { description: string; payload: z.ZodType }> = {
  "rent.paid": {
    description: "A rent charge was paid in full.",
    payload: z.strictObject({ payment_id: idOf("p"), lease_id: idOf("l"), amount_usd: usd, period_label: z.string(), paid_at: instant }),
  },
  "rent.late": {
    description: "A rent charge is still unpaid after its due date plus the organization's grace period.",
    payload: z.strictObject({
      payment_id: idOf("p"), lease_id: idOf("l"), amount_usd: usd, balance_usd: usd, period_label: z.string(), due_date: date, late_at: instant,
    }),
  },
  "application.submitted": {
    description: "A rental application was submitted.",
    payload: z.strictObject({
      application_id: idOf("appl"), property_id: idOf("prop"), unit_id: idOf("unit").nullable(), applicant_name: z.string(),
      applicant_email: z.string().nullable(), desired_move_in: date.nullable(), submitted_at: instant,
    }),
  },
  "application.approved": { description: "A rental application was approved.", payload: z.strictObject(decided) },
  "application.denied": { description: "A rental application was denied.", payload: z.strictObject(decided) },
  "lease.signed": {
    description: "A lease was signed.",
    payload: z.strictObject({
      lease_id: idOf("l"), unit_id: idOf("unit"), tenant_ids: z.array(idOf("ten")), rent_usd: usd, deposit_usd: usd, due_day: z.int(),
      start_date: date, end_date: date.nullable(), signed_at: instant,
    }),
  },
  "lease.terminated": {
    description: "A signed lease was terminated.",
    payload: z.strictObject({
      lease_id: idOf("l"), unit_id: idOf("unit"), tenant_ids: z.array(idOf("ten")), end_date: date.nullable(),
      termination_reason: z.string().nullable(), terminated_at: instant,
    }),
  },
  "work_order.created": {
    description: "A work order was created.",
    payload: z.strictObject({
      work_order_id: idOf("wo"), unit_id: idOf("unit"), vendor_id: idOf("v").nullable(), title: z.string(),
      priority: z.enum(["low", "normal", "high", "emergency"]), status: z.enum(["open", "assigned", "completed"]),
      due_date: date.nullable(), created_at: instant,
    }),
  },
  "work_order.completed": {
    description: "A work order was completed.",
    payload: z.strictObject({
      work_order_id: idOf("wo"), unit_id: idOf("unit"), vendor_id: idOf("v").nullable(), title: z.string(), cost_usd: usd.nullable(),
      completed_at: instant,
    }),
  },
  "tenant.added": {
    description: "A tenant was added.",
    payload: z.strictObject({ tenant_id: idOf("ten"), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), added_at: instant }),
  },
  "tenant.removed": {
    description: "A tenant was removed.",
    payload: z.strictObject({ tenant_id: idOf("ten"), name: z.string(), removed_at: instant }),
  },
  "inspection.completed": {
    description: "An inspection was completed.",
    payload: z.strictObject({
      inspection_id: idOf("insp"), unit_id: idOf("unit"), kind: z.enum(["move_in", "move_out", "routine"]), scheduled_for: date,
      inspector: z.string().nullable(), summary: z.string().nullable(), findings, completed_at: instant,
    }),
  },
  "payment_plan.proposed": {
    description: "A payment plan was proposed.",
    payload: z.strictObject({
      payment_plan_id: idOf("pp"), lease_id: idOf("l"), total_usd: usd, note: z.string().nullable(),
      installments: z.array(z.strictObject({ seq: z.int(), due_date: date, amount_usd: usd })), proposed_at: instant,
    }),
  },
  "webhook.test": {
    description: "A test event sent on request to one endpoint (POST /api/webhook-endpoints/{id}/test); no endpoint subscribes to it.",
    payload: z.strictObject({ endpoint_id: idOf("whe"), message: z.string() }),
  },
};

/** A delivery's body: the reference's envelope, and the event's stable id to deduplicate on. */
export const webhookDelivery = (event: string, payload: z.ZodType) =>
  z.strictObject({
    event: z.literal(event),
    delivered_at: instant.describe("taken at each attempt"),
    organization_id: idOf("org"),
    payload,
    id: idOf("evt").describe("the event's id: the same on every retry, redelivery and replay"),
  });
