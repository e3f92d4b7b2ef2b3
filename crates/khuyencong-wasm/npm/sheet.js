// khuyencong/sheet for browsers and bundlers: filled spreadsheet templates (.xlsx, .xlsm,
// .csv, .tsv) read and checked as `khuyencong check FILE.xlsx` does, each finding with its
// cell. A WebAssembly module of its own (khuyencong_wasm_sheet), so that pages that never
// read a spreadsheet do not load it. Call `await init()` once; in Node the package entry
// (sheet-node.js) initialises itself. See docs/web.md and sheet.d.ts.

import initModule, * as wasm from "./wasm/khuyencong_wasm_sheet.js";

let ready = null;
let initialised = false;

/**
 * Loads the spreadsheet module: from next to this file by default (a URL that bundlers
 * resolve), or from what is given — a URL, a Response, the bytes, or a WebAssembly.Module.
 */
export function init(source) {
  if (ready === null) {
    const arg = source === undefined ? undefined : { module_or_path: source };
    ready = initModule(arg).then(() => {
      initialised = true;
    });
  }
  return ready;
}

/** Loads the spreadsheet module synchronously from its bytes or a WebAssembly.Module. */
export function initSync(source) {
  if (!initialised) {
    wasm.initSync({ module: source });
    initialised = true;
    ready = Promise.resolve();
  }
}

function guard(name, f) {
  const wrapped = (...args) => {
    if (!initialised) {
      throw new Error(`khuyencong/sheet: call \`await init()\` before ${name}()`);
    }
    return f(...args);
  };
  Object.defineProperty(wrapped, "name", { value: name });
  return wrapped;
}

export const readSpreadsheet = guard("readSpreadsheet", (bytes, name) =>
  wasm.readSpreadsheet(bytes, name));
export const version = guard("version", () => wasm.version());
