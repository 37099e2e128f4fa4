// The usage lines of docs/clients.md, type-checked as written (not run: they need a hosted key).
import { createAptoriaClient } from "../src/index.ts";

export async function usage(env: Record<string, string | undefined>) {
  const api = createAptoriaClient({ baseUrl: "https://app.aptoria.ai/api", apiKey: env.PMAI_API_KEY });
  const unit = await api.get("/units/{id}", { path: { id: "unit_01K..." } }); // typed answer
  await api.post("/units", { body: { property_id: unit.property_id, label: "2B" } }); // typed body
  for await (const lease of api.paginate("/leases", { query: { unit_id: unit.id } })) console.log(lease.id);
}
