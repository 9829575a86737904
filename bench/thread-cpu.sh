#!/usr/bin/env bash
# Each thread's CPU time in one `./accrue simulate` run: where a run on two processors spends them.
#
#   ACCRUE_JAVA_OPTS=-Xmx4g bench/thread-cpu.sh [DATA_DIR]        # default /tmp/accrue-bench; JSON to /dev/null
#
# While the run goes it reads utime + stime of /proc/PID/task/*/stat every 0.3 s and keeps each thread's last
# value, then prints the wall time, the CPU in all and the CPU per thread group (threads named alike, such as
# the collector's, added up; groups under half a second left out). Linux only.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
data=${1:-/tmp/accrue-bench}
ticks=$(getconf CLK_TCK)
begin=$(date +%s.%N)
"$root/accrue" simulate --programs "$data/programs" --partners "$data/partners.jsonl" --events "$data/events.jsonl" > /dev/null &
launcher=$!
declare -A cpu
while kill -0 "$launcher" 2>/dev/null; do
  # The launcher execs the JVM, so the process keeps its id.
  for task in /proc/"$launcher"/task/*; do
    stat=$(cat "$task/stat" 2>/dev/null) || continue
    comm=$(cat "$task/comm" 2>/dev/null) || continue
    name=$(printf '%s' "$comm" | tr ' ' '_' | sed 's/[0-9]*$//')
    fields=${stat##*) }
    read -r -a f <<< "$fields"
    cpu["$name ${task##*/}"]=$(( f[11] + f[12] ))
  done
  sleep 0.3
done
wait "$launcher"
wall=$(awk -v end="$(date +%s.%N)" -v begin="$begin" 'BEGIN { print end - begin }')
lines=$(for key in "${!cpu[@]}"; do echo "${cpu[$key]} $key"; done)
awk -v wall="$wall" -v ticks="$ticks" '{ all += $1 } END { printf "wall %.1f s, CPU %.1f s\n", wall, all / ticks }' <<< "$lines"
awk -v ticks="$ticks" '{ group[$2] += $1 } END { for (g in group) if (group[g] / ticks >= 0.5) printf "%8.1f s  %s\n", group[g] / ticks, g }' <<< "$lines" | sort -rn
