// GET /api/openapi (locally also /api/openapi.json): the OpenAPI 3.1 document of this API, no
// key needed. The document is built from the routes by `npm run openapi` (scripts/openapi.ts)
// and imported here, so the deployed function carries it and reads no file at run time.
import { z } from "../_shared/deps.ts";
import { createApp, serve } from "../_shared/http.ts";
import { documented } from "../_shared/openapi.ts";
import document from "./openapi.json" with { type: "json" };

const app = createApp("openapi");
const body = JSON.stringify(document);
const Document = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) });

app.get("/", documented({ auth: "none", responses: { 200: Document } }, (c) =>
  c.body(body, 200, { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" })));

serve(app);
