// Builds the validator page: one self-contained HTML file, web/dist/index.html, with the
// library's WebAssembly module (base64), its bindings (a classic script), the example
// documents, the page's script and styles inline — so that it works from file:// and from
// any static host, with no request beyond the file itself. Its Content-Security-Policy
// allows only those inline scripts (by hash) and no connection of any kind.
//
// Run crates/khuyencong-wasm/build.sh first (it writes target/wasm-web/).
//   node web/build.mjs

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const here = new URL("./", import.meta.url);
const read = (url) => readFileSync(url, "utf8");

const glue = read(new URL("target/wasm-web/khuyencong_wasm.js", root));
const wasm = readFileSync(new URL("target/wasm-web/khuyencong_wasm_bg.wasm", root));
// The spreadsheet module: its bindings (the global `khuyencong_sheet`) and its bytes in a
// data block that is not executed, decoded and compiled only when a spreadsheet is given.
const sheetGlue = read(new URL("target/wasm-web/khuyencong_wasm_sheet.js", root));
const sheetWasm = readFileSync(new URL("target/wasm-web/khuyencong_wasm_sheet_bg.wasm", root));
const app = read(new URL("app.js", here));
const style = read(new URL("style.css", here));
const template = read(new URL("index.html", here));

const examplesDir = new URL("docs/examples/", root);
const examples = {};
for (const name of readdirSync(examplesDir).sort()) {
  // The provincial rule pack is not a document.
  if (name.endsWith(".json") && !name.startsWith("provincial-pack")) {
    examples[name] = read(new URL(name, examplesDir));
  }
}

// `</` cannot appear inside an inline script; in JSON strings it is written `<\/`.
const data =
  `"use strict";\nvar KHUYENCONG_WASM = "${wasm.toString("base64")}";\n` +
  `var KHUYENCONG_EXAMPLES = ${JSON.stringify(examples).replace(/<\//g, "<\\/")};\n`;

for (const [name, text] of [["bindings", glue], ["spreadsheet bindings", sheetGlue], ["page script", app], ["styles", style]]) {
  if (/<\/(script|style)/i.test(text)) {
    throw new Error(`the ${name} contain a closing tag and cannot be inlined`);
  }
}

const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(glue)} ${hash(sheetGlue)} ${hash(data)} ${hash(app)} 'wasm-unsafe-eval'`,
  `style-src ${hash(style)}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const parts = {
  CSP: csp,
  STYLE: style,
  GLUE: glue,
  SHEETGLUE: sheetGlue,
  SHEETWASM: sheetWasm.toString("base64"),
  DATA: data,
  APP: app,
};
const html = template.replace(/%(CSP|STYLE|GLUE|SHEETGLUE|SHEETWASM|DATA|APP)%/g, (_, key) => parts[key]);

const dist = new URL("dist/", here);
mkdirSync(dist, { recursive: true });
writeFileSync(new URL("index.html", dist), html);
console.log(
  `web/dist/index.html: ${Buffer.byteLength(html)} bytes (module ${wasm.length} bytes, spreadsheet module ${sheetWasm.length} bytes)`,
);
