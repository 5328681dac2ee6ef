// A client generated from the committed OpenAPI document (openapi-typescript) calls the running API through openapi-fetch.
// tsc type-checks these calls against the generated types first, so a document without response schemas, with a
// parameter of the wrong type or a missing field fails here before anything runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import createClient from "openapi-fetch";
import type { paths } from "./generated/api.js";

const baseUrl = process.env.API_URL ?? "http://127.0.0.1:5097";
// Typed for JSON answers; a second client reads the other media types the document lists (CSV, the database).
const client = createClient<paths, `application/${string}json`>({ baseUrl });
const raw = createClient<paths>({ baseUrl });

test("a ranked search, typed: the operation meant comes first, with totalCount", async () => {
  const { data, error } = await client.GET("/v1/operations", { params: { query: { q: "Hong Kong", limit: 3 } } });
  assert.equal(error, undefined);
  const page = data!;
  assert.equal(page.items[0]?.id, "china-hong-kong-protests-2019");
  assert.ok(page.totalCount >= page.items.length);
});

test("filters take typed lists, numbers and fixed sorts, and pages follow nextCursor", async () => {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const { data } = await client.GET("/v1/operations", {
      params: { query: { platform: ["facebook", "instagram"], minAccounts: 1, sort: "-accountsRemoved", limit: 20, cursor } },
    });
    seen.push(...data!.items.map((o) => o.id));
    cursor = data!.nextCursor ?? undefined;
  } while (cursor);
  assert.ok(seen.length > 20);
  assert.equal(new Set(seen).size, seen.length);
});

test("one operation's whole record, and a typed problem for an unknown id", async () => {
  const found = await client.GET("/v1/operations/{id}", { params: { path: { id: "spamouflage" } } });
  assert.equal(found.data?.name, "Spamouflage");
  assert.ok(found.data!.disclosures.length > 0);

  const missing = await client.GET("/v1/operations/{id}", { params: { path: { id: "no-such-operation" } } });
  assert.equal(missing.response.status, 404);
  assert.match(missing.error?.detail ?? "", /no operation 'no-such-operation'/);
});

test("a bad query is a typed 400 problem naming the parameter", async () => {
  const { error, response } = await client.GET("/v1/operations", { params: { query: { limit: 101 } } });
  assert.equal(response.status, 400);
  assert.match(error?.detail ?? "", /'limit' must be a whole number from 1 to 100/);
});

test("aggregates: accounts removed per platform per year", async () => {
  const { data } = await client.GET("/v1/aggregates", { params: { query: { by: ["platform", "year"], from: "2019", to: "2019" } } });
  assert.deepEqual(data!.by, ["platform", "year"]);
  assert.ok(data!.cells.length > 0);
  for (const cell of data!.cells) {
    assert.equal(cell.year, "2019");
    assert.equal(typeof cell.accountsRemoved, "number");
  }
});

test("CSV and the database download come as the document says", async () => {
  const csv = await raw.GET("/v1/operations", { params: { query: { format: "csv", origin: ["IR"] } }, parseAs: "text" });
  assert.match(csv.response.headers.get("content-type") ?? "", /^text\/csv/);
  assert.match(csv.data as string, /^id,name,/);

  const dataset = await client.GET("/v1/dataset");
  const download = await raw.GET("/v1/dataset/download", { parseAs: "arrayBuffer" });
  assert.equal(download.response.headers.get("content-type"), "application/vnd.sqlite3");
  assert.equal(Buffer.from(download.data as ArrayBuffer).subarray(0, 15).toString(), "SQLite format 3");
  assert.match(dataset.data!.sha256, /^[0-9a-f]{64}$/);
});
