#!/usr/bin/env bash
# Benchmarks the API on the shipped dataset with wrk: each endpoint's requests per second as a ratio to the
# static /health endpoint of the same server in the same run, after a warm-up, repeated until two runs agree
# within 5%. Prints Markdown rows for docs/performance.md. Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5099}
seconds=${SECONDS_PER_RUN:-15}
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet run --project dataset/Transparency.Dataset -c Release -- build --dataset "${DATASET:-dataset}" --out "$work/transparency.db" >/dev/null
sqlite3 "$work/transparency.db" "SELECT id FROM operations WHERE status = 'active'" > "$work/ids.txt"
dotnet publish api/Transparency.Api -c Release -o "$work/api" --nologo -v q >/dev/null
"$work/api/Transparency.Api" --urls "http://127.0.0.1:$port" --Dataset:Path="$work/transparency.db" \
  --Http:RequestsPerWindow=1000000000 --Logging:LogLevel:Default=Warning >/dev/null 2>&1 &
server=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done

export IDS_FILE="$work/ids.txt"
base="http://127.0.0.1:$port"
run() { # name script path -> "rps p99"
  local out
  if [ -n "$2" ]; then out=$(wrk -t1 -c16 -d"${seconds}s" --latency -s "benchmarks/wrk/$2" "$base$3"); else out=$(wrk -t1 -c16 -d"${seconds}s" --latency "$base$3"); fi
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "99%" {print $2}')"
}

echo "warming up (JIT, caches)..." >&2
for _ in 1 2; do run warm "" /health >/dev/null; run warm operation-by-id.lua /v1/operations/x >/dev/null; run warm filtered-list.lua /v1/operations >/dev/null; run warm graphql-50.lua /graphql >/dev/null; done

previous=""
for attempt in 1 2 3 4; do
  read -r static_rps static_p99 < <(run static "" /health)
  read -r id_rps id_p99 < <(run id operation-by-id.lua /v1/operations/x)
  read -r list_rps list_p99 < <(run list filtered-list.lua /v1/operations)
  read -r gql_rps gql_p99 < <(run graphql graphql-50.lua /graphql)
  gql_ratio=$(echo "scale=3; $gql_rps / $static_rps" | bc)
  id_ratio=$(echo "scale=3; $id_rps / $static_rps" | bc)
  list_ratio=$(echo "scale=3; $list_rps / $static_rps" | bc)
  current="$id_ratio $list_ratio"
  echo "run $attempt: graphql 50 operations $gql_rps rps ($gql_ratio)" >&2
  echo "run $attempt: static $static_rps rps; by id $id_rps rps ($id_ratio); filtered list $list_rps rps ($list_ratio)" >&2
  if [ -n "$previous" ]; then
    read -r prev_id prev_list <<<"$previous"
    agree=$(echo "d1 = ($id_ratio - $prev_id) / $prev_id; d2 = ($list_ratio - $prev_list) / $prev_list; if (d1 < 0) d1 = -d1; if (d2 < 0) d2 = -d2; (d1 <= 0.05) && (d2 <= 0.05)" | bc -l)
    [ "$agree" = "1" ] && break
  fi
  previous="$current"
done

day=$(date -u +%Y-%m-%d)
echo "| $day | \`GET /health\` (static bytes) | $static_rps | 1.00 | $static_p99 |"
echo "| $day | \`GET /v1/operations/{id}\`, random ids | $id_rps | $id_ratio | $id_p99 |"
echo "| $day | \`GET /v1/operations?limit=50&…\`, varied filters and sorts | $list_rps | $list_ratio | $list_p99 |"
echo "| $day | \`POST /graphql\`, 50 operations with attributions, actors and disclosures, varied filters | $gql_rps | $gql_ratio | $gql_p99 |"
