#!/usr/bin/env bash
# Load and soak: the Release API on the shipped dataset, driven at saturation by wrk for SOAK_SECONDS (default 60)
# with valid requests mixed with abusive ones (benchmarks/wrk/soak.lua). Reports answers by class (any 5xx is a
# defect), socket errors, latency, and the server's peak resident memory (VmHWM) and memory at the end.
# The rate limiter is lifted (all requests come from one address); every other limit is as shipped.
# Needs wrk (apt-get install wrk) and sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5099}
seconds=${SOAK_SECONDS:-60}
connections=${CONNECTIONS:-64}
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet run --project dataset/Transparency.Dataset -c Release -- build --dataset "${DATASET:-dataset}" --out "$work/transparency.db" >/dev/null
sqlite3 "$work/transparency.db" "SELECT id FROM operations WHERE status = 'active'" > "$work/ids.txt"
dotnet publish api/Transparency.Api -c Release -o "$work/api" --nologo -v q >/dev/null
"$work/api/Transparency.Api" --urls "http://127.0.0.1:$port" --Dataset:Path="$work/transparency.db" \
  --Http:RequestsPerWindow=1000000000 --Logging:LogLevel:Default=Warning >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
export IDS_FILE="$work/ids.txt"

echo "warming up for 15 s..." >&2
wrk -t2 -c"$connections" -d15s -s benchmarks/wrk/soak.lua "http://127.0.0.1:$port" >/dev/null
rss_before=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")

# One query at the node budget, alone on the warm server: 20 aliases (the most allowed) of 40 operations with
# their aliases, 4,800 nodes by the budget's count. Each run uses new alias names, so no cache answers it.
times=()
for run in $(seq 11); do
  selections=""
  for i in $(seq 20); do selections="$selections r${run}a$i: operations(first: 40) { edges { node { id name summary aliases { name } } } }"; done
  times+=("$(curl -s -o "$work/budget.json" -w '%{time_total}' -H 'Content-Type: application/json' \
    --data "{\"query\": \"{ $selections }\"}" "http://127.0.0.1:$port/graphql")")
done
returned=$(grep -o '"id"' "$work/budget.json" | wc -l)
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 6p)
echo "a query at the node budget (4,800 nodes counted, $returned operations returned, $(wc -c < "$work/budget.json") bytes): median of 11 runs ${median} s"

echo "soak: ${seconds} s, $connections connections, 2 threads" >&2
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 15s --latency -s benchmarks/wrk/soak.lua "http://127.0.0.1:$port" | sed -n '/^answers:/,$p'

kill -0 "$server" 2>/dev/null || { echo "the server died during the soak" >&2; cat "$work/server.log" >&2; exit 1; }
curl -sf "http://127.0.0.1:$port/health" >/dev/null && echo "server still answers /health after the soak"
awk -v before="$rss_before" '/VmHWM/ {printf "server peak memory (VmHWM): %.0f MB; ", $2 / 1024} /VmRSS/ {printf "at the end: %.0f MB (after warm-up: %.0f MB)\n", $2 / 1024, before / 1024}' "/proc/$server/status"
errors=$(grep -c -E '^\s*(fail|crit)' "$work/server.log" || true)
echo "server log: $errors error entries"
