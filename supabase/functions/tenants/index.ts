// /api/tenants: the people who rent. Removing a tenant keeps the record for history.
import { requireKey } from "../_shared/auth.ts";
import { sql } from "../_shared/db.ts";
import { z } from "../_shared/deps.ts";
import { boolParam, email } from "../_shared/fields.ts";
import { createApp, serve } from "../_shared/http.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { Tenant } from "../_shared/records.ts";

const app = createApp("tenants");
const tenants = resource({ what: "Tenant", prefix: "ten", view: "api_tenants", record: Tenant });

const fields = {
  name: z.string().trim().min(1).max(200),
  email: email.nullable().optional(),
  phone: z.string().max(40).nullable().optional(),
};
const Create = z.strictObject(fields);
const Update = z.strictObject({ ...fields, name: fields.name.optional() });
const Filters = z.strictObject({ ...pageParams("ten"), include_removed: boolParam.default(false) });

app.get("/", requireKey("read:tenants"), tenants.list(Filters, (q) => ({
  where: [q.include_removed ? sql`` : sql`and removed_at is null`],
})));
app.get("/:id", requireKey("read:tenants"), tenants.read());
app.post("/", requireKey("write:tenants"), tenants.create(Create, "app.tenant_create"));
app.patch("/:id", requireKey("write:tenants"), tenants.update(Update, "app.tenant_update"));
app.post("/:id/remove", requireKey("write:tenants"), tenants.act("app.tenant_remove"));

serve(app);
