// The public explorer in a real headless Chromium (Debian's chromium, driven by playwright-core): a reader goes from
// the home page to an operation's figures and sources without script, every page type passes axe-core with no
// serious or critical violation, fits a phone's width, and loads nothing from another host. A screenshot of each
// page type is saved in tests/explorer/screenshots/ (git-ignored) for people to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const base = process.env.API_URL ?? "http://127.0.0.1:5000";
const here = dirname(fileURLToPath(import.meta.url));
const screenshots = join(here, "screenshots");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser;
const elsewhere = [];

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  console.log(`# screenshots: ${screenshots}`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  assert.deepEqual(elsewhere, [], "the explorer must not load anything from another host");
});

/** A page in a fresh context; requests to any other host are recorded (and fail the run). */
async function open(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on("request", (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith("data:")) elsewhere.push(request.url());
  });
  return page;
}

test("a reader goes from the home page to an operation's figures and sources, without script", async () => {
  const page = await open({ javaScriptEnabled: false });
  await page.goto(`${base}/`);
  assert.match(await page.textContent("h1"), /influence operations/i);

  // Search.
  await page.fill("#q", "spamouflage");
  await Promise.all([page.waitForURL(/[?&]q=spamouflage/), page.click("form.search button[type=submit]")]);
  assert.match(await page.textContent("#results-heading"), /^\d+ operations?$/);
  const firstResult = await page.textContent("ol.cards li h3");
  assert.match(firstResult, /Spamouflage/i);

  // Follow a facet: the URL carries it, the page says it is in use, and every result has it.
  const facet = page.locator("#facet-platform ~ ul a").first();
  const platformName = (await facet.locator(".label").textContent()).trim();
  await Promise.all([page.waitForURL(/[?&]platform=/), facet.click()]);
  assert.match(page.url(), /q=spamouflage/, "the search text stays when a facet is followed");
  assert.ok((await page.textContent(".chips")).includes(`Platform: ${platformName}`), "the facet shows as a filter in use");
  const platforms = await page.locator("ol.cards li").evaluateAll((cards) =>
    cards.map((card) => [...card.querySelectorAll("dt")].find((dt) => dt.textContent === "Platforms")?.nextElementSibling.textContent ?? ""));
  assert.ok(platforms.length > 0);
  for (const list of platforms) assert.ok(list.includes(platformName), `${list} lacks ${platformName}`);

  // Open the record.
  await Promise.all([page.waitForURL(/\/operations\//), page.locator("ol.cards li h3 a").first().click()]);
  assert.match(await page.textContent("h1"), /Spamouflage/i);
  assert.ok(await page.locator("#disclosures table.data").count() > 0, "the disclosures show their figures");

  // A figure's source: a link to the public page, marked primary or secondary.
  const source = page.locator("#disclosures table.data td .source").first();
  const href = await source.locator("a").first().getAttribute("href");
  assert.match(href, /^https?:\/\//);
  assert.match(await source.locator(".kind").textContent(), /^(primary|secondary)$/);
  const listed = await page.locator("#sources ol.sources a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  assert.ok(listed.includes(href), "the figure's source is among the record's sources");

  // The cite box: the dataset version, the record's address, and the same record for programs.
  const dataset = await (await fetch(`${base}/v1/dataset`)).json();
  const citation = await page.textContent("#citation");
  assert.ok(citation.includes(`version ${dataset.dataVersion}`), citation);
  assert.ok(citation.includes(page.url()), citation);
  const json = await page.locator("#cite a", { hasText: "as JSON" }).getAttribute("href");
  const record = await (await fetch(base + json)).json();
  assert.equal(record.name, (await page.textContent("h1")).trim());
  const graphql = await page.locator("#cite a", { hasText: "as a GraphQL query" }).getAttribute("href");
  const answer = await (await fetch(base + graphql)).json();
  assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
  assert.equal(answer.data.operation.id, record.id);
});

/** One page of each type, found by following links so that the test does not depend on particular records. */
async function pageTypes() {
  const page = await open({ javaScriptEnabled: false });
  const first = async (path, selector) => {
    await page.goto(base + path);
    return page.locator(selector).first().getAttribute("href");
  };
  const types = {
    home: "/",
    search: await first("/", "#facet-origin ~ ul a"),
    operation: await first("/", "ol.cards li h3 a"),
    actors: "/actors",
    actor: await first("/actors", "table.data tbody th a"),
    disclosers: "/disclosers",
    discloser: await first("/disclosers", "table.data tbody th a"),
    platforms: "/platforms",
    platform: await first("/platforms", "table.data tbody th a"),
    charts: "/charts",
    about: "/about",
    "not-found": "/operations/no-such-operation",
  };
  await page.context().close();
  return types;
}

test("every page type passes axe-core with no serious or critical violation, and is saved as a screenshot", async () => {
  const types = await pageTypes();
  const page = await open({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  for (const [name, path] of Object.entries(types)) {
    const response = await page.goto(base + path);
    assert.equal(response.status(), name === "not-found" ? 404 : 200, `${name}: ${path}`);
    await page.evaluate(axeSource);
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    for (const violation of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
      problems.push(`${name} (${path}): ${violation.id} (${violation.impact}): ${violation.help}: ${violation.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
    }
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  }
  assert.deepEqual(problems, []);
});

test("every page type fits a phone's width", async () => {
  const types = await pageTypes();
  const page = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const tooWide = [];
  for (const [name, path] of Object.entries(types)) {
    await page.goto(base + path);
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    if (scroll > width) tooWide.push(`${name} (${path}): ${scroll}px wide in a ${width}px screen`);
    if (name === "home" || name === "operation" || name === "charts") {
      await page.screenshot({ path: join(screenshots, `${name}-phone.png`), fullPage: false });
    }
  }
  assert.deepEqual(tooWide, []);
});
