#!/usr/bin/env bash
# Benchmarks the dataset compiler on a synthetic tree of N operations (default 10,000):
# validate and build, in Release, after a warm-up, median of 5 runs. Prints a Markdown table row
# and the command, for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
tree=$(mktemp -d)/synthetic
out=$(mktemp -d)

dotnet run benchmarks/generate-operations.cs -- "$count" "$tree" >/dev/null
# Published for this machine (ReadyToRun, as a release would ship it), not run through `dotnet run`.
dotnet publish dataset/Transparency.Dataset -c Release -r "$(dotnet --info | awk '/RID:/ { print $2; exit }')" --self-contained false -o "$out/bin" --nologo -v q >/dev/null
compiler=("$out/bin/transparency-dataset")

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_runs() {
  for run in 1 2 3 4 5 6; do
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    [ "$run" -gt 1 ] && echo "$end - $start" | bc   # the first run warms the file cache and is dropped
  done | median
}

validate=$(time_runs "${compiler[@]}" validate --dataset "$tree")
build=$(time_runs "${compiler[@]}" build --dataset "$tree" --out "$out/synthetic.db")
size=$(stat -c %s "$out/synthetic.db")
# Peak resident memory of one more build, where GNU time is installed (Debian: apt-get install time).
peak=""
if [ -x /usr/bin/time ]; then
  peak=$(/usr/bin/time -f %M "${compiler[@]}" build --dataset "$tree" --out "$out/synthetic.db" 2>&1 >/dev/null | tail -1)
  peak=" | build peak memory $((peak / 1024)) MiB"
fi
files=$(find "$tree" -name '*.yaml' | wc -l)
bytes=$(du -sb "$tree" | cut -f1)

echo "| $(date -u +%Y-%m-%d) | $count operations ($files files, $((bytes / 1024 / 1024)) MiB of YAML) | validate ${validate} s | build ${build} s | database $((size / 1024 / 1024)) MiB${peak} | $(nproc) cores |"
rm -rf "$(dirname "$tree")" "$out"
