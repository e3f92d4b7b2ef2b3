// khuyencong for browsers and bundlers: the law's checks compiled to WebAssembly.
// Call `await init()` once, then use the functions; in Node the package entry (node.js)
// initialises itself. The API is documented in docs/web.md and index.d.ts.

import initModule, * as wasm from "./wasm/khuyencong_wasm.js";
import { KhuyencongError, ValidationError } from "./errors.js";

export { KhuyencongError, ValidationError };

let ready = null;
let initialised = false;

function done() {
  wasm.__setErrorClasses(KhuyencongError, ValidationError);
  initialised = true;
}

/**
 * Loads the WebAssembly module: from next to this file by default (a URL that bundlers
 * resolve), or from what is given — a URL, a Response, the bytes, or a
 * WebAssembly.Module. Resolves once; later calls return the same promise.
 */
export function init(source) {
  if (ready === null) {
    const arg = source === undefined ? undefined : { module_or_path: source };
    ready = initModule(arg).then(done);
  }
  return ready;
}

/** Loads the WebAssembly module synchronously from its bytes or a WebAssembly.Module. */
export function initSync(source) {
  if (!initialised) {
    wasm.initSync({ module: source });
    done();
    ready = Promise.resolve();
  }
}

function guard(name, f) {
  const wrapped = (...args) => {
    if (!initialised) {
      throw new Error(`khuyencong: call \`await init()\` before ${name}()`);
    }
    return f(...args);
  };
  Object.defineProperty(wrapped, "name", { value: name });
  return wrapped;
}

export const check = guard("check", (doc, options) => wasm.check(doc, options));
export const checkMany = guard("checkMany", (docs, options) => wasm.checkMany(docs, options));
export const totals = guard("totals", (docs, by) => wasm.totals(docs, by));
export const assess = guard("assess", (applicant, activity, asOf) =>
  wasm.assess(applicant, activity, asOf));
export const maxSupport = guard("maxSupport", (activity, eligibleCost, asOf, options) =>
  wasm.maxSupport(activity, eligibleCost, asOf, options));
export const parseVnd = guard("parseVnd", (text) => wasm.parseVnd(text));
export const catalog = guard("catalog", (asOf, lang) => wasm.catalog(asOf, lang));
export const packs = guard("packs", () => wasm.packs());
export const jsonSchema = guard("jsonSchema", (kind) => wasm.jsonSchema(kind));
export const explain = guard("explain", (code) => wasm.explain(code));
export const findingCodes = guard("findingCodes", () => wasm.findingCodes());
export const renderCitation = guard("renderCitation", (citation, lang) =>
  wasm.renderCitation(citation, lang));
export const parseCitation = guard("parseCitation", (text) => wasm.parseCitation(text));
export const regimeAt = guard("regimeAt", (date) => wasm.regimeAt(date));
export const toJson = guard("toJson", (value, indent) => wasm.toJson(value, indent));
export const version = guard("version", () => wasm.version());
