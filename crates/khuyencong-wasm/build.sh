#!/usr/bin/env bash
# Builds the WebAssembly module and binds it for JavaScript:
#   crates/khuyencong-wasm/npm/wasm/   an ES module: the npm package (browsers, bundlers, Node)
#   target/wasm-web/                   a classic script: the validator page (web/build.mjs)
# Needs the wasm32-unknown-unknown target (`rustup target add wasm32-unknown-unknown`) and
# wasm-bindgen on PATH at the version of the wasm-bindgen crate in Cargo.lock
# (`cargo install --locked wasm-bindgen-cli --version VERSION`); .ci/run installs both.
set -euo pipefail
cd "$(dirname "$0")/../.."

want="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print }' Cargo.lock)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')" || true
if [ "$have" != "$want" ]; then
    echo "error: wasm-bindgen $want is needed (found ${have:-none}): cargo install --locked wasm-bindgen-cli --version $want" >&2
    exit 1
fi

# Two modules in one build: the library (khuyencong_wasm) and the spreadsheet reader
# (khuyencong_wasm_sheet, crates/khuyencong-wasm-sheet), which pages load only when a
# spreadsheet is given.
cargo build --locked -p khuyencong-wasm -p khuyencong-wasm-sheet --target wasm32-unknown-unknown --profile wasm-release
out=target/wasm32-unknown-unknown/wasm-release
# The name section (function names, for debuggers) is a fifth of the module: left out.
flags=(--no-typescript --remove-name-section --remove-producers-section)
rm -rf crates/khuyencong-wasm/npm/wasm target/wasm-web
wasm-bindgen --target web "${flags[@]}" --out-dir crates/khuyencong-wasm/npm/wasm "$out/khuyencong_wasm.wasm"
wasm-bindgen --target web "${flags[@]}" --out-dir crates/khuyencong-wasm/npm/wasm "$out/khuyencong_wasm_sheet.wasm"
wasm-bindgen --target no-modules "${flags[@]}" --out-dir target/wasm-web "$out/khuyencong_wasm.wasm"
# Its own global name, beside the library's `wasm_bindgen` on the page.
wasm-bindgen --target no-modules --no-modules-global khuyencong_sheet "${flags[@]}" \
    --out-dir target/wasm-web "$out/khuyencong_wasm_sheet.wasm"
for name in khuyencong_wasm khuyencong_wasm_sheet; do
    size="$(wc -c < "crates/khuyencong-wasm/npm/wasm/${name}_bg.wasm")"
    gz="$(gzip -9c "crates/khuyencong-wasm/npm/wasm/${name}_bg.wasm" | wc -c)"
    echo "${name}_bg.wasm: $size bytes ($gz gzipped)"
done
