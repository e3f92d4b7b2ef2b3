#!/usr/bin/env bash
# The whole test suite: formatting, lints, docs, Rust tests, then the Python package
# (built from this tree into .venv) with its tests and type-stub check.
# Works on a fresh machine: everything it needs is installed here.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo doc"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
echo "== cargo test"
cargo test --workspace --locked

echo "== python package"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "error: the Python package needs Python 3.11 or newer; set PYTHON to one" >&2
    exit 1
fi
if ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    rm -rf .venv
    "$python" -m venv .venv
fi
# maturin builds the wheel with cargo (--locked, see pyproject.toml) in the same target
# directory as above; the dev profile reuses the dependencies `cargo test` just built and
# keeps overflow checks on. Set MATURIN_PEP517_ARGS to build otherwise.
export MATURIN_PEP517_ARGS="${MATURIN_PEP517_ARGS---profile dev}"
# The test extra brings pytest, mypy, jsonschema, pandas, polars, matplotlib and a Jupyter
# kernel for the notebook test (about 30 s from a fresh virtual environment).
start=$SECONDS
.venv/bin/pip install --quiet --disable-pip-version-check ".[test]"
echo "built and installed in $((SECONDS - start)) s"

echo "== pytest"
status=0
# Every test must run here: a skip (a missing optional library, say) is a failure.
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
.venv/bin/python -m pytest -q -rs --junitxml="$report" || status=$?
if [ "$status" -eq 5 ]; then
    echo "error: pytest collected no tests" >&2
    exit 1
fi
if [ "$status" -ne 0 ]; then
    exit "$status"
fi
if grep -q '<skipped' "$report"; then
    echo "error: some tests were skipped; every test must run" >&2
    exit 1
fi
echo "== mypy stubtest"
.venv/bin/python -m mypy.stubtest khuyencong
.venv/bin/python -m mypy --strict python/tests
