#!/usr/bin/env bash
# The screenshots of docs/spreadsheets.md (committed images; CI does not run this): the
# scheme template, and the officer's workbook of tests/sheets checked with --xlsx.
# Needs LibreOffice Calc and poppler (Debian: apt-get install libreoffice-calc poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --locked -p khuyencong-cli
bin="${CARGO_TARGET_DIR:-target}/debug/khuyencong"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" template scheme -o "$work/template.xlsx"
"$bin" check tests/sheets/scheme-officer.xlsx --xlsx "$work/checked.xlsx" > /dev/null || true
# One page per sheet, each as large as the sheet's cells.
export='pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}'
for f in template checked; do
    soffice --headless --convert-to "$export" --outdir "$work" "$work/$f.xlsx" > /dev/null 2>&1
done
mkdir -p docs/images
# shot PDF PAGE WIDTH_PX NAME: the top-left of a page at 96 dpi, its full height.
shot() {
    local height
    height=$(pdfinfo -f "$2" -l "$2" "$1" | awk '/size:/ {print int($6 * 96 / 72) + 1; exit}')
    pdftoppm -png -r 96 -f "$2" -l "$2" -x 0 -y 0 -W "$3" -H "$height" -singlefile "$1" "docs/images/$4"
}
shot "$work/template.pdf" 1 1800 template-scheme
shot "$work/checked.pdf" 1 2300 checked-results
shot "$work/checked.pdf" 3 1400 checked-sheet
ls -l docs/images
