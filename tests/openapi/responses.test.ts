// Every endpoint of the committed OpenAPI document is called on the running API, and each real response is checked
// against the document: its status is documented, its media type is one the document lists, and its body validates
// against that media type's schema (Ajv, after OpenAPI 3.0's `nullable` is written as JSON Schema's null type).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";

const base = process.env.API_URL ?? "http://127.0.0.1:5097";
const document = JSON.parse(readFileSync(new URL("../../Transparency.Api.Tests/Snapshots/openapi.verified.json", import.meta.url), "utf8"));
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(withNullTypes(document), "openapi.json");

/** OpenAPI 3.0's `nullable: true` as JSON Schema: a null type beside the type, or null as an alternative to a reference. */
function withNullTypes(node: any): any {
  if (Array.isArray(node)) return node.map(withNullTypes);
  if (node === null || typeof node !== "object") return node;
  const { nullable, ...rest } = node;
  const converted: any = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, withNullTypes(value)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === "string") return { ...converted, type: [converted.type, "null"] };
  return { anyOf: [converted, { type: "null" }] };
}

// Requests that exercise each path's documented answers; a path without samples fails the test below.
const samples: Record<string, string[]> = {
  "/v1/operations": ["?q=hong%20kong", "?platform=tiktok,youtube&sort=-accountsRemoved&limit=2", "?format=csv&origin=CN", "?limit=101", "?platfrom=x"],
  "/v1/operations/{id}": ["spamouflage", "no-such-operation", "spamouflage?x=1"],
  "/v1/actors": ["", "?country=RU", "?country=XX"],
  "/v1/actors/{id}": ["internet-research-agency", "nobody"],
  "/v1/platforms": ["", "?x=1"],
  "/v1/organisations": [""],
  "/v1/topics": [""],
  "/v1/stats": ["?origin=IR", "?from=2019&to=2019", "?from=2019-13"],
  "/v1/aggregates": ["", "?by=platform,year&from=2019", "?by=discloser,year&format=csv", "?by=country"],
  "/v1/dataset": [""],
  "/v1/dataset/download": [""],
  "/v1/changes": ["?since=2020-01-01", "?since=yesterday"],
};

function url(path: string, sample: string): string {
  return path.includes("{id}") ? base + path.replace("{id}", sample) : base + path + sample;
}

function schemaFor(schema: object) {
  // Component references are relative to the document: make them point into it.
  return ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')));
}

test("every documented path has sample requests, and every sample a documented path", () => {
  assert.deepEqual(Object.keys(samples).sort(), Object.keys(document.paths).sort());
});

for (const [path, item] of Object.entries<any>(document.paths)) {
  test(`GET ${path}: real responses match the document`, async () => {
    const statuses = new Set<string>();
    for (const sample of samples[path] ?? []) {
      const response = await fetch(url(path, sample), { redirect: "manual" });
      const status = String(response.status);
      statuses.add(status);
      const documented = item.get.responses[status];
      assert.ok(documented, `${path}${sample}: ${status} is not documented`);
      const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
      const body = Buffer.from(await response.arrayBuffer());
      if (!documented.content) {
        assert.equal(body.length, 0, `${path}${sample}: ${status} has a body the document does not mention`);
        continue;
      }
      const media = documented.content[contentType];
      assert.ok(media, `${path}${sample}: ${status} came as ${contentType}, documented: ${Object.keys(documented.content).join(", ")}`);
      if (contentType.endsWith("json")) {
        const validate = schemaFor(media.schema);
        assert.ok(validate(JSON.parse(body.toString("utf8"))), `${path}${sample}: ${JSON.stringify(validate.errors)}`);
      } else {
        assert.equal(media.schema.type, "string");
      }
    }
    // A matching If-None-Match is answered 304, as documented for every endpoint.
    const first = await fetch(url(path, samples[path]![0]!));
    const etag = first.headers.get("etag");
    await first.arrayBuffer();
    assert.ok(etag, `${path}: no ETag`);
    const again = await fetch(url(path, samples[path]![0]!), { headers: { "If-None-Match": etag } });
    assert.equal(again.status, 304);
    assert.ok(item.get.responses["304"], `${path}: 304 is not documented`);
    assert.ok(statuses.has("200"), `${path}: no sample answered 200`);
  });
}
