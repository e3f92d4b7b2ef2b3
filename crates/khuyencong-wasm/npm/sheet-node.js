// khuyencong/sheet for Node: the same API as sheet.js, initialised on import from the
// module file next to this one.

import { readFileSync } from "node:fs";
import { initSync } from "./sheet.js";

initSync(readFileSync(new URL("./wasm/khuyencong_wasm_sheet_bg.wasm", import.meta.url)));

export * from "./sheet.js";
