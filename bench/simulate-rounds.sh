#!/usr/bin/env bash
# Issue 3, item 7 (a) and (b): `./accrue simulate` against the bare parse of the same file, in rounds.
#
#   bench/simulate-rounds.sh [ROUNDS] [DATA_DIR]        # defaults: 5 rounds over /tmp/accrue-bench
#
# Each round runs the simulation as a user runs it (ACCRUE_JAVA_OPTS=-Xmx4g ./accrue simulate …, JSON to a
# file, the whole process timed) and then ParseOnly over the same events (its own timing, without the JVM's
# start). On a shared machine whose speed changes by the minute, only a simulation and a parse run side by
# side make a ratio; the medians of the rounds are the figures docs/benchmarks.md quotes. Every round's
# output must be the same bytes as the first round's. Build first: ./mvnw -q -B -DskipTests package.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
rounds=${1:-5}
data=${2:-/tmp/accrue-bench}
. "$root/scripts/find-jdk.sh"
accrue_find_jdk
bench_jar="$root/bench/target/benchmarks.jar"
for needed in "$bench_jar" "$root/app/target/accrue-all.jar" "$data/events.jsonl" "$data/partners.jsonl" "$data/programs"; do
  [ -e "$needed" ] || { echo "simulate-rounds: $needed is missing (build with ./mvnw -q -B -DskipTests package; generate the data with bench's Generate, see docs/benchmarks.md)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

printf '%-6s %-9s %-13s %-9s %s\n' round started simulate_s parse_s ratio
for round in $(seq "$rounds"); do
  started=$(date +%H:%M:%S)
  begin=$(date +%s.%N)
  ACCRUE_JAVA_OPTS=-Xmx4g "$root/accrue" simulate --programs "$data/programs" --partners "$data/partners.jsonl" \
      --events "$data/events.jsonl" > "$work/round-$round.json"
  simulate=$(awk -v end="$(date +%s.%N)" -v begin="$begin" 'BEGIN { print end - begin }')
  if [ "$round" -gt 1 ] && ! cmp -s "$work/round-1.json" "$work/round-$round.json"; then
    echo "simulate-rounds: round $round's output differs from round 1's" >&2
    exit 1
  fi
  parse=$("$JAVA_HOME/bin/java" -Xmx4g -cp "$bench_jar" dev.accrue.bench.data.ParseOnly "$data/events.jsonl" --runs 1 \
      | sed -n 's/.* in \([0-9.]*\) s = .*/\1/p')
  ratio=$(awk -v s="$simulate" -v p="$parse" 'BEGIN { print s / p }')
  printf '%-6s %-9s %-13.1f %-9.1f %.2f\n' "$round" "$started" "$simulate" "$parse" "$ratio"
  echo "$simulate" >> "$work/simulate"
  echo "$parse" >> "$work/parse"
  echo "$ratio" >> "$work/ratio"
done
printf 'median %-9s %-13.1f %-9.1f %.2f\n' "" "$(median < "$work/simulate")" "$(median < "$work/parse")" "$(median < "$work/ratio")"
