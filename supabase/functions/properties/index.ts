// /api/properties: the buildings of a portfolio.
import { requireKey } from "../_shared/auth.ts";
import { z } from "../_shared/deps.ts";
import { createApp, serve } from "../_shared/http.ts";
import { pageParams } from "../_shared/pagination.ts";
import { resource } from "../_shared/resource.ts";
import { Deleted, Property } from "../_shared/records.ts";

const app = createApp("properties");
const properties = resource({ what: "Property", prefix: "prop", view: "api_properties", record: Property });

const fields = {
  name: z.string().trim().min(1).max(200),
  address_line1: z.string().max(200).nullable().optional(),
  address_line2: z.string().max(200).nullable().optional(),
  city: z.string().max(100).nullable().optional(),
  state: z.string().max(50).nullable().optional(),
  postal_code: z.string().max(20).nullable().optional(),
};
const Create = z.strictObject(fields);
const Update = z.strictObject({ ...fields, name: fields.name.optional() });
const Filters = z.strictObject(pageParams("prop"));

app.get("/", requireKey("read:properties"), properties.list(Filters));
app.get("/:id", requireKey("read:properties"), properties.read());
app.post("/", requireKey("write:properties"), properties.create(Create, "app.property_create"));
app.patch("/:id", requireKey("write:properties"), properties.update(Update, "app.property_update"));
app.delete("/:id", requireKey("write:properties"), properties.act("app.property_delete", Deleted));

serve(app);
