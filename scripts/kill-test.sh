#!/usr/bin/env bash
# Kills `newsdex index` with SIGKILL at chosen moments of a real run, reruns
# it, and compares what a user reads (total; top 100 speakers, places,
# countries, sources) with a clean run's. Timing-based on purpose: the
# suite (tests/reliability.rs) injects faults at named phases; this script
# checks the same promise against a real kill at moments chance picks.
#
#   scripts/kill-test.sh NEWSDEX_BINARY ROUNDS FOLDER...
set -euo pipefail
bin=$1; rounds=$2; shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

answers() {
    for field in speaker place country source; do
        "$bin" --json --index "$1" facets "$field" --limit 100
    done
    "$bin" --json --index "$1" search '*' --limit 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'
}

start=$(date +%s.%N)
"$bin" --index "$work/clean" index "$@" >/dev/null 2>&1 || [ $? -eq 3 ]
clean_seconds=$(python3 -c "import time; print(round(time.time() - $start, 2))")
answers "$work/clean" >"$work/clean.answers"
echo "clean run: ${clean_seconds} s, $(tail -1 "$work/clean.answers") articles"

same=0
for round in $(seq 1 "$rounds"); do
    index="$work/run$round"
    "$bin" --index "$index" index "$@" >/dev/null 2>&1 &
    pid=$!
    if [ $((round % 2)) -eq 1 ]; then
        # Odd rounds: moments spread over the whole run.
        delay=$(python3 -c "print(round($clean_seconds * ($round - 0.5) / $rounds, 2))")
        sleep "$delay"
        moment="at ${delay} s"
    else
        # Even rounds: after the commit of what was read (the issue's
        # reproduction), spread over the name pass and the ordinals.
        while ! grep -qs '"segment_id"' "$index/meta.json" && kill -0 "$pid" 2>/dev/null; do
            sleep 0.02
        done
        delay=$(python3 -c "print(round(0.1 * ($round - 2), 2))")
        sleep "$delay"
        moment="${delay} s after the first commit"
    fi
    kill -9 "$pid" 2>/dev/null && killed=killed || killed="finished first"
    wait "$pid" 2>/dev/null || true
    phase=$(python3 - "$index" <<'PY'
import json, sys
try:
    meta = json.load(open(sys.argv[1] + "/meta.json"))
    payload = meta.get("payload")
    docs = sum(s["max_doc"] - (s.get("deletes") or {}).get("num_deleted_docs", 0) for s in meta["segments"])
    state = "no commit" if payload is None else ("finished" if json.loads(payload).get("finished") else "unfinished")
    print(f"{docs} committed, {state}")
except Exception as e:
    print("no index yet")
PY
)
    rerun=$("$bin" --index "$index" index "$@" 2>&1 | grep -v "skipped" | cut -c1-110 | tr "\n" " " || true)
    answers "$index" >"$work/run$round.answers"
    if cmp -s "$work/clean.answers" "$work/run$round.answers"; then
        verdict=SAME; same=$((same + 1))
    else
        verdict=DIFFERENT
    fi
    echo "round $round: kill -9 ${moment} ($killed; ${phase}) → rerun: ${rerun} → $verdict"
done
echo "$same of $rounds rounds gave the clean run's answers"
[ "$same" -eq "$rounds" ]
