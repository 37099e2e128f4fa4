// Issue 18.11: a 400 for an invalid field says in plain words which field and what it must be,
// for each kind of zod issue, and never shows zod's own wording ("Invalid input: expected ...").
import { describe, expect, it } from "vitest";
import { call } from "./helpers.ts";
import { newPropertyWithUnit, newTenantOrg } from "./fixtures/index.ts";

describe("validation messages", async () => {
  const org = await newTenantOrg();
  const { propertyId } = await newPropertyWithUnit(org.id);
  const post = (path: string, json: unknown) => call(path, { key: org.key, method: "POST", json });
  const error = async (res: Promise<{ status: number; body: { error: string } }>) => {
    const { status, body } = await res;
    expect(status, JSON.stringify(body)).toBe(400);
    expect(body.error).not.toMatch(/Invalid input|received|Too small|Too big|Invalid option|discriminator/);
    return body.error;
  };

  it("names a missing field as required", async () => {
    expect(await error(post("/units", { label: "1A" }))).toBe("property_id is required.");
  });

  it("names a field of the wrong type and the type it must be", async () => {
    expect(await error(post("/units", { property_id: propertyId, label: 7 }))).toBe("label must be a string.");
    expect(await error(post("/units", { property_id: propertyId, label: "1A", bedrooms: 1.5 }))).toBe("bedrooms must be an integer.");
    expect(await error(post("/units", [1, 2]))).toBe("The body must be a JSON object.");
  });

  it("lists the values a field may take: enums, literals and a union's discriminator", async () => {
    expect(await error(call("/leases?status=open", { key: org.key }))).toBe("status must be one of draft, signed, terminated.");
    expect(await error(post("/expenses", { action: "remove_entry" }))).toBe("action must be one of add_entry, update_entry, delete_entry.");
    expect(await error(post("/expenses", {}))).toBe("action must be one of add_entry, update_entry, delete_entry.");
  });

  it("gives the bounds of a too short, too long, too small or too large value", async () => {
    expect(await error(post("/units", { property_id: propertyId, label: "" }))).toBe("label must not be empty.");
    expect(await error(post("/units", { property_id: propertyId, label: "x".repeat(51) }))).toBe("label must be at most 50 characters.");
    expect(await error(post("/units", { property_id: propertyId, label: "1A", bedrooms: -1 }))).toBe("bedrooms must be at least 0.");
    expect(await error(post("/units", { property_id: propertyId, label: "1A", bedrooms: 51 }))).toBe("bedrooms must be at most 50.");
    expect(await error(post("/units", { property_id: propertyId, label: "1A", bathrooms: 1.25 }))).toBe("bathrooms must be a multiple of 0.5.");
    expect(await error(post("/payment-plans", { lease_id: "l_x", installments: [] }))).toMatch(/installments must have at least 1 item\./);
  });

  it("names unknown fields and parameters", async () => {
    expect(await error(post("/units", { property_id: propertyId, label: "1A", floor: 2 }))).toBe("Unknown field: floor.");
    expect(await error(call("/units?colour=red", { key: org.key }))).toBe("Unknown parameter: colour.");
  });

  it("keeps a schema's own words after its field's path", async () => {
    const installments = [{ due_date: "2026-02-01", amount_usd: 10 }, { due_date: "2026-01-01", amount_usd: 10 }];
    expect(await error(post("/payment-plans", { lease_id: "l_x", installments })))
      .toMatch(/installments: due dates must be distinct and in increasing order\./);
  });

  it("reports several fields in one message", async () => {
    expect(await error(post("/units", { label: "", bedrooms: "two" })))
      .toBe("property_id is required. label must not be empty. bedrooms must be a number.");
  });
});
