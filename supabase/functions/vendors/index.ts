// /api/vendors: the contractors work orders are assigned to.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { email, text } from "../_shared/fields.ts";
import { createApp, serve } from "../_shared/http.ts";
import { when } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { Deleted, Vendor } from "../_shared/records.ts";

const app = createApp("vendors");
const vendors = resource({ what: "Vendor", prefix: "v", view: "api_vendors", record: Vendor });

const fields = {
  name: z.string().trim().min(1).max(200),
  trade: text(100),
  email: email.nullable().optional(),
  phone: text(40),
  notes: text(5000),
};
const Create = z.strictObject(fields);
const Update = z.strictObject({ ...fields, name: fields.name.optional() });
const Filters = z.strictObject({ ...pageParams("v"), trade: z.string().min(1).max(100).optional() });

app.get("/", requireKey("read:vendors"), vendors.list(Filters, (q) => ({
  where: [when(q.trade, (t) => sql`lower(trade) = lower(${t})`)],
})));
app.get("/:id", requireKey("read:vendors"), vendors.read());
app.post("/", requireKey("write:vendors"), vendors.create(Create, "app.vendor_create"));
app.patch("/:id", requireKey("write:vendors"), vendors.update(Update, "app.vendor_update"));
app.delete("/:id", requireKey("write:vendors"), vendors.act("app.vendor_delete", Deleted));

serve(app);
