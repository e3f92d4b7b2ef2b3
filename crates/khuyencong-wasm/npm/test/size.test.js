// The size budget of the WebAssembly module: every page that uses the library downloads it.
// Measured with the wasm-release profile of Cargo.toml (opt-level "s", fat LTO, one codegen
// unit, no name section): 2,232,503 bytes, about 0.66 MB gzipped (docs/web.md). The module
// grows with the core's rules and data (the province tables and the shipped provincial
// packs added 250 KB; document format version 2 added 411 KB of readers, schemas and
// checks); the budget leaves room for that and catches a jump — a new
// dependency, a debug build, the name section (about 400 KB). opt-level "z" would make it
// about 11 % smaller but check 1.3–1.6 times slower; wasm-opt is not used (see
// docs/web.md). A module that grows past the budget must be looked at, not the budget
// raised without a reason.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { gzipSync } from "node:zlib";

const BUDGET = 2_400_000;
// The spreadsheet module (khuyencong_wasm_sheet, `khuyencong/sheet`), loaded only when a
// spreadsheet is read: the core it checks with, plus the readers of .xlsx (ZIP, XML) and
// CSV. Measured with the same profile: 2,575,759 bytes, about 0.94 MB gzipped
// (docs/web.md); the budget leaves room for the core's growth and catches a writer
// (rust_xlsxwriter) or a second copy of a dependency pulled in by mistake.
const SHEET_BUDGET = 2_900_000;

test(`the module is at most ${BUDGET} bytes`, (t) => {
  const wasm = readFileSync(new URL("../wasm/khuyencong_wasm_bg.wasm", import.meta.url));
  const gz = gzipSync(wasm, { level: 9 }).length;
  t.diagnostic(`khuyencong_wasm_bg.wasm: ${wasm.length} bytes, ${gz} gzipped; budget ${BUDGET}`);
  assert.ok(wasm.length <= BUDGET, `${wasm.length} bytes > ${BUDGET}`);
  // Nothing but the code: the name section (for debuggers) is left out of the package.
  const custom = WebAssembly.Module.customSections(new WebAssembly.Module(wasm), "name");
  assert.equal(custom.length, 0);
});

test(`the spreadsheet module is at most ${SHEET_BUDGET} bytes`, (t) => {
  const wasm = readFileSync(new URL("../wasm/khuyencong_wasm_sheet_bg.wasm", import.meta.url));
  const gz = gzipSync(wasm, { level: 9 }).length;
  t.diagnostic(`khuyencong_wasm_sheet_bg.wasm: ${wasm.length} bytes, ${gz} gzipped; budget ${SHEET_BUDGET}`);
  assert.ok(wasm.length <= SHEET_BUDGET, `${wasm.length} bytes > ${SHEET_BUDGET}`);
  const custom = WebAssembly.Module.customSections(new WebAssembly.Module(wasm), "name");
  assert.equal(custom.length, 0);
});
