#!/usr/bin/env bash
# Benchmarks (not run in CI): check vs typed-parse throughput, totals, CLI start-up, and the
# peak memory of streaming JSON Lines. Prints Markdown tables for docs/benchmarks.md.
#
#   scripts/bench.sh            # everything (1 k and 100 k documents for memory)
#   BENCH_RSS_SIZES="1000 100000 1000000" scripts/bench.sh   # larger memory runs
#   BENCH_ONLY=criterion scripts/bench.sh                     # one part: criterion|startup|rss|python
#
# The python part builds the package in release mode into a virtual environment
# ($BENCH_VENV, default $CARGO_TARGET_DIR/venv-bench) with the competitors of the `bench`
# extra, generates 1 000 and 10 000 documents (valid, and 10 % invalid) and 1 000 large
# documents (`gen_corpus --large`: 50–80 beneficiaries per scheme, 100–150 result lines per
# report, long notes; valid, and 10 % invalid), and runs benches/python/bench_check_many.py
# on them (BENCH_PYTHON_REPEAT timed runs, default 5; BENCH_PYTHON_ONLY picks readers, e.g.
# "khuyencong,jsonschema_rs+orjson,pydantic,orjson"; BENCH_PYTHON_CLOCK=cpu times the CPU of
# the process instead of the wall clock, for a loaded machine). The corpora are written to $BENCH_WORK
# (default: a temporary directory, removed at the end). It is not part of "all": it takes
# minutes, mostly in the pure-Python jsonschema.
#
# Uses CARGO_TARGET_DIR if set (default: target). hyperfine is used for start-up time when
# installed (Debian: apt-get install hyperfine); otherwise a timed loop of 200 runs.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
only="${BENCH_ONLY:-all}"
if [ -n "${BENCH_WORK:-}" ]; then
    work="$BENCH_WORK"
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi

echo "## Machine"
echo
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "- cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
echo "- memory: $(free -h | awk '/^Mem:/ {print $2}')"
echo "- $(rustc -V)"
echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo

cargo build --release --locked -q -p khuyencong-cli -p khuyencong --example gen_corpus
bin="$target/release/khuyencong"
gen="$target/release/examples/gen_corpus"

if [ "$only" = all ] || [ "$only" = criterion ]; then
    cargo bench --locked -q -p khuyencong --bench check -- --warm-up-time 2 --measurement-time 5 >&2
    echo "## check and totals (criterion, 1 000 generated documents per iteration)"
    echo
    python3 - "$target/criterion" <<'PY'
import json, sys, os
root = sys.argv[1]
def est(group, name):
    with open(os.path.join(root, group, name, "new", "estimates.json")) as f:
        return json.load(f)["mean"]["point_estimate"] / 1e9  # seconds
def size(group, name):
    with open(os.path.join(root, group, name, "new", "benchmark.json")) as f:
        t = json.load(f)["throughput"]
    return t.get("Bytes") or t.get("Elements")
print("| corpus | reader | time per 1 000 docs | documents/s | MB/s | vs typed parse |")
print("|---|---|---:|---:|---:|---:|")
for corpus in ("valid", "mixed_10pct_invalid"):
    g = f"documents_1k_{corpus}"
    limit = est(g, "serde_json_typed_parse")
    for name in ("serde_json_typed_parse", "serde_json_typed_parse_utf8_once", "parse", "check_bytes"):
        t = est(g, name)
        print(f"| {corpus} | `{name}` | {t*1e3:.2f} ms | {1000/t:,.0f} | {size(g, name)/t/1e6:.1f} | {limit/t:.0%} |")
print()
print("| totals over 1 000 valid documents | time | documents/s |")
print("|---|---:|---:|")
for name in ("grand_total", "by_province_activity"):
    t = est("totals_1k", name)
    print(f"| `{name}` | {t*1e6:.0f} µs | {size('totals_1k', name)/t:,.0f} |")
print()
PY
fi

if [ "$only" = all ] || [ "$only" = startup ]; then
    echo "## CLI start-up: \`khuyencong check docs/examples/scheme-quang-nam-2022.json\`"
    echo
    file=docs/examples/scheme-quang-nam-2022.json
    if command -v hyperfine >/dev/null; then
        hyperfine -N --warmup 20 --runs 300 --export-markdown "$work/startup.md" \
            "$bin check $file" "$bin --version" >&2
        echo "(hyperfine)"
        echo
        cat "$work/startup.md"
    else
        echo "(timed loop of 200 runs; hyperfine not installed)"
        python3 - "$bin" "$file" <<'PY'
import subprocess, sys, time
runs = 200
start = time.perf_counter()
for _ in range(runs):
    subprocess.run([sys.argv[1], "check", sys.argv[2]], stdout=subprocess.DEVNULL, check=True)
print(f"mean {(time.perf_counter() - start) / runs * 1e3:.2f} ms per run")
PY
    fi
    echo
fi

if [ "$only" = all ] || [ "$only" = rss ]; then
    echo "## Streaming JSON Lines: \`khuyencong check --jsonl --format jsonl FILE > /dev/null\`"
    echo
    echo "| documents | input | wall time | documents/s | MB/s | peak RSS |"
    echo "|---:|---:|---:|---:|---:|---:|"
    for n in ${BENCH_RSS_SIZES:-1000 100000}; do
        f="$work/corpus-$n.jsonl"
        [ -f "$f" ] || "$gen" "$n" --seed 1 --invalid 10 -o "$f"
        bytes=$(stat -c %s "$f")
        /usr/bin/time -f "%e %M" -o "$work/time" "$bin" check --jsonl --format jsonl "$f" >/dev/null || true
        read -r secs kb < <(tail -n 1 "$work/time")
        python3 -c "import sys; n,b,s,kb=int(sys.argv[1]),int(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4]); s=max(s,0.01); print(f'| {n:,} | {b/1e6:,.1f} MB | {s:.2f} s | {n/s:,.0f} | {b/s/1e6:.1f} | {kb/1024:.1f} MiB |')" "$n" "$bytes" "$secs" "$kb"
    done
    echo
fi

if [ "$only" = python ]; then
    venv="${BENCH_VENV:-$target/venv-bench}"
    [ -x "$venv/bin/python" ] || "${PYTHON:-python3}" -m venv "$venv"
    # A plain `pip install` builds the release profile (unlike .ci/run, which builds the dev profile).
    env -u MATURIN_PEP517_ARGS "$venv/bin/pip" install --quiet --disable-pip-version-check ".[bench]" >&2
    corpora=()
    for n in 1000 10000; do
        for invalid in 0 10; do
            f="$work/corpus-$n-invalid$invalid.jsonl"
            [ -f "$f" ] || "$gen" "$n" --seed 1 --invalid "$invalid" -o "$f"
            corpora+=("$f")
        done
    done
    for invalid in 0 10; do
        f="$work/corpus-large-1000-invalid$invalid.jsonl"
        [ -f "$f" ] || "$gen" 1000 --seed 1 --invalid "$invalid" --large -o "$f"
        corpora+=("$f")
    done
    "$venv/bin/python" benches/python/bench_check_many.py --repeat "${BENCH_PYTHON_REPEAT:-5}" \
        ${BENCH_PYTHON_ONLY:+--only "$BENCH_PYTHON_ONLY"} --clock "${BENCH_PYTHON_CLOCK:-wall}" \
        "${corpora[@]}"
fi
