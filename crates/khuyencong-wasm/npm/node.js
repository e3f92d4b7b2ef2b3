// khuyencong for Node: the same API as index.js, initialised on import from the module
// file next to this one (no `await init()` needed; it resolves at once).

import { readFileSync } from "node:fs";
import { initSync } from "./index.js";

initSync(readFileSync(new URL("./wasm/khuyencong_wasm_bg.wasm", import.meta.url)));

export * from "./index.js";
