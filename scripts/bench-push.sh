#!/usr/bin/env bash
# Push throughput against a bare loader, in the same run on the same node:
# `newsdex push` of an export, and the same request bodies POSTed by curl to
# Quickwit's ingest API (commit=auto, a 503 retried after 1 s) into an index
# made from the same config. Each is timed until every article is searchable
# (the count equals the export's), which is what `push` waits for. Quickwit's
# own loader, `quickwit index ingest`, is tried once on the concatenated
# NDJSON and its outcome printed (on 0.9 with ingest v2 it stops at the
# first 503 "no shards available", which it does not retry).
#
#   scripts/bench-push.sh NEWSDEX_BIN INDEX_DIR QUICKWIT_BIN URL [ROUNDS]
#
# URL is a running node (see ../shared/engines/README.md), e.g.
# http://127.0.0.1:7280. Rounds alternate the two loaders; the medians and
# their ratio are printed at the end.
set -euo pipefail
newsdex=$1 index=$2 quickwit=$3 url=$4 rounds=${5:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$newsdex" --index "$index" export --target quickwit --out "$work/export" >/dev/null
documents=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['documents'])" "$work/export/manifest.json")
cat "$work/export"/docs/*.ndjson > "$work/all.ndjson"
megabytes=$(du -m "$work/all.ndjson" | cut -f1)
echo "export: $documents articles, $megabytes MB of NDJSON"

count() {
    curl -s "$url/api/v1/$1/search?query=*&max_hits=0" |
        python3 -c "import json,sys; print(json.load(sys.stdin).get('num_hits', -1))"
}
wait_for() { # index → seconds until the count is the export's
    local started=$1 name=$2
    until [ "$(count "$name")" = "$documents" ]; do sleep 0.2; done
    python3 -c "import time,sys; print(f'{time.time()-float(sys.argv[1]):.1f}')" "$started"
}
now() { python3 -c "import time; print(time.time())"; }

results=()
for round in $(seq 1 "$rounds"); do
    name="bench-newsdex-$round-$$"
    started=$(now)
    "$newsdex" --index "$index" push --remote "quickwit:$url/$name" --export "$work/export" >/dev/null 2>&1
    newsdex_seconds=$(wait_for "$started" "$name")

    name_qw="bench-curl-$round-$$"
    sed "s/^index_id: .*/index_id: $name_qw/" "$work/export/index-config.yaml" > "$work/config.yaml"
    curl -s -XPOST "$url/api/v1/indexes" -H 'content-type: application/yaml' \
        --data-binary @"$work/config.yaml" >/dev/null
    started=$(now)
    for body in "$work/export"/docs/*.ndjson; do
        until [ "$(curl -s -o /dev/null -w '%{http_code}' -XPOST \
            "$url/api/v1/$name_qw/ingest?commit=auto" \
            -H 'content-type: application/x-ndjson' --data-binary @"$body")" = 200 ]; do
            sleep 1
        done
    done
    returned=$(python3 -c "import time,sys; print(f'{time.time()-float(sys.argv[1]):.1f}')" "$started")
    curl_seconds=$(wait_for "$started" "$name_qw")
    echo "round $round: newsdex push ${newsdex_seconds} s · curl ${curl_seconds} s (its last body accepted after ${returned} s)"
    results+=("$newsdex_seconds $curl_seconds")
    curl -s -XDELETE "$url/api/v1/indexes/$name" >/dev/null
    curl -s -XDELETE "$url/api/v1/indexes/$name_qw" >/dev/null
done
name_cli="bench-cli-$$"
sed "s/^index_id: .*/index_id: $name_cli/" "$work/export/index-config.yaml" > "$work/config.yaml"
curl -s -XPOST "$url/api/v1/indexes" -H 'content-type: application/yaml' \
    --data-binary @"$work/config.yaml" >/dev/null
sleep 5
if "$quickwit" index ingest --endpoint "$url" --index "$name_cli" \
    --input-path "$work/all.ndjson" >"$work/cli.log" 2>&1; then
    echo "quickwit index ingest: finished"
else
    echo "quickwit index ingest: failed after $(count "$name_cli") searchable articles:" \
        "$(grep -o 'message=[^)]*' "$work/cli.log" | head -1)"
fi
curl -s -XDELETE "$url/api/v1/indexes/$name_cli" >/dev/null
printf '%s\n' "${results[@]}" | python3 -c "
import statistics, sys
rows = [tuple(map(float, l.split())) for l in sys.stdin if l.strip()]
n = statistics.median(r[0] for r in rows)
q = statistics.median(r[1] for r in rows)
d = $documents
print(f'median until searchable: newsdex push {n:.1f} s ({d/n:,.0f} articles/s), '
      f'curl {q:.1f} s ({d/q:,.0f} articles/s); push takes {n/q:.2f}x the time')
"
