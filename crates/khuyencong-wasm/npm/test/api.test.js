// The JavaScript face of the library: value conversions (bigint amounts, inputs of every
// form), options, errors in both languages, and agreement with the committed artefacts.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";

import * as k from "khuyencong";

const ROOT = new URL("../../../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, ROOT));
const REPORT = read("docs/examples/an-giang-2021-2025.json");
const SCHEME = read("docs/examples/scheme-giong-rieng-2025.json");
const PACK = read("docs/examples/provincial-pack.example.json");
const MACHINERY = "advanced_machinery_technology_transfer";
const M = 1_000_000n;

const isError = (cls, pattern) => (e) => {
  assert.ok(e instanceof cls, `${e?.name}: ${e?.message}`);
  if (pattern) assert.match(e.message, pattern);
  return true;
};
const bilingual = (pattern) => (e) => {
  isError(k.KhuyencongError, pattern)(e);
  assert.ok(e.message_en && e.message_vi && e.message_vi !== e.message_en, e.message);
  assert.equal(e.message, `${e.message_en} / ${e.message_vi}`);
  return true;
};

describe("amounts and counts are bigint, never a lossy number", () => {
  test("totals", () => {
    const [grand] = k.totals([REPORT]).rows;
    assert.equal(grand.support_vnd, 14_586n * M);
    assert.equal(grand.establishments, 62n);
    assert.equal(grand.documents, 1n);
    assert.equal(grand.documents_with_errors, 0n);
    assert.equal(grand.support_share, "0.455398");
    assert.deepEqual(grand.keys, {});
    const bySource = k.totals([REPORT], ["source"]).rows;
    assert.equal(bySource.reduce((s, r) => s + r.funding_vnd, 0n), 34_387n * M);
    const none = bySource.find((r) => r.keys.source === null);
    assert.equal(none.support_share, "0.455398");
    assert.equal(bySource.find((r) => r.keys.source === "counterpart").support_share, null);
  });

  test("support limits, amounts, finding parameters", () => {
    const s = k.maxSupport(MACHINERY, 97_820_000n, "2025-03-01");
    assert.equal(s.status, "assessed");
    assert.equal(s.max_support_vnd, 48_910_000n);
    assert.equal(s.eligible_cost_vnd, 97_820_000n);
    assert.equal(typeof s.citation.article, "number");
    assert.deepEqual(k.parseVnd("1.400 triệu đồng"), { amount: 1_400n * M, exactness: "exact" });
    assert.deepEqual(k.parseVnd("hơn 15,2 tỷ"), { amount: 15_200n * M, exactness: "lower_bound" });
    const f = k.check(read("tests/cases/plan_budget_total_mismatch/input.json")).findings[0];
    assert.equal(f.params.stated, 1_100n * M);
  });

  test("an amount beyond 2^53 − 1 is reported, written as a bigint or in JSON text", () => {
    const plan = JSON.parse(read("tests/cases/plan_clean/input.json"));
    const at = (doc) => k.check(doc).findings.map((x) => [x.code, x.path]);
    const asText = at(JSON.stringify(plan).replace(/"amount":\s*\d+/, '"amount": 99999999999999999999999'));
    plan.budget.lines[0].amount = 99_999_999_999_999_999_999_999n;
    assert.deepEqual(at(plan), asText);
    assert.ok(asText.length > 0 && asText[0][0].startsWith("structure."), JSON.stringify(asText));
  });
});

describe("documents in every form", () => {
  test("bytes, text and a plain object give the same result", () => {
    const base = k.check(REPORT);
    assert.deepEqual([base.kind, base.id, base.ok], ["period_report", "an-giang-kcqg-2021-2025", true]);
    assert.ok(base.findings.every((f) => f.severity !== "error"));
    assert.deepEqual(k.check(new Uint8Array(REPORT)), base);
    assert.deepEqual(k.check(REPORT.toString("utf8")), base);
    assert.deepEqual(k.check(JSON.parse(REPORT)), base);
    assert.deepEqual(k.check(Object.assign(Object.create(null), JSON.parse(REPORT))), base);
  });

  test("a fraction in an object is the core's finding, as in JSON text", () => {
    const plan = JSON.parse(read("tests/cases/plan_clean/input.json"));
    plan.budget.lines[0].amount = 1.5;
    const f = k.check(plan).findings;
    // With the note that the rules were not checked (the document could not be read).
    assert.deepEqual(f.map((x) => [x.code, x.path]), [
      ["structure.rules_not_run", ""],
      ["structure.not_whole_number", "/budget/lines/0/amount"],
    ]);
    assert.deepEqual(k.check(JSON.stringify(plan)).findings, f);
  });

  test("an unreadable document is a finding, not an exception", () => {
    const r = k.check("{");
    assert.equal(r.kind, null);
    assert.equal(r.id, null);
    assert.equal(r.ok, false);
    assert.equal(r.findings[0].code, "structure.truncated");
    assert.deepEqual([r.findings[0].params.line, r.findings[0].params.column], [1n, 2n]);
  });

  test("a property set to undefined is left out, as JSON.stringify does", () => {
    const doc = { ...JSON.parse(REPORT), note: undefined };
    assert.deepEqual(k.check(doc), k.check(REPORT));
  });

  test("values with no JSON form are refused with their path", () => {
    const doc = JSON.parse(REPORT);
    assert.throws(() => k.check({ ...doc, reporting_unit: new Date() }), isError(TypeError, /Date at `\/reporting_unit`/));
    assert.throws(() => k.check({ ...doc, x: new Map() }), isError(TypeError, /Map at `\/x`/));
    assert.throws(() => k.check({ ...doc, x: [1, undefined] }), isError(TypeError, /undefined at `\/x\/1`/));
    assert.throws(() => k.check({ ...doc, x: () => 1 }), isError(TypeError, /at `\/x`/));
    assert.throws(() => k.check({ ...doc, x: Number.NaN }), isError(TypeError, /NaN is not a JSON number at `\/x`/));
    assert.throws(() => k.check({ ...doc, "a/b": 2 ** 60 }), bilingual(/at `\/a~1b` is beyond 2\^53 − 1/));
    assert.throws(() => k.check(42), isError(TypeError, /the document must be a plain object, a string of JSON text or a Uint8Array/));
    assert.throws(() => k.check(null), isError(TypeError));
  });

  test("a value that contains itself is refused, not a crash", () => {
    const doc = { kind: "plan" };
    doc.self = doc;
    assert.throws(() => k.check(doc), bilingual(/nested deeper than 512 levels \(or contains itself\), at `\/self\/self/));
    // The module is still usable afterwards.
    assert.equal(k.check(REPORT).ok, true);
  });

  test("an exception thrown while reading an object comes back as it is, and nothing breaks", () => {
    const trap = new Proxy({}, { ownKeys() { throw new RangeError("ownKeys trap"); } });
    assert.throws(() => k.check(trap), isError(RangeError, /ownKeys trap/));
    const getter = { get kind() { throw new RangeError("getter"); } };
    assert.throws(() => k.check(getter), isError(RangeError, /getter/));
    const orphan = Object.create(Object.create(null));
    assert.throws(() => k.check({ x: orphan }), isError(TypeError, /cannot use an object at `\/x`/));
    assert.equal(k.check(REPORT).ok, true);
  });

  test("deep nesting within the conversion limit is the core's structure.too_deep", () => {
    const text = read("tests/cases/structure_deep_nesting/input.json").toString("utf8");
    const r = k.check(JSON.parse(text));
    const where = (x) => x.findings.map((f) => [f.severity, f.path, f.code]);
    assert.deepEqual(where(r), where(k.check(text)));
    assert.deepEqual(r.findings.map((f) => f.code), ["structure.rules_not_run", "structure.too_deep"]);
  });

  test("checkMany takes an array, in order", () => {
    const many = k.checkMany([REPORT, "{", JSON.parse(SCHEME)]);
    assert.deepEqual(many.map((r) => r.kind), ["period_report", null, "scheme"]);
    assert.throws(() => k.checkMany(REPORT), isError(TypeError, /wrap a single document in \[ \]/));
    assert.throws(() => k.checkMany([REPORT, 3]), isError(TypeError, /document 1 must be/));
  });

  test("a provincial pack in every form, and an invalid one", () => {
    const base = k.check(SCHEME, { provincialPack: PACK });
    assert.deepEqual(k.check(SCHEME, { provincialPack: JSON.parse(PACK) }), base);
    assert.deepEqual(k.check(SCHEME, { provincialPack: PACK.toString("utf8") }), base);
    assert.deepEqual(k.checkMany([SCHEME], { provincialPack: PACK })[0], base);
    assert.throws(() => k.check(SCHEME, { provincialPack: "{}" }), bilingual(/invalid rule pack|rule pack is not valid JSON/));
    assert.throws(() => k.check(SCHEME, { provincialPack: 3 }), isError(TypeError, /provincialPack must be the name of a shipped pack/));
    assert.throws(() => k.check(SCHEME, { provincial_pack: PACK }), isError(TypeError, /unknown option `provincial_pack`/));
    assert.throws(() => k.check(SCHEME, "x"), isError(TypeError, /options of check\(\)/));
  });
});

describe("totals", () => {
  test("an unreadable document throws ValidationError with its findings", () => {
    assert.throws(
      () => k.totals([REPORT, "{"], ["source"]),
      (e) => {
        bilingual(/^`document 1`: the document has 1 finding\(s\); the first, at `\/`/)(e);
        assert.ok(e instanceof k.ValidationError);
        assert.equal(e.name, "ValidationError");
        assert.deepEqual(e.findings.map((f) => f.code), ["structure.truncated"]);
        return true;
      },
    );
  });

  test("every document is listed with its errors, and counted in its rows", () => {
    const plan = read("tests/cases/plan_budget_total_mismatch/input.json");
    const t = k.totals([REPORT, plan], ["kind"]);
    assert.deepEqual(
      t.documents.map((d) => [d.index, d.kind, d.errors > 0n]),
      [[0n, "period_report", false], [1n, "plan", true]],
    );
    assert.equal(t.documents[1].id, k.check(plan).id);
    assert.deepEqual(t.rows.map((r) => [r.keys.kind, r.documents_with_errors]), [["period_report", 0n], ["plan", 1n]]);
  });

  test("notes say how province names were read", () => {
    const t = k.totals([REPORT], ["province"]);
    assert.ok(Array.isArray(t.notes));
    for (const n of t.notes) assert.ok(n.message_vi && n.message_en && typeof n.document === "bigint");
  });

  test("keys: year is its own key; an unknown key or a string is refused", () => {
    // The five-year report's lines state no year: its figures are not itemised by year.
    const byYear = k.totals([REPORT], ["year"]);
    assert.deepEqual(byYear.rows.map((r) => r.keys.year), ["not_itemised"]);
    assert.equal(byYear.rows[0].funding_vnd, k.totals([REPORT], ["period"]).rows[0].funding_vnd);
    assert.throws(() => k.totals([REPORT], ["colour"]), bilingual(/unknown totals key `colour`/));
    assert.throws(() => k.totals([REPORT], "source"), isError(TypeError, /by must be an array/));
    assert.throws(() => k.totals([REPORT], [1]), isError(TypeError, /a totals key must be a string/));
  });
});

describe("eligibility and support limits", () => {
  test("assess: facts as an object or JSON text; bad facts are named by their path", () => {
    const a = k.assess({ legal_form: "cooperative" }, MACHINERY, "2024-06-01");
    assert.equal(a.verdict, "indeterminate");
    assert.deepEqual(a.missing_facts, ["/production_site", "/industry"]);
    assert.equal(a.plan_year, 2024);
    const float = read("tests/cases/eligibility/invalid_float_capital.json").toString("utf8");
    assert.throws(() => k.assess(float, MACHINERY, "2024-06-01"), bilingual(/invalid applicant facts at `\/sme\/total_capital`/));
    assert.throws(() => k.assess(JSON.parse(float), MACHINERY, "2024-06-01"), bilingual(/at `\/sme\/total_capital`/));
    assert.throws(() => k.assess({ colour: 1 }, MACHINERY, "2024-06-01"), bilingual(/unknown field `colour`/));
    assert.throws(() => k.assess({}, "x", "2024-06-01"), bilingual(/unknown activity `x`/));
    assert.throws(() => k.assess(3, MACHINERY, "2024-06-01"), isError(TypeError, /applicant must be/));
  });

  test("maxSupport: the cost as a bigint, an integer number or digits", () => {
    const s = k.maxSupport(MACHINERY, 97_820_000n, "2025-03-01");
    assert.deepEqual(k.maxSupport(MACHINERY, 97_820_000, "2025-03-01"), s);
    assert.deepEqual(k.maxSupport(MACHINERY, "97820000", "2025-03-01"), s);
    assert.throws(() => k.maxSupport(MACHINERY, 97_820_000.5, "2025-03-01"), bilingual(/whole number of đồng/));
    assert.throws(() => k.maxSupport(MACHINERY, -1n, "2025-03-01"), bilingual(/must not be negative/));
    assert.throws(() => k.maxSupport(MACHINERY, 2n ** 53n, "2025-03-01"), bilingual(/exceeds the maximum/));
    assert.throws(() => k.maxSupport(MACHINERY, 1e300, "2025-03-01"), bilingual(/exceeds the maximum/));
    assert.throws(() => k.maxSupport(MACHINERY, "1.400 triệu", "2025-03-01"), bilingual(/use parseVnd/));
    assert.throws(() => k.maxSupport(MACHINERY, true, "2025-03-01"), isError(TypeError, /eligibleCost must be a bigint/));
  });

  test("maxSupport: options", () => {
    const p = k.maxSupport(MACHINERY, 2_000n * M, "2025-06-01", { fund: "provincial", provincialPack: PACK });
    assert.equal(p.rule_source, "provincial");
    assert.equal(p.max_support_vnd, 250n * M);
    const unnamed = k.maxSupport("demonstration_model", 1n, "2025-03-01");
    assert.deepEqual([unnamed.status, unnamed.assessed], ["not_assessed", false]);
    assert.match(unnamed.reason_en, /none is named/);
    assert.throws(() => k.maxSupport("demonstration_model", 1n, "2025-03-01", { variant: "x" }), bilingual(/unknown variant `x`/));
    assert.throws(() => k.maxSupport(MACHINERY, 1n, "2025-03-01", { fund: "city" }), bilingual(/unknown fund level `city`/));
    assert.throws(() => k.maxSupport(MACHINERY, 1n, "2025-03-01", { priority: 1 }), isError(TypeError, /priority must be a boolean/));
    assert.throws(() => k.maxSupport(MACHINERY, 1n, "2025-03-01", { technology_line: true }), isError(TypeError, /unknown option `technology_line`/));
    const eight = k.maxSupport(MACHINERY, 6_000n * M, "2022-06-01", { units: 8 });
    assert.deepEqual([eight.max_support_vnd, eight.units, eight.cap_per_unit_vnd, eight.share_limit_vnd], [2_400n * M, 8n, 300n * M, 3_000n * M]);
    assert.deepEqual(k.maxSupport(MACHINERY, 6_000n * M, "2022-06-01", { units: 8n }), eight);
    assert.equal(k.maxSupport(MACHINERY, 6_000n * M, "2022-06-01").units, 1n);
    assert.throws(() => k.maxSupport(MACHINERY, 1n, "2025-03-01", { units: 0 }), bilingual(/units must be a whole number from 1, got 0/));
    assert.throws(() => k.maxSupport(MACHINERY, 1n, "2025-03-01", { units: 1.5 }), bilingual(/units must be a whole number from 1/));
    assert.throws(() => k.maxSupport(MACHINERY, 1n, "2025-03-01", { units: "8" }), isError(TypeError, /units must be an integer from 1/));
    const line = k.maxSupport(MACHINERY, 2_000n * M, "2025-03-01", { technologyLine: true });
    const plain = k.maxSupport(MACHINERY, 2_000n * M, "2025-03-01");
    assert.ok(line.max_support_vnd > plain.max_support_vnd, `${line.max_support_vnd} > ${plain.max_support_vnd}`);
  });

  test("shipped provincial packs, by name", () => {
    const list = k.packs();
    assert.ok(list.length > 0);
    const names = list.map((p) => p.name);
    assert.equal(new Set(names).size, names.length);
    for (const p of list) {
      assert.equal(typeof p.rules, "bigint");
      assert.ok(p.instrument_vi && p.instrument_en, p.name);
      // A shipped pack is accepted by name wherever a pack is.
      const scheme = k.check(SCHEME, { provincialPack: p.name });
      assert.equal(scheme.kind, "scheme");
      k.maxSupport(MACHINERY, 100n * M, "2025-10-01", { fund: "provincial", provincialPack: p.name });
    }
    assert.throws(() => k.check(SCHEME, { provincialPack: "no-such-pack" }), bilingual());
  });

  test("dates are YYYY-MM-DD strings", () => {
    assert.throws(() => k.assess({}, MACHINERY, "2024-6-1"), bilingual(/not a valid calendar date/));
    assert.throws(() => k.assess({}, MACHINERY, "2025-02-30"), bilingual(/not a valid calendar date/));
    assert.throws(() => k.assess({}, MACHINERY, new Date()), isError(TypeError, /asOf must be an ISO date string.*a Date carries a time/));
    assert.throws(() => k.catalog("2012-07-04"), bilingual(/before 2012-07-05/));
    assert.equal(k.regimeAt("2025-10-14"), "regime_2012");
    assert.equal(k.regimeAt("2025-10-15"), "regime_2025");
  });
});

describe("codelists, schemas, codes and citations", () => {
  test("catalog labels follow the language", () => {
    const vi = k.catalog("2024-06-01");
    const en = k.catalog("2024-06-01", "en");
    assert.equal(vi.activities[0].label, vi.activities[0].label_vi);
    assert.equal(en.activities[0].label, en.activities[0].label_en);
    assert.equal(en.instruments[0].label, en.instruments[0].label_en);
    assert.throws(() => k.catalog("2024-06-01", "fr"), bilingual(/unknown language `fr`/));
  });

  test("jsonSchema is the committed schema of every kind", () => {
    const dir = new URL("docs/schema/", ROOT);
    const files = readdirSync(dir).filter((f) => f.endsWith(".schema.json"));
    assert.ok(files.length >= 6);
    for (const file of files) {
      const kind = file.replace(".schema.json", "");
      assert.deepEqual(k.jsonSchema(kind), JSON.parse(readFileSync(new URL(file, dir))), kind);
    }
    assert.throws(() => k.jsonSchema("x"), bilingual(/unknown schema `x`/));
  });

  test("explain and findingCodes", () => {
    const codes = k.findingCodes();
    assert.equal(new Set(codes).size, codes.length);
    const doc = read("docs/findings.md").toString("utf8");
    for (const code of codes) assert.ok(doc.includes(code), `${code} is in docs/findings.md`);
    const e = k.explain("plan.fund_source_mismatch");
    assert.deepEqual(Object.keys(e), ["code", "severity", "citation", "meaning_vi", "meaning_en", "fix_vi", "fix_en"]);
    assert.equal(e.citation.en, "Decree 45/2012/ND-CP, Art. 11");
    assert.equal(k.renderCitation(e.citation, "en"), e.citation.en);
    assert.equal(k.renderCitation(e.citation, "vi"), e.citation.vi);
    assert.equal(k.explain("funding.total_mismatch").citation, null);
    assert.throws(() => k.explain("x.y"), bilingual(/unknown finding code `x.y`/));
  });

  test("citations: parse and render, national and provincial", () => {
    const c = k.parseCitation("điểm đ khoản 1 Điều 4 Nghị định số 45/2012/NĐ-CP");
    assert.deepEqual(c, { instrument: "nd_45_2012", article: 4, clause: 1, point: "đ" });
    assert.equal(k.renderCitation(c, "en"), "Decree 45/2012/ND-CP, Art. 4(1)(dd)");
    assert.equal(k.renderCitation(c), "điểm đ khoản 1 Điều 4 Nghị định số 45/2012/NĐ-CP");
    const p = k.maxSupport(MACHINERY, 2_000n * M, "2025-06-01", { fund: "provincial", provincialPack: PACK });
    assert.match(k.renderCitation(p.citation, "en"), /^Resolution .+ of the People's Council of .+, Art\. \d+/);
    assert.throws(() => k.parseCitation("Điều 99"), bilingual());
    assert.throws(() => k.renderCitation("Art. 4"), isError(TypeError, /citation must be an object/));
    assert.throws(() => k.renderCitation({ instrument: "x" }), bilingual(/invalid citation/));
  });
});

describe("toJson", () => {
  test("writes bigints as exact JSON integers", () => {
    assert.equal(k.toJson({ a: 2n ** 70n, b: [1, "x", null, true] }), '{"a":1180591620717411303424,"b":[1,"x",null,true]}');
    assert.equal(k.toJson({ a: [1] }, 2), '{\n  "a": [\n    1\n  ]\n}');
    assert.equal(k.toJson({ a: 1 }, 0), '{"a":1}');
    assert.throws(() => k.toJson({}, 11), isError(TypeError, /indent/));
  });

  test("round-trips a result through the core's JSON", () => {
    const rows = k.totals([REPORT], ["activity"]).rows;
    const parsed = JSON.parse(k.toJson(rows), (key, v) => v);
    assert.equal(parsed.length, rows.length);
    assert.equal(BigInt(parsed[0].support_vnd), rows[0].support_vnd);
  });
});

describe("errors and loading", () => {
  test("the error classes", () => {
    const e = new k.KhuyencongError("en", "vi");
    assert.ok(e instanceof Error);
    assert.equal(e.name, "KhuyencongError");
    assert.equal(e.message, "en / vi");
    assert.equal(new k.KhuyencongError("same").message, "same");
    const v = new k.ValidationError("en", "vi", []);
    assert.ok(v instanceof k.KhuyencongError && v instanceof Error);
    assert.deepEqual(v.findings, []);
    // The package's version is the workspace's (Cargo.toml).
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    assert.equal(k.version(), pkg.version);
  });

  const node = (code) =>
    spawnSync(process.execPath, ["--input-type=module", "-e", code], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      encoding: "utf8",
    });

  test("the browser entry: an error before init, and init from the bytes", () => {
    const before = node(`import { check } from "./index.js"; try { check("{}"); } catch (e) { console.log(e.message); }`);
    assert.match(before.stdout, /call `await init\(\)` before check\(\)/, before.stderr);
    const after = node(`
      import { readFileSync } from "node:fs";
      import { init, check, KhuyencongError, catalog } from "./index.js";
      await init(readFileSync("wasm/khuyencong_wasm_bg.wasm"));
      await init();
      console.log(check("{").findings[0].code);
      try { catalog("2000-01-01"); } catch (e) { console.log(e instanceof KhuyencongError); }`);
    assert.equal(after.stdout, "structure.truncated\ntrue\n", after.stderr);
  });
});
