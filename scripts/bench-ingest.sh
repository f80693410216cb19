#!/usr/bin/env bash
# bench-ingest.sh: how fast `newsdex index` ingests a corpus, and at what cost.
#
# Builds the release binary, then for one corpus folder measures:
#   - 3 full ingests, each into a fresh temporary index:
#       wall seconds (from /usr/bin/time), MB/s (bytes_read / seconds from the
#       JSON summary; MB = 10^6 bytes), peak RSS (Maximum resident set size),
#       and index size on disk (du -sb);
#   - 1 incremental re-run over the last index with nothing changed (wall s);
#   - a baseline: wall time of `cat` over the same files to /dev/null, so the
#     ingest figures can be read as a ratio to just reading the bytes.
# The corpus is read once before timing, so every figure is warm-cache.
#
# Usage: scripts/bench-ingest.sh [CORPUS]   (default: ../shared/corpora/bbc)
#
# Needs GNU time at /usr/bin/time (the shell builtin has no -v). On Debian or
# Ubuntu install it with: apt-get install -y time
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-../shared/corpora/bbc}"
runs=3

if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -v true >/dev/null 2>&1; then
    echo "error: GNU time not found at /usr/bin/time; install it with: apt-get install -y time" >&2
    exit 1
fi
if [[ ! -d "$corpus" ]]; then
    echo "error: corpus folder not found: $corpus" >&2
    exit 1
fi
corpus="$(cd "$corpus" && pwd)"

cd "$repo"
echo "building release..." >&2
cargo build --release --quiet
bin="$repo/target/release/newsdex"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# newsdex reads *.txt, extension compared without regard to case.
list_files() { find "$corpus" -type f -iname '*.txt' -print0; }

now() { date +%s.%N; }

# Elapsed "h:mm:ss" or "m:ss.ss" from `time -v`, in seconds.
wall_of() {
    sed -n 's/^\s*Elapsed (wall clock) time.*: //p' "$1" |
        awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'
}
rss_mb_of() {
    sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$1" |
        awk '{ printf "%.1f", $1 * 1024 / 1e6 }'
}
json_field() { sed -n "s/.*\"$2\":\([0-9.eE+-]*\).*/\1/p" "$1"; }

# One timed `newsdex index`; prints its JSON to $work/out.json, time to $work/time.txt.
timed_index() {
    local index="$1" rc=0
    /usr/bin/time -v -o "$work/time.txt" \
        "$bin" --index "$index" index "$corpus" --json >"$work/out.json" || rc=$?
    if [[ $rc -ne 0 && $rc -ne 3 ]]; then
        echo "error: newsdex index exited with status $rc" >&2
        cat "$work/time.txt" >&2
        exit 1
    fi
    if [[ $rc -eq 3 ]]; then
        echo "warning: some files failed: $(json_field "$work/out.json" failed)" >&2
    fi
}

files=$(list_files | tr -cd '\0' | wc -c)
bytes=$(list_files | xargs -0 cat | wc -c)
echo "corpus: $corpus ($files files, $(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB)"
echo "binary: $bin"
echo "cpus:   $(nproc)"

# Warm the page cache so every measurement below reads from memory.
list_files | xargs -0 cat >/dev/null

echo
echo "baseline: cat over the corpus files"
for i in $(seq 1 "$runs"); do
    start=$(now)
    list_files | xargs -0 cat >/dev/null
    end=$(now)
    awk -v s="$start" -v e="$end" -v i="$i" 'BEGIN { printf "  cat run %d: %.3f s\n", i, e - s }'
done

echo
echo "full ingest, fresh index each run"
printf "  %-4s %8s %9s %8s %9s %13s %14s\n" run wall_s lib_s MB/s docs peak_RSS_MB index_MB
for i in $(seq 1 "$runs"); do
    index="$work/index-$i"
    timed_index "$index"
    read_b=$(json_field "$work/out.json" bytes_read)
    lib_s=$(json_field "$work/out.json" seconds)
    docs=$(json_field "$work/out.json" documents)
    size=$(du -sb "$index" | cut -f1)
    awk -v i="$i" -v w="$(wall_of "$work/time.txt")" -v s="$lib_s" -v b="$read_b" \
        -v d="$docs" -v r="$(rss_mb_of "$work/time.txt")" -v z="$size" \
        'BEGIN { printf "  %-4d %8.2f %9.3f %8.2f %9d %13.1f %14.2f\n", i, w, s, b / 1e6 / s, d, r, z / 1e6 }'
    if [[ $i -lt $runs ]]; then rm -rf "$index"; fi
done

echo
echo "incremental re-run, nothing changed (index of run $runs)"
timed_index "$work/index-$runs"
echo "  wall $(wall_of "$work/time.txt") s, library $(json_field "$work/out.json" seconds) s," \
    "unchanged $(json_field "$work/out.json" unchanged), added $(json_field "$work/out.json" added)," \
    "bytes_read $(json_field "$work/out.json" bytes_read), peak RSS $(rss_mb_of "$work/time.txt") MB"
