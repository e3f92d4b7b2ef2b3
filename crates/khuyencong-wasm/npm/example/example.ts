// The package's API from TypeScript: compiled with `tsc --strict` (npm run typecheck) and
// run by the tests (test/example.test.js), so that the declarations and the module agree.

import { readFileSync } from "node:fs";
import {
  type CheckResult,
  type Finding,
  type Totals,
  KhuyencongError,
  ValidationError,
  assess,
  catalog,
  check,
  checkMany,
  explain,
  init,
  maxSupport,
  parseVnd,
  renderCitation,
  toJson,
  totals,
} from "khuyencong";
import { type SheetDocument, readSpreadsheet } from "khuyencong/sheet";

await init(); // needed in browsers; resolves at once in Node

const root = new URL("../../../../", import.meta.url);
const report = readFileSync(new URL("docs/examples/an-giang-2021-2025.json", root));

// Check a document: JSON bytes, JSON text or a plain object.
const result: CheckResult = check(report);
if (!result.ok) throw new Error("the An Giang report reconciles exactly");

const plan = {
  kind: "plan",
  schema_version: 2,
  id: "kh-2024",
  year: 2024,
  fund_level: "national",
  budget: { lines: [{ source: "local_budget_provincial", amount: 500_000_000n }] },
};
const first: Finding | undefined = check(plan).findings[0];
if (first === undefined) throw new Error("a national plan funded by the province has a finding");
const basis = first.citation ? renderCitation(first.citation, "en") : "(no citation)";
const fix = explain(first.code).fix_en;
export const lines: string[] = [`${first.path} ${first.code}: ${first.message_en} [${basis}] ${fix}`];

// Every document of a batch, in order.
const batch: CheckResult[] = checkMany([report, plan, "{"]);
lines.push(batch.map((r) => `${r.kind ?? "?"} ${r.ok ? "ok" : "errors"}`).join(", "));

// Exact totals: amounts are bigint đồng.
const t: Totals = totals([report], ["source"]);
const funding: bigint = t.rows.reduce((sum, r) => sum + r.funding_vnd, 0n);
lines.push(`funding ${funding} đồng, ${t.documents.filter((d) => d.errors > 0n).length} with errors`);
lines.push(toJson(t.rows[0], 0).slice(0, 40));

// Eligibility and support limits.
const a = assess({ legal_form: "cooperative" }, "advanced_machinery_technology_transfer", "2024-06-01");
lines.push(`${a.verdict}: missing ${a.missing_facts.join(", ")}`);
const limit = maxSupport("advanced_machinery_technology_transfer", 97_820_000n, "2025-03-01");
if (limit.status === "assessed") lines.push(`max ${limit.max_support_vnd} (${limit.binding})`);
const amount = parseVnd("hơn 15,2 tỷ");
lines.push(`${amount.amount} ${amount.exactness}`);
lines.push(catalog("2024-06-01", "en").activities.map((x) => x.label).slice(0, 2).join("; "));

// Errors carry both languages.
try {
  catalog("2012-07-04");
} catch (e) {
  if (e instanceof KhuyencongError) lines.push(e.message_vi);
}
try {
  totals(["{"]);
} catch (e) {
  if (e instanceof ValidationError) lines.push(e.findings.map((f) => f.code).join(","));
}

// Spreadsheets (khuyencong/sheet, a module of its own): each finding names its cell.
const officer = readFileSync(new URL("tests/sheets/scheme-officer.xlsx", root));
const sheets: SheetDocument[] = readSpreadsheet(officer, "scheme-officer.xlsx");
const unknown: Finding | undefined = sheets[0]?.findings.find((f) => f.code === "sheet.unknown_code");
lines.push(`${unknown?.cell ?? "?"} ${unknown?.path ?? "?"}`);
