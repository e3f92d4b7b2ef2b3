// The validator page in a real browser: Debian's Chromium, driven by playwright-core,
// loading web/dist/index.html from a local static server and from file://. The example
// documents are dropped on the page; its findings and totals must be the Rust command's
// (`khuyencong check|totals --format json` on the same files), in both languages; an edit
// re-checks the document and highlights the field; the page makes no request beyond its
// own file, and cannot (its Content-Security-Policy blocks any connection).
//
// Environment: CHROMIUM (default /usr/bin/chromium), E2E_OUTPUT (where the screenshot goes;
// default target/web-e2e/).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PACKAGE = join(ROOT, "crates", "khuyencong-wasm", "npm");
const PAGE = fileURLToPath(new URL("../dist/index.html", import.meta.url));
const OUTPUT = process.env.E2E_OUTPUT || join(ROOT, "target", "web-e2e");
const EXAMPLES = join(ROOT, "docs", "examples");
const FILES = readdirSync(EXAMPLES)
  .filter((n) => n.endsWith(".json") && !n.startsWith("provincial-pack"))
  .sort();

// The flags this machine needs: no sandbox as root, and no background connections (the
// network is closed; Chromium's own update, sync and safe-browsing traffic would be refused).
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

// The npm package's browser entry, served as it is (what a bundler would bundle), and a page
// that imports it as an ES module.
const PACKAGE_FILES = new Map(
  ["index.js", "errors.js", "wasm/khuyencong_wasm.js", "wasm/khuyencong_wasm_bg.wasm"].map((f) => [`/pkg/${f}`, f]),
);
const ESM_PAGE = `<!doctype html><meta charset="utf-8"><title>esm</title><link rel="icon" href="data:,">
<script>addEventListener("error", (e) => { document.body.dataset.result = JSON.stringify({ error: String(e.message) }); });</script>
<script type="module">
import { init, check, totals, KhuyencongError, catalog } from "/pkg/index.js";
await init();
const out = { plan: check(${JSON.stringify(JSON.stringify({ kind: "plan", schema_version: 2, id: "x", year: 2024, fund_level: "national", budget: { lines: [{ source: "local_budget_provincial", amount: 500000000 }] } }))}).findings.map((f) => f.code) };
out.total = String(totals([${JSON.stringify(readFileSync(join(ROOT, "docs", "examples", "an-giang-2021-2025.json"), "utf8"))}]).rows[0].support_vnd);
try { catalog("2000-01-01"); } catch (e) { out.error = e instanceof KhuyencongError; }
document.body.dataset.result = JSON.stringify(out);
</script>`;

/** The Rust command's JSON output for these arguments. */
function cli(...args) {
  const run = spawnSync("cargo", ["run", "--locked", "-q", "-p", "khuyencong-cli", "--", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(run.status === 0 || run.status === 1, `khuyencong ${args.join(" ")}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

let server;
let base;
const served = [];
let browser;
let context;
let page;
const seen = [];
const problems = [];

before(async () => {
  const html = readFileSync(PAGE);
  server = http.createServer((req, res) => {
    served.push(req.url);
    if (req.url === "/index.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    } else if (req.url === "/esm.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(ESM_PAGE);
    } else if (PACKAGE_FILES.has(req.url)) {
      const type = req.url.endsWith(".wasm") ? "application/wasm" : "text/javascript; charset=utf-8";
      res.writeHead(200, { "content-type": type });
      res.end(readFileSync(join(PACKAGE, PACKAGE_FILES.get(req.url))));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ARGS,
  });
  context = await browser.newContext({ viewport: { width: 1440, height: 1300 } });
  context.on("request", (r) => seen.push(r.url()));
  page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(`${base}/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready !== undefined);
  assert.equal(await page.evaluate(() => document.body.dataset.ready), "true");
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** Drops files on the drop zone, as a person dragging them from a file manager. */
async function drop(files) {
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: "application/json" }));
    const zone = document.getElementById("drop");
    for (const type of ["dragenter", "dragover", "drop"]) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }
  }, files);
}

/** The findings the page shows for the current document. */
function shown() {
  return page.$$eval("#finding-list .finding", (items) =>
    items.map((li) => ({
      severity: li.dataset.severity,
      path: li.dataset.path,
      code: li.dataset.code,
      message: li.querySelector(".message").textContent,
      citation: li.querySelector(".citation")?.textContent ?? null,
      fix: li.querySelector(".fix")?.textContent ?? null,
    })),
  );
}

/** Drops a file given as bytes (a spreadsheet) on the drop zone of page `p`. */
async function dropBytes(p, name, bytes) {
  await p.evaluate(
    ({ name, base64 }) => {
      const binary = atob(base64);
      const data = new DataTransfer();
      const array = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) array[i] = binary.charCodeAt(i);
      data.items.add(new File([array], name));
      const zone = document.getElementById("drop");
      for (const type of ["dragenter", "dragover", "drop"]) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    },
    { name, base64: Buffer.from(bytes).toString("base64") },
  );
}

const OFFICER = join(ROOT, "tests", "sheets", "scheme-officer.xlsx");

const expected = (findings, lang) =>
  findings.map((f) => ({ severity: f.severity, path: f.path, code: f.code, message: f[`message_${lang}`] }));
const strip = (items) => items.map(({ severity, path, code, message }) => ({ severity, path, code, message }));

async function openTab(index) {
  await page.click(`.doc-tab[data-index="${index}"]`);
  await page.waitForFunction((i) => document.querySelector(".doc-tab.current")?.dataset.index === String(i), index);
}

test("the dropped examples get the Rust command's findings, in both languages", async () => {
  const files = FILES.map((name) => ({ name, text: readFileSync(join(EXAMPLES, name), "utf8") }));
  assert.ok(files.length >= 5, FILES.join(", "));
  await drop(files);
  await page.waitForFunction((n) => document.querySelectorAll(".doc-tab").length === n, files.length);
  const rust = cli("check", "--format", "json", ...FILES.map((n) => join(EXAMPLES, n)));
  assert.equal(rust.documents.length, files.length);
  let withFindings = 0;
  for (const [index, doc] of rust.documents.entries()) {
    await openTab(index);
    const name = await page.$eval(".doc-tab.current .doc-name", (n) => n.textContent);
    assert.equal(name, FILES[index]);
    assert.deepEqual(strip(await shown()), expected(doc.findings, "vi"), FILES[index]);
    const status = await page.$eval(".doc-tab.current", (n) => n.dataset.status);
    const errors = doc.findings.some((f) => f.severity === "error");
    assert.equal(status === "error", errors, `${FILES[index]}: ${status}`);
    if (doc.findings.length > 0) withFindings++;
    for (const f of await shown()) assert.ok(f.fix && f.fix.length > "Cách sửa: ".length, f.code);
  }
  assert.ok(withFindings > 0, "some example has findings to show");

  await page.click("#lang-en");
  for (const [index, doc] of rust.documents.entries()) {
    await openTab(index);
    const items = await shown();
    assert.deepEqual(strip(items), expected(doc.findings, "en"), FILES[index]);
    items.forEach((f, i) => {
      assert.equal(f.citation !== null, doc.findings[i].citation !== undefined, f.code);
      if (f.citation) assert.match(f.citation, /Decree|Circular|Law|Resolution|Decision/, f.citation);
      assert.match(f.fix, /^Fix: ./);
    });
  }
  await page.click("#lang-vi");
});

test("the totals are the Rust command's totals", async () => {
  const paths = FILES.map((n) => join(EXAMPLES, n));
  for (const by of [null, "source", "activity", "fund_level"]) {
    const rust = by === null ? cli("totals", "--format", "json", ...paths) : cli("totals", "--by", by, "--format", "json", ...paths);
    const rows = await page.$$eval(`.totals-table[data-by="${by ?? ""}"] tbody tr`, (trs) =>
      trs.map((tr) => ({
        key: tr.dataset.key,
        values: Object.fromEntries([...tr.querySelectorAll("td")].map((td) => [td.dataset.field, td.dataset.value])),
      })),
    );
    assert.equal(rows.length, rust.length, `by ${by}`);
    for (const want of rust) {
      const key = by === null ? "" : want.keys[by] === null ? "null" : want.keys[by];
      const got = rows.find((r) => r.key === key);
      assert.ok(got, `by ${by}: no row ${key}`);
      for (const [field, value] of Object.entries(got.values)) {
        assert.equal(value, want[field] === null ? "null" : String(want[field]), `by ${by}, ${key}: ${field}`);
      }
    }
  }
  // The grand total shows the An Giang figures among the others, grouped by thousands.
  const grand = await page.$eval('.totals-table[data-by=""] td[data-field="support_vnd"]', (td) => td.textContent);
  assert.match(grand, /^\d{1,3}(\.\d{3})+$/);
});

test("an edit re-checks the document and highlights the field", async () => {
  const index = FILES.indexOf("an-giang-2021-2025.json");
  await openTab(index);
  const original = cli("check", "--format", "json", join(EXAMPLES, FILES[index])).documents[0].findings;
  assert.ok(original.every((f) => f.severity !== "error"));
  assert.deepEqual(strip(await shown()), expected(original, "vi"));
  const text = readFileSync(join(EXAMPLES, FILES[index]), "utf8");
  const edited = text.replace('"total": 34387000000', '"total": 34388000000');
  assert.notEqual(edited, text);
  const checks = await page.evaluate(() => Number(document.body.dataset.checks || 0));
  await page.fill("#source", edited);
  await page.waitForFunction((n) => Number(document.body.dataset.checks || 0) > n, checks);
  const dir = mkdtempSync(join(tmpdir(), "khuyencong-e2e-"));
  const file = join(dir, "edited.json");
  writeFileSync(file, edited);
  const rust = cli("check", "--format", "json", file).documents[0].findings;
  assert.ok(rust.some((f) => f.severity === "error"), "the edit breaks the reconciliation");
  assert.deepEqual(strip(await shown()), expected(rust, "vi"));
  assert.equal(await page.$eval(".doc-tab.current", (n) => n.dataset.status), "error");

  // Choosing a finding outlines its field in the document and selects it in the editor.
  const first = rust.findIndex((f) => f.path === "/funding/total");
  assert.ok(first >= 0, JSON.stringify(rust.map((f) => f.path)));
  await page.click(`#finding-list .finding:nth-child(${first + 1})`);
  const mark = await page.$eval("#backdrop mark.selected", (m) => ({ text: m.textContent, path: m.dataset.path }));
  assert.equal(mark.path, "/funding/total");
  assert.match(mark.text, /34388000000/);
  const selection = await page.$eval("#source", (t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(selection, '"total": 34388000000');

  // Undoing the edit clears the error.
  const again = await page.evaluate(() => Number(document.body.dataset.checks || 0));
  await page.fill("#source", text);
  await page.waitForFunction((n) => Number(document.body.dataset.checks || 0) > n, again);
  assert.deepEqual(strip(await shown()), expected(original, "vi"));
});

test("pasted text that is not JSON: the syntax error is found and marked where it is", async () => {
  const before = await page.$$eval(".doc-tab", (tabs) => tabs.length);
  await page.click("#paste");
  await page.waitForFunction((n) => document.querySelectorAll(".doc-tab").length === n + 1, before);
  const text = '{\n  "kind": "plan",\n  "id": oops\n}\n';
  const checks = await page.evaluate(() => Number(document.body.dataset.checks || 0));
  await page.fill("#source", text);
  await page.waitForFunction((n) => Number(document.body.dataset.checks || 0) > n, checks);
  const dir = mkdtempSync(join(tmpdir(), "khuyencong-e2e-"));
  writeFileSync(join(dir, "pasted.json"), text);
  const rust = cli("check", "--format", "json", join(dir, "pasted.json")).documents[0].findings;
  assert.deepEqual(strip(await shown()), expected(rust, "vi"));
  // The syntax error, where the value should be; and the note that the rules were not run.
  assert.ok(rust.some((f) => f.code === "structure.malformed_json" && f.path === "/id"), JSON.stringify(rust));
  await page.click("#finding-list .finding.error");
  const mark = await page.$eval("#backdrop mark.selected", (m) => m.textContent);
  // Line 3, column 9 (where the value should start): the "o" of oops.
  assert.equal(mark.trim(), "o");
  assert.equal(await page.$eval(".doc-tab.current", (n) => n.dataset.status), "unreadable");
  // An unreadable document is left out of the totals, and said so.
  assert.match(await page.$eval("#totals-note", (p) => p.textContent), /1 văn bản không đọc được/);
  await page.click(".doc-item:last-child .remove");
  await page.waitForFunction((n) => document.querySelectorAll(".doc-tab").length === n, before);
  await openTab(FILES.indexOf("an-giang-2021-2025.json"));
});

test("a dropped workbook gets the Rust command's findings, each with its cell", async () => {
  // The spreadsheet module is compiled only when a spreadsheet comes.
  assert.equal(await page.evaluate(() => document.body.dataset.sheet), undefined);
  const before = await page.$$eval(".doc-tab", (tabs) => tabs.length);
  await dropBytes(page, "scheme-officer.xlsx", readFileSync(OFFICER));
  await page.waitForFunction((n) => document.querySelectorAll(".doc-tab").length === n + 1, before);
  assert.equal(await page.evaluate(() => document.body.dataset.sheet), "loaded");
  await openTab(before);
  assert.equal(await page.$eval(".doc-tab.current .doc-name", (n) => n.textContent), "scheme-officer.xlsx");
  const rust = cli("check", "--format", "json", OFFICER).documents[0];
  assert.deepEqual(strip(await shown()), expected(rust.findings, "vi"));
  const cells = await page.$$eval("#finding-list .finding", (lis) => lis.map((li) => li.querySelector(".cell")?.textContent ?? null));
  assert.deepEqual(cells, rust.findings.map((f) => f.cell ?? null));
  const unknown = rust.findings.findIndex((f) => f.code === "sheet.unknown_code");
  assert.equal(cells[unknown], "'Đối tượng thụ hưởng'!E5");
  assert.equal(await page.$eval(".doc-tab.current", (n) => n.dataset.status), "error");
  // The JSON the workbook stands for is shown, and can be downloaded.
  const text = await page.$eval("#source", (t) => t.value);
  assert.equal(JSON.parse(text).id, rust.id);
  assert.equal(await page.$eval("#sheet-note", (n) => n.hidden), false);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.equal(download.suggestedFilename(), "scheme-officer.json");
  assert.equal(readFileSync(await download.path(), "utf8"), text);
  // A cell that could not be read keeps the document out of the totals, as the command does.
  assert.match(await page.$eval("#totals-note", (p) => p.textContent), /1 văn bản từ bảng tính có ô không đọc được/);
  await page.click(".doc-item:last-child .remove");
  await page.waitForFunction((n) => document.querySelectorAll(".doc-tab").length === n, before);
  await openTab(FILES.indexOf("an-giang-2021-2025.json"));
});

test("a screenshot of the page with a document and its findings", async () => {
  await page.fill("#source", readFileSync(join(EXAMPLES, "an-giang-2021-2025.json"), "utf8").replace('"total": 34387000000', '"total": 34388000000'));
  await page.waitForFunction(() => document.querySelectorAll("#finding-list .finding.error").length > 0);
  await page.click("#finding-list .finding.error");
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, "validator.png");
  await page.screenshot({ path, fullPage: true });
  assert.ok(readFileSync(path).length > 10_000);
});

test("no console errors on the page", () => {
  assert.deepEqual(problems, []);
});

test("the page made no request beyond its own file, and cannot make one", async () => {
  assert.deepEqual([...new Set(seen)], [`${base}/index.html`]);
  // A request the page's script might try is refused by its Content-Security-Policy before
  // it leaves the browser: the server never sees it.
  const probe = `${base}/probe`;
  const result = await page.evaluate(async (url) => {
    const out = {};
    try {
      await fetch(url);
      out.fetch = "sent";
    } catch {
      out.fetch = "blocked";
    }
    out.image = await new Promise((resolve) => {
      const img = new Image();
      img.onload = () => resolve("sent");
      img.onerror = () => resolve("blocked");
      img.src = `${url}.png`;
    });
    return out;
  }, probe);
  assert.deepEqual(result, { fetch: "blocked", image: "blocked" });
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(served, ["/index.html"]);
});

test("the page works from file://, with no request", async () => {
  const local = await context.newPage();
  const requests = [];
  local.on("request", (r) => requests.push(r.url()));
  const url = pathToFileURL(PAGE).href;
  await local.goto(`${url}?lang=en`);
  await local.waitForFunction(() => document.body.dataset.ready !== undefined);
  assert.equal(await local.evaluate(() => document.body.dataset.ready), "true");
  await local.selectOption("#examples", "plan-example-2024.json");
  await local.waitForFunction(() => document.querySelectorAll(".doc-tab").length === 1);
  const rust = cli("check", "--format", "json", join(EXAMPLES, "plan-example-2024.json")).documents[0].findings;
  const items = await local.$$eval("#finding-list .finding", (lis) => lis.map((li) => [li.dataset.severity, li.dataset.path, li.dataset.code]));
  assert.deepEqual(items, rust.map((f) => [f.severity, f.path, f.code]));
  assert.equal(await local.$eval("h1", (h) => h.textContent), "Industrial-extension document validator");
  // A workbook too, from file://.
  await dropBytes(local, "scheme-officer.xlsx", readFileSync(OFFICER));
  await local.waitForFunction(() => document.querySelectorAll(".doc-tab").length === 2);
  await local.click('.doc-tab[data-index="1"]');
  await local.waitForFunction(() => document.querySelector(".doc-tab.current")?.dataset.index === "1");
  const cell = await local.$eval('#finding-list .finding[data-code="sheet.unknown_code"] .cell', (c) => c.textContent);
  assert.equal(cell, "'Đối tượng thụ hưởng'!E5");
  assert.deepEqual([...new Set(requests)], [`${url}?lang=en`]);
  await local.close();
});

test("the npm package's browser entry works as an ES module, the module fetched next to it", async () => {
  const esm = await browser.newContext();
  const requests = [];
  esm.on("request", (r) => requests.push(new URL(r.url()).pathname));
  const p = await esm.newPage();
  await p.goto(`${base}/esm.html`);
  await p.waitForFunction(() => document.body.dataset.result !== undefined);
  const result = JSON.parse(await p.evaluate(() => document.body.dataset.result));
  assert.deepEqual(result, { plan: ["plan.fund_source_mismatch"], total: "14586000000", error: true });
  assert.ok(requests.includes("/pkg/wasm/khuyencong_wasm_bg.wasm"), requests.join(" "));
  await esm.close();
});
