#!/usr/bin/env bash
# Runs every libFuzzer target (docs/robustness.md): builds build-fuzz with clang
# (-DAN_FUZZ=ON), makes the seed corpora (scripts/fuzz-seeds.sh), then runs each target for
# SECONDS (default 60). A crash, leak, timeout or out-of-memory input is copied to
# tests/fuzz-regressions/<target>/ (replayed by ctest from then on) and the script exits 1.
#
# Usage: scripts/fuzz.sh [--ctest] [SECONDS]
#   --ctest        exit 77 (ctest's "skipped") when clang or its fuzzer runtime is missing
# Environment:
#   FUZZ_JOBS=N        targets run N at a time (default 1)
#   FUZZ_TARGETS="a b" only these targets (names as in fuzz/targets.c, e.g. read_text)
#   FUZZ_BUILD=DIR     build directory (default build-fuzz)
#   FUZZ_NO_BUILD=1    use the targets already built
# Per target: build-fuzz/corpus/<t>/ grows across runs (not with --ctest), build-fuzz/logs/<t>.log has
# libFuzzer's output, build-fuzz/fuzz-summary.tsv one line per target of the last run.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root" || exit 1

ctest_mode=0
if [ "${1:-}" = "--ctest" ]; then
  ctest_mode=1
  shift
fi
seconds="${1:-60}"
case "$seconds" in ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a number, got \"$seconds\"" >&2; exit 2;; esac
jobs="${FUZZ_JOBS:-1}"
build="${FUZZ_BUILD:-build-fuzz}"
case "$build" in /*) ;; *) build="$root/$build";; esac

unavailable() {
  if [ "$ctest_mode" = 1 ]; then echo "fuzz.sh: $1; skipping the fuzz run" >&2; exit 77; fi
  echo "fuzz.sh: $1" >&2
  echo "fuzz.sh: install clang and libclang-rt-14-dev (scripts/install-deps.sh)" >&2
  exit 1
}

# ---- can we build fuzzers at all?
command -v clang >/dev/null 2>&1 || unavailable "clang not found"
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\n%s\n' \
  'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }' \
  >"$probe/p.c"
clang -fsanitize=fuzzer,address,undefined "$probe/p.c" -o "$probe/p" >/dev/null 2>&1 ||
  unavailable "clang cannot link -fsanitize=fuzzer (libclang-rt-14-dev missing?)"

# ---- build
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  echo "fuzz.sh: building $build" >&2
  cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DAN_FUZZ=ON \
        -DAN_BUILD_TESTS=OFF >"$probe/cmake.log" 2>&1 ||
    { cat "$probe/cmake.log" >&2; echo "fuzz.sh: cmake failed" >&2; exit 1; }
  cmake --build "$build" --target fuzz_targets -j "$(nproc 2>/dev/null || echo 2)" \
        >"$probe/build.log" 2>&1 ||
    { tail -n 40 "$probe/build.log" >&2; echo "fuzz.sh: build failed" >&2; exit 1; }
fi

# ---- seeds
scripts/fuzz-seeds.sh "$build/seeds" >"$probe/seeds.log" 2>&1 ||
  { cat "$probe/seeds.log" >&2; echo "fuzz.sh: making seeds failed" >&2; exit 1; }

all_targets=$(cd "$build/fuzz" && ls fuzz_* 2>/dev/null | sed 's/^fuzz_//' | sort)
[ -n "$all_targets" ] || { echo "fuzz.sh: no targets in $build/fuzz" >&2; exit 1; }
targets="${FUZZ_TARGETS:-$all_targets}"

# Longest input per target: a few records, a dictionary chunk, a sentence or a short story.
max_len() {
  case "$1" in
    read_*) echo 16384;;
    dict_*) echo 8192;;
    code_*) echo 4096;;
    *) echo 4096;;
  esac
}

mkdir -p "$build/logs" "$build/corpus" "$build/artifacts"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:symbolize=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

run_one() {
  local t="$1" exe="$build/fuzz/fuzz_$1"
  local corpus="$build/corpus/$t" art="$build/artifacts/$t" log="$build/logs/$t.log"
  [ -x "$exe" ] || { echo "fuzz.sh: no target $t" >&2; return 1; }
  if [ "$ctest_mode" = 1 ]; then
    # A short run starts from the seeds alone: replaying a corpus grown by long runs would
    # take longer than the run itself.
    corpus="$build/ctest-corpus/$t"
    rm -rf "$corpus"
  fi
  mkdir -p "$corpus"
  rm -rf "$art"
  mkdir -p "$art"
  "$exe" -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 \
         -rss_limit_mb=2048 -detect_leaks=1 -print_final_stats=1 \
         -artifact_prefix="$art/" "$corpus" "$build/seeds/$t" >"$log" 2>&1
  local rc=$?
  local found=0 f
  for f in "$art"/crash-* "$art"/leak-* "$art"/timeout-* "$art"/oom-*; do
    [ -e "$f" ] || continue
    found=1
    mkdir -p "tests/fuzz-regressions/$t"
    cp "$f" "tests/fuzz-regressions/$t/"
    echo "fuzz.sh: $t: saved tests/fuzz-regressions/$t/$(basename "$f")" >&2
  done
  local stats runs cov ft
  stats=$(grep -E '^#[0-9]+' "$log" | grep 'cov:' | tail -n 1)
  runs=$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$log" | grep -Eo '[0-9]+$')
  cov=$(printf '%s' "$stats" | grep -Eo 'cov: [0-9]+' | grep -Eo '[0-9]+')
  ft=$(printf '%s' "$stats" | grep -Eo 'ft: [0-9]+' | grep -Eo '[0-9]+')
  local status=ok
  if [ "$rc" != 0 ] || [ "$found" = 1 ]; then status=FAILED; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$seconds" "${runs:-?}" "${cov:-?}" "${ft:-?}" \
    "$status" >"$build/logs/$t.summary"
  if [ "$status" != ok ]; then
    echo "fuzz.sh: $t FAILED (exit $rc); last lines of $log:" >&2
    grep -E 'ERROR|SUMMARY|invariant|Test unit written|==[0-9]+==' "$log" | head -n 20 >&2
    return 1
  fi
  return 0
}

echo "fuzz.sh: $(echo $targets | wc -w) target(s), ${seconds}s each, $jobs at a time" >&2
rm -f "$build"/logs/*.summary
failed=0
running=0
for t in $targets; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
  run_one "$t" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done

summary="$build/fuzz-summary.tsv"
{
  printf 'target\tseconds\texecutions\tcov\tft\tstatus\n'
  for t in $targets; do cat "$build/logs/$t.summary" 2>/dev/null || printf '%s\t%s\t?\t?\t?\tFAILED\n' "$t" "$seconds"; done
} >"$summary"
column -t -s "$(printf '\t')" "$summary" 2>/dev/null || cat "$summary"
if [ "$failed" != 0 ] || grep -q 'FAILED' "$summary"; then
  echo "fuzz.sh: failures; inputs saved under tests/fuzz-regressions/ (replay: build/tests/fuzz_replay tests/fuzz-regressions TARGET)" >&2
  exit 1
fi
echo "fuzz.sh: no crashes" >&2
exit 0
