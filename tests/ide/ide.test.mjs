// The GraphQL IDE, in a real headless Chromium: it loads from the API alone (no CDN), shows its example
// query, runs a query typed into it and shows the result.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const base = process.env.API_URL ?? "http://127.0.0.1:5000";

test("the GraphQL IDE loads, runs a query and shows the result", async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    const elsewhere = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith("data:")) elsewhere.push(request.url());
    });
    await page.goto(`${base}/graphql`);
    await page.waitForSelector(".graphiql-query-editor .CodeMirror", { timeout: 30_000 });
    const example = await page.evaluate(() => document.querySelector(".graphiql-query-editor .CodeMirror").CodeMirror.getValue());
    assert.match(example, /platform: \["tiktok"\]/);

    await page.evaluate(() => document.querySelector(".graphiql-query-editor .CodeMirror").CodeMirror.setValue(
      '{ operations(filter: { platform: ["tiktok"], text: "spamouflage" }) { totalCount edges { node { id name } } } }'));
    await page.click(".graphiql-execute-button");
    await page.waitForFunction(
      () => document.querySelector(".result-window")?.textContent.includes("Spamouflage"),
      null, { timeout: 30_000 });
    const result = await page.textContent(".result-window");
    assert.match(result, /"id": "spamouflage"/);
    assert.deepEqual(elsewhere, [], "the IDE must not reach any other host");
  } finally {
    await browser.close();
  }
});
