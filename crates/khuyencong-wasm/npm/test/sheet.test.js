// khuyencong/sheet: spreadsheets read and checked exactly as `khuyencong check FILE.xlsx`
// does. The officer's workbook of the spreadsheet tests (tests/sheets/scheme-officer.xlsx,
// whose findings the command's tests keep in scheme-officer.expected.json), and workbooks
// and CSV files written in this run by the command itself (`convert`, `template`) from the
// example documents, are compared with `khuyencong check --format json` on the same files:
// the same documents with the same findings (severity, code, path, cell and messages).
//
// The command is the debug build of crates/khuyencong-cli (`cargo test` builds it; .ci/run
// runs the Rust tests first), or the one named by KHUYENCONG_CLI.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import * as k from "khuyencong";
import { readSpreadsheet, version } from "khuyencong/sheet";

const ROOT = new URL("../../../../", import.meta.url);
const root = fileURLToPath(ROOT);
const cli = process.env.KHUYENCONG_CLI || join(root, "target/debug/khuyencong");

const tmp = mkdtempSync(join(tmpdir(), "khuyencong-sheet-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** `khuyencong ARGS…` in the repository's root; its standard output (any exit code). */
function run(args) {
  try {
    return execFileSync(cli, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    if (e.status === 1 || e.status === 2) return e.stdout;
    throw e;
  }
}

const view = (f) => ({
  severity: f.severity,
  code: f.code,
  path: f.path,
  cell: f.cell ?? null,
  message_vi: f.message_vi,
  message_en: f.message_en,
});

test("the command line is built", () => {
  assert.ok(existsSync(cli), `${cli} is missing: build it with \`cargo build -p khuyencong-cli\` (cargo test does) or set KHUYENCONG_CLI`);
  assert.equal(version(), k.version());
});

// The files: the committed workbook, then files the command writes here.
const files = [join(root, "tests/sheets/scheme-officer.xlsx")];
if (existsSync(cli)) {
  for (const [example, ext] of [
    ["an-giang-2021-2025.json", "xlsx"],
    ["an-giang-2021-2025.json", "csv"],
    ["scheme-quang-nam-2022.json", "xlsx"],
    ["plan-example-2024.json", "csv"],
    ["programme-example-2021-2025.json", "xlsx"],
  ]) {
    const out = join(tmp, `${example.replace(/\.json$/, "")}.${ext}`);
    run(["convert", join(root, "docs/examples", example), "-o", out]);
    files.push(out);
  }
  // A plan funded by the province but declared national: a finding of the core, at its cell.
  const plan = join(tmp, "plan-mismatch.json");
  writeFileSync(
    plan,
    JSON.stringify({
      kind: "plan",
      schema_version: 2,
      id: "kh-2024",
      year: 2024,
      fund_level: "national",
      budget: { lines: [{ source: "local_budget_provincial", amount: 500000000 }] },
    }),
  );
  run(["convert", plan, "-o", join(tmp, "plan-mismatch.xlsx")]);
  files.push(join(tmp, "plan-mismatch.xlsx"));
  // Templates with their example rows only, and a file that is not a spreadsheet.
  run(["template", "scheme", "-o", join(tmp, "scheme-template.xlsx")]);
  files.push(join(tmp, "scheme-template.xlsx"));
  run(["template", "period_report", "-o", join(tmp, "report-template.csv")]);
  files.push(join(tmp, "report-template.csv"));
  writeFileSync(join(tmp, "broken.xlsx"), Buffer.from("PK\u0003\u0004 not a workbook"));
  files.push(join(tmp, "broken.xlsx"));
}

describe("every spreadsheet gives the findings of `khuyencong check --format json`", () => {
  for (const file of files) {
    const name = file.slice(file.lastIndexOf("/") + 1);
    test(name, () => {
      assert.ok(existsSync(cli), `${cli} is missing`);
      const expected = JSON.parse(run(["check", "--format", "json", file])).documents;
      const got = readSpreadsheet(readFileSync(file), file);
      assert.equal(got.length, expected.length, "documents");
      got.forEach((doc, i) => {
        const want = expected[i];
        // The command leaves out a kind or id it cannot tell; the module gives null.
        assert.equal(doc.kind, want.kind ?? null);
        assert.equal(doc.id, want.id ?? null);
        assert.deepEqual(doc.findings.map(view), want.findings.map(view));
        assert.equal(doc.ok, !want.findings.some((f) => f.severity === "error"));
        assert.equal(doc.source, file);
      });
    });
  }
});

test("the officer's workbook: the committed expectation, each finding at its cell", () => {
  const file = "tests/sheets/scheme-officer.xlsx";
  const expected = JSON.parse(readFileSync(new URL("tests/sheets/scheme-officer.expected.json", ROOT), "utf8"));
  const [doc, ...rest] = readSpreadsheet(readFileSync(new URL(file, ROOT)), "scheme-officer.xlsx");
  assert.equal(rest.length, 0);
  assert.equal(doc.kind, expected.kind);
  assert.equal(doc.id, expected.id);
  assert.deepEqual(
    doc.findings.map((f) => ({ cell: f.cell ?? null, code: f.code, path: f.path, severity: f.severity })),
    expected.findings,
  );
  assert.equal(doc.ok, false);
  assert.equal(doc.sheet_errors, true);
  assert.ok(doc.readable);
  const unknown = doc.findings.find((f) => f.code === "sheet.unknown_code");
  assert.equal(unknown.cell, "'Đối tượng thụ hưởng'!E5");
});

test("the JSON a spreadsheet stands for is what the library checks", () => {
  const [doc] = readSpreadsheet(readFileSync(new URL("tests/sheets/scheme-officer.xlsx", ROOT)), "x.xlsx");
  const parsed = JSON.parse(doc.json);
  assert.equal(parsed.kind, "scheme");
  assert.equal(parsed.id, "kcdp-2024-hau-giang-01");
  // The core's findings on the JSON text: those of the spreadsheet other than the
  // reader's own (sheet.*), without cells.
  const direct = k.check(doc.json).findings.map((f) => [f.severity, f.code, f.path]);
  const fromSheet = doc.findings.filter((f) => !f.code.startsWith("sheet.")).map((f) => [f.severity, f.code, f.path]);
  assert.deepEqual(fromSheet, direct);
  assert.ok(k.check(doc.json).findings.every((f) => f.cell === undefined));
});

test("a written example reads back as the example", () => {
  const source = readFileSync(new URL("docs/examples/plan-example-2024.json", ROOT), "utf8");
  const csv = join(tmp, "plan-example-2024.csv");
  if (!existsSync(csv)) assert.fail(`${csv} was not written`);
  const [doc] = readSpreadsheet(readFileSync(csv), "plan.csv");
  assert.deepEqual(JSON.parse(doc.json), JSON.parse(source));
  assert.ok(doc.ok);
  assert.equal(doc.sheet_errors, false);
});

test("arguments of the wrong type throw a TypeError; a bad file gives findings", () => {
  assert.throws(() => readSpreadsheet("a,b\n1,2"), TypeError);
  assert.throws(() => readSpreadsheet(new Uint8Array(), 5), TypeError);
  const [doc] = readSpreadsheet(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), "x.xlsx");
  assert.equal(doc.json, null);
  assert.equal(doc.readable, false);
  assert.ok(doc.findings.length > 0 && doc.findings.every((f) => f.code.startsWith("sheet.")));
});
