// The TypeScript example (example/example.ts), compiled by `npm run typecheck` with
// `tsc --strict` against index.d.ts, runs and prints what it says.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";

const compiled = new URL("../example/example.js", import.meta.url);

test("the TypeScript example runs", async () => {
  assert.ok(existsSync(compiled), "example/example.js is missing: run `npm run typecheck` (npm test does)");
  const { lines } = await import(compiled);
  assert.deepEqual(lines.slice(1), [
    "period_report ok, plan errors, ? errors",
    "funding 34387000000 đồng, 0 with errors",
    '{"keys":{"source":null},"documents":1,"d',
    "indeterminate: missing /production_site, /industry",
    "max 48910000 (share)",
    "15200000000 lower_bound",
    "Vocational training and craft transfer; Management capacity, enterprise start-up and market expansion",
    "ngày 04/07/2012 trước ngày 05/07/2012, ngày Nghị định số 45/2012/NĐ-CP có hiệu lực; giai đoạn trước (Nghị định số 134/2004/NĐ-CP) không được hỗ trợ",
    "structure.truncated",
    "'Đối tượng thụ hưởng'!E5 /beneficiaries/0/industry",
  ]);
  assert.match(lines[0], /^\/budget\/lines\/0\/source plan\.fund_source_mismatch: .+ \[Decree 45\/2012\/ND-CP, Art\. 11\] .+/);
});
