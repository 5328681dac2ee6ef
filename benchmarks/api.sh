#!/usr/bin/env bash
# Benchmarks the API with requests no response cache can hold: wrk scripts draw every request at random from
# millions of valid ones (benchmarks/wrk/varied-*.lua). Each figure is a ratio to the static /health endpoint
# of the same server, measured just before and just after it, after a warm-up; rounds repeat until two in a row
# agree within 5%, and the table gives each figure's median over the rounds with its range.
# Reports p99 latency, the server's resident memory after the load and its peak, and how long it took to start.
#
#   bash benchmarks/api.sh                      # the shipped dataset
#   SYNTHETIC=10000 bash benchmarks/api.sh      # a synthetic tree of 10,000 operations (generate-operations.cs)
#   DATASET=<folder> bash benchmarks/api.sh     # another dataset tree
#
# Settings: PORT (5099), SECONDS_PER_RUN (10), WARMUP_SECONDS (60, spread over the scenarios), MAX_ROUNDS (4),
# CONNECTIONS (16), and any extra server arguments in API_ARGS (e.g. "--Http:ResponseCacheBytes=0").
# Needs the .NET SDK, sqlite3, curl, bc and wrk (Debian: apt-get install -y wrk sqlite3 bc curl).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5099}
seconds=${SECONDS_PER_RUN:-10}
warmup=${WARMUP_SECONDS:-60}
rounds=${MAX_ROUNDS:-4}
connections=${CONNECTIONS:-16}
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
for tool in wrk sqlite3 curl bc; do
  command -v "$tool" >/dev/null || { echo "needs $tool (Debian: apt-get install -y $tool)" >&2; exit 1; }
done

dataset=${DATASET:-dataset}
if [ -n "${SYNTHETIC:-}" ]; then
  dataset="$work/synthetic"
  dotnet run benchmarks/generate-operations.cs -- "$SYNTHETIC" "$dataset" >/dev/null
fi
echo "building the database from $dataset and publishing the API (Release)..." >&2
dotnet run --project dataset/Transparency.Dataset -c Release -- build --dataset "$dataset" --out "$work/transparency.db" >/dev/null 2>&1
# Published for this machine (ReadyToRun, as a release would ship it).
dotnet publish api/Transparency.Api -c Release -r "$(dotnet --info | awk '/RID:/ { print $2; exit }')" --self-contained false -o "$work/api" --nologo -v q >/dev/null

# What the scripts draw requests from (benchmarks/wrk/vocabulary.lua).
export BENCH_DATA="$work/data" BENCH_LUA="$PWD/benchmarks/wrk"
mkdir -p "$BENCH_DATA"
db() { sqlite3 "$work/transparency.db" "$1" > "$BENCH_DATA/$2.txt"; }
db "SELECT id FROM operations WHERE status = 'active'" ids
db "SELECT DISTINCT country FROM operation_countries" countries
db "SELECT id FROM platforms" platforms
db "SELECT id FROM organisations" organisations
db "SELECT id FROM topics" topics
db "SELECT id FROM actors" actors
# Words to search: fourteen common ones, and 200 drawn from the dataset's own full-text vocabulary (stems found in at
# least two records). The API keeps each word's matches once searched (a word's postings), so the warm-up searches
# every word at least once; what is measured is a search of words seen before, with filters, orders and pages drawn anew.
printf '%s\n' election troll network accounts news military ukraine china russia iran covid pages personas government > "$BENCH_DATA/words.txt"
sqlite3 "$work/transparency.db" "CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, operations_fts, 'row');
  SELECT term FROM temp.vocabulary WHERE doc >= 2 AND length(term) >= 4 AND term NOT GLOB '*[^a-z]*' ORDER BY random() LIMIT 200" >> "$BENCH_DATA/words.txt"
operations=$(wc -l < "$BENCH_DATA/ids.txt")

start=$(date +%s.%N)
"$work/api/Transparency.Api" --urls "http://127.0.0.1:$port" --Dataset:Path="$work/transparency.db" \
  --Http:RequestsPerWindow=1000000000 --Logging:LogLevel:Default=Warning ${API_ARGS:-} >"$work/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.02
done
ready=$(echo "$(date +%s.%N) - $start" | bc)
base="http://127.0.0.1:$port"
# What browsers send (Chrome's header); the server chooses br from it.
compressed="gzip, deflate, br, zstd"
# The ETags of a few hundred records, identity and compressed, for the conditional lookups. A tag names one
# representation, chosen by the Accept headers, so these are asked for as wrk asks (curl's own "Accept: */*"
# removed) or none would match.
shuf -n 300 "$BENCH_DATA/ids.txt" | while read -r id; do
  echo "$id $(curl -sf -H 'Accept:' -o /dev/null -w '%header{etag}' "$base/v1/operations/$id")" \
    "$(curl -sf -H 'Accept:' -H "Accept-Encoding: $compressed" -o /dev/null -w '%header{etag}' "$base/v1/operations/$id")"
done > "$BENCH_DATA/etags.txt"

run() { # seconds script path [script argument] -> "requests/s p99 non-2xx/3xx"
  local out script=() argument=()
  [ -n "$2" ] && script=(-s "benchmarks/wrk/$2")
  [ -n "${4:-}" ] && argument=(-- "$4")
  out=$(wrk -t1 -c"$connections" -d"$1s" --latency "${script[@]}" "$base$3" "${argument[@]}")
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "99%" {print $2}') $(echo "$out" | awk '/Non-2xx/ {print $NF}' | grep . || echo 0)"
}
scenarios=( # name | script | path | script argument
  "static|-|/health|"   # first: the warm-up runs it, the rounds measure it around every other scenario
  "varied lists|varied-list.lua|/v1/operations|"
  "varied GraphQL pages|varied-graphql.lua|/graphql|"
  "lookups by id|varied-by-id.lua|/v1/operations|"
  "lookups by id, compressed ($compressed)|varied-by-id.lua|/v1/operations|$compressed"
  "repeated lists (130 distinct)|repeated-list.lua|/v1/operations|"
)

echo "server ready after ${ready} s; warming up for ${warmup} s..." >&2
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r _ script path argument <<<"$scenario"
  [ "$script" = "-" ] && script=""
  run $((warmup / ${#scenarios[@]} + 1)) "$script" "$path" "$argument" >/dev/null
done

# The static endpoint is measured before and after every scenario, and each scenario's ratio is to the mean of the
# two: the machine's speed drifts by several per cent within a round, and a ratio to one static run minutes
# earlier carries that drift. Every round's figures go to $results; the table gives the median over the rounds
# with the range, since one round can still fall in a dip of the machine's speed.
results="$work/results.tsv"
previous=""
for round in $(seq "$rounds"); do
  ratios="" statics=()
  read -r before static_p99 static_errors < <(run "$seconds" "" /health)
  statics+=("$before")
  for scenario in "${scenarios[@]:1}"; do
    IFS='|' read -r name script path argument <<<"$scenario"
    read -r rps p99 errors < <(run "$seconds" "$script" "$path" "$argument")
    read -r after _ _ < <(run "$seconds" "" /health)
    statics+=("$after")
    ratio=$(echo "scale=3; 2 * $rps / ($before + $after)" | bc)
    before=$after
    ratios="$ratios $ratio"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$ratio" "$p99" "$errors" >> "$results"
    echo "round $round: $name $rps requests/s ($ratio of static), p99 $p99, non-2xx/3xx $errors" >&2
  done
  static=$(printf '%s\n' "${statics[@]}" | awk '{ s += $1 } END { printf "%.2f", s / NR }')
  echo "round $round: static $static requests/s (mean of ${#statics[@]} runs: ${statics[*]})" >&2
  printf '%s\t%s\t%s\t%s\t%s\n' "static (mean of the runs around the scenarios)" "$static" 1 "$static_p99" "$static_errors" >> "$results"
  if [ -n "$previous" ]; then
    agree=$(paste <(tr ' ' '\n' <<<"$previous" | grep .) <(tr ' ' '\n' <<<"$ratios" | grep .) |
      awk '{ d = ($2 - $1) / $1; if (d < 0) d = -d; if (d > 0.05) bad = 1 } END { print bad ? 0 : 1 }')
    [ "$agree" = "1" ] && break
  fi
  previous=$ratios
done

rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server/status")
peak=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$server/status")
echo
echo "$(date -u +%Y-%m-%d), $operations operations, $(nproc) cores, wrk -t1 -c$connections -d${seconds}s, $round rounds of at most $rounds (the last two agreed within 5%: ${agree:-no})"
echo
echo "| scenario | ratio to static: median of the rounds (range) | requests/s, median | p99, worst round | non-2xx/3xx, all rounds |"
echo "| --- | --- | --- | --- | --- |"
# Static first, then the scenarios in the order they ran.
{ grep '^static' "$results"; grep -v '^static' "$results"; } | awk -F'\t' '
  function ms(t) { if (t ~ /us$/) return t / 1000; if (t ~ /ms$/) return t + 0; if (t ~ /s$/) return t * 1000; return t }
  function median(list, n,   sorted, i, j, x) {
    for (i = 1; i <= n; i++) sorted[i] = list[i]
    for (i = 2; i <= n; i++) { x = sorted[i]; for (j = i - 1; j >= 1 && sorted[j] > x; j--) sorted[j + 1] = sorted[j]; sorted[j + 1] = x }
    return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
  }
  !($1 in n) { order[++names] = $1 }
  { k = ++n[$1]; rps[$1, k] = $2; ratio[$1, k] = $3; if (ms($4) > worst[$1]) worst[$1] = ms($4); errors[$1] += $5 }
  END {
    for (i = 1; i <= names; i++) {
      name = order[i]; lo = hi = ratio[name, 1]
      for (k = 1; k <= n[name]; k++) {
        r[k] = ratio[name, k]; q[k] = rps[name, k]
        if (r[k] < lo) lo = r[k]; if (r[k] > hi) hi = r[k]
      }
      printf "| %s | %.3f (%.3f–%.3f) | %.0f | %.2f ms | %d |\n", name, median(r, n[name]), lo, hi, median(q, n[name]), worst[name], errors[name]
    }
  }'
echo
echo "server: ready ${ready} s after start; resident memory after the load ${rss} MiB, peak ${peak} MiB"
