// The shared corpus (tests/cases/), compared exactly as the Rust runner compares it
// (crates/khuyencong/tests/integration/cases.rs and eligibility.rs) and the Python one
// (python/tests/test_corpus.py).

import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";

import * as k from "khuyencong";

const ROOT = new URL("../../../../", import.meta.url);
const CASES = new URL("tests/cases/", ROOT);

const cases = readdirSync(CASES)
  .filter((name) => existsSync(new URL(`${name}/expected.json`, CASES)))
  .sort()
  .map((name) => ({
    name,
    input: readFileSync(new URL(`${name}/input.json`, CASES)),
    expected: JSON.parse(readFileSync(new URL(`${name}/expected.json`, CASES), "utf8")),
  }));

const triples = (findings) => findings.map((f) => [f.severity, f.path, f.code]);

test("the corpus has at least forty cases", () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
});

describe("every case gives exactly its expected findings", () => {
  const codes = new Set(k.findingCodes());
  for (const c of cases) {
    test(c.name, () => {
      const result = k.check(c.input);
      assert.deepEqual(triples(result.findings), triples(c.expected.findings));
      for (const f of result.findings) {
        assert.ok(f.message_vi && f.message_en, f.code);
        assert.ok(f.path === "" || f.path.startsWith("/"), f.path);
        assert.ok(codes.has(f.code), `finding code ${f.code} is not documented`);
      }
      assert.equal(result.ok, c.expected.findings.every((f) => f.severity !== "error"));
      // The same document as JSON text gives the same result (when the bytes are text:
      // a string cannot hold invalid UTF-8).
      let text = null;
      try {
        text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(c.input);
      } catch {
        assert.ok(result.findings.some((f) => f.code === "structure.not_utf8"));
      }
      if (text !== null) assert.deepEqual(k.check(text), result);
      // As a plain object too, when the text was read without structural findings (an
      // object cannot carry what those are about: duplicate keys, 1.0 for 1, …).
      if (!result.findings.some((f) => f.code.startsWith("structure."))) {
        assert.deepEqual(k.check(JSON.parse(text)), result);
      }
    });
  }
});

test("checkMany gives the results of check, in order", () => {
  const many = k.checkMany(cases.map((c) => c.input));
  assert.equal(many.length, cases.length);
  many.forEach((r, i) => assert.deepEqual(r, k.check(cases[i].input), cases[i].name));
});

const withTotals = cases.filter((c) => c.expected.totals);

test("some cases have totals", () => {
  assert.ok(withTotals.length > 0);
});

// An expected figure (a JSON number or string) against a result (amounts and counts are bigint).
function same(got, want) {
  if (typeof got === "bigint") {
    return Number.isSafeInteger(want) && got === BigInt(want);
  }
  // An object of figures (a row's `counts`): the same keys, each the same figure.
  if (got !== null && typeof got === "object" && !Array.isArray(got)) {
    if (want === null || typeof want !== "object" || Array.isArray(want)) {
      return false;
    }
    const keys = Object.keys(got).sort();
    return (
      JSON.stringify(keys) === JSON.stringify(Object.keys(want).sort()) &&
      keys.every((key) => same(got[key], want[key]))
    );
  }
  return JSON.stringify(got) === JSON.stringify(want);
}

describe("every case gives its expected totals", () => {
  for (const c of withTotals) {
    test(c.name, () => {
      for (const spec of c.expected.totals) {
        const { rows, documents } = k.totals([c.input], spec.by);
        assert.equal(documents.length, 1);
        assert.equal(documents[0].errors > 0n, c.expected.findings.some((f) => f.severity === "error"));
        assert.equal(rows.length, spec.rows.length, k.toJson(rows, 2));
        for (const want of spec.rows) {
          const got = rows.filter((r) => JSON.stringify(r.keys) === JSON.stringify(want.keys));
          assert.equal(got.length, 1, `no row ${JSON.stringify(want.keys)}`);
          for (const [field, value] of Object.entries(want)) {
            assert.ok(
              same(got[0][field], value),
              `${field} of ${JSON.stringify(want.keys)}: ${k.toJson(got[0][field])} != ${JSON.stringify(value)}`,
            );
          }
        }
      }
    });
  }
});

const ELIGIBILITY = JSON.parse(readFileSync(new URL("eligibility/cases.json", CASES), "utf8"));

test("the eligibility table is large and its names are unique", () => {
  assert.ok(ELIGIBILITY.length >= 60);
  assert.equal(new Set(ELIGIBILITY.map((c) => c.name)).size, ELIGIBILITY.length);
});

describe("every eligibility case", () => {
  const registry = new Set(k.findingCodes());
  for (const c of ELIGIBILITY) {
    test(c.name, () => {
      const e = c.expected;
      if (e.error !== undefined) {
        assert.equal(e.error, "before_decree_45");
        assert.throws(
          () => k.assess(c.applicant, c.activity, c.as_of),
          (err) => err instanceof k.KhuyencongError && err.message_en.includes("2012-07-05"),
        );
        return;
      }
      const a = k.assess(c.applicant, c.activity, c.as_of);
      assert.equal(a.verdict, e.verdict);
      assert.equal(a.beneficiary_category, e.beneficiary_category ?? null);
      const codes = a.findings.map((f) => f.code);
      for (const code of e.codes ?? []) assert.ok(codes.includes(code), `missing code ${code}`);
      for (const code of e.absent_codes ?? []) assert.ok(!codes.includes(code), `unexpected code ${code}`);
      assert.deepEqual(a.missing_facts, e.missing_facts ?? []);
      if (e.priorities !== undefined) {
        assert.deepEqual(a.priorities.map((p) => p.code), e.priorities);
      }
      if (e.confidence !== undefined) assert.equal(a.confidence, e.confidence);
      // Invariants of every assessment.
      if (a.verdict === "not_eligible") assert.ok(a.findings.some((f) => f.severity === "error"));
      if (a.verdict === "eligible") assert.deepEqual(a.missing_facts, []);
      for (const f of a.findings) {
        assert.ok(registry.has(f.code), f.code);
        assert.ok(f.citation && f.confidence, f.code);
        assert.ok(f.message_vi && f.message_en, f.code);
      }
      assert.equal(a.as_of, c.as_of);
      assert.equal(a.plan_year, Number(c.as_of.slice(0, 4)));
      // The same facts as JSON text.
      assert.deepEqual(k.assess(JSON.stringify(c.applicant), c.activity, c.as_of), a);
    });
  }
});
