// /api/units: the rentable units of a property.
import { requireKey } from "../_shared/auth.ts";
import { z } from "../_shared/deps.ts";
import { usd } from "../_shared/fields.ts";
import { createApp, serve } from "../_shared/http.ts";
import { idOf } from "../_shared/ids.ts";
import { eq } from "../_shared/lists.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { Deleted, Unit } from "../_shared/records.ts";

const app = createApp("units");
const units = resource({ what: "Unit", prefix: "unit", view: "api_units", record: Unit });

const fields = {
  label: z.string().trim().min(1).max(50),
  bedrooms: z.number().int().min(0).max(50).nullable().optional(),
  bathrooms: z.number().min(0).max(50).multipleOf(0.5).nullable().optional(),
  square_feet: z.number().int().min(0).max(1_000_000).nullable().optional(),
  market_rent: usd.nullable().optional(),
};
const Create = z.strictObject({ property_id: idOf("prop"), ...fields });
const Update = z.strictObject({ ...fields, label: fields.label.optional() });
const Filters = z.strictObject({ ...pageParams("unit"), property_id: idOf("prop").optional() });

app.get("/", requireKey("read:units"), units.list(Filters, (q) => ({
  where: [eq("property_id", q.property_id)],
  require: [["Property", q.property_id]],
})));
app.get("/:id", requireKey("read:units"), units.read());
app.post("/", requireKey("write:units"), units.create(Create, "app.unit_create"));
app.patch("/:id", requireKey("write:units"), units.update(Update, "app.unit_update"));
app.delete("/:id", requireKey("write:units"), units.act("app.unit_delete", Deleted));

serve(app);
