#!/bin/bash
# bench/tui.sh: the interface on a register of 1,000,000 stakeholders,
# all involved in one trajectory: time to the first screen, to the
# stakeholder list, to its last row (G), and the peak resident memory,
# against the targets of 100 ms and 32 MiB.
#
# usage: bench/tui.sh [BUILD_DIR]    (default: the source tree's build)
# Needs tmux and sqlite3. The database is kept in $BENCH_DIR (default
# /tmp/meerstem-bench) and reused when it exists.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here}
ms=$build/src/meerstem
export MEERSTEM_DATADIR=$here/share/meerstem
dir=${BENCH_DIR:-/tmp/meerstem-bench}
db=$dir/big.db
rows=1000000
sock=meerstem-bench-$$
mkdir -p "$dir"

if [ ! -f "$db" ]; then
	echo "generating $rows stakeholders in $db ..."
	"$ms" -d "$db" init >/dev/null
	"$ms" -d "$db" trajectory add BIG --title "Groot register" >/dev/null
	sqlite3 "$db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO stakeholder (name, name_key, kind, category, voice)
SELECT 'Organisatie ' || printf('%07d', i), 'organisatie ' || printf('%07d', i),
  'group', CASE i % 4 WHEN 0 THEN 'werkgevers' WHEN 1 THEN 'burgers'
  WHEN 2 THEN 'jongeren' ELSE '' END,
  CASE i % 6 WHEN 0 THEN 'vulnerable' WHEN 1 THEN 'critical'
  WHEN 2 THEN 'silent_majority' WHEN 3 THEN 'silent_middle'
  WHEN 4 THEN 'established' ELSE 'unknown' END
FROM n;
INSERT INTO involvement (trajectory_id, stakeholder_id, impact, influence)
SELECT 1, id, id % 4, (id / 4) % 4 FROM stakeholder;
COMMIT;
SQL
fi
printf '[interface]\nstart_tab = stakeholders\nrefresh_seconds = 0\n' >"$dir/bench.ini"

now() { date +%s%N; }
ms_since() { echo $(( ($(now) - $1) / 1000000 )); }
tx() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tx kill-server 2>/dev/null || true' EXIT
wait_for() {
	until tx capture-pane -p | grep -qF -- "$1"; do sleep 0.002; done
}

# 1. Start to first screen, in-process: MEERSTEM_EXIT_AFTER_DRAW makes
#    the interface exit right after its first doupdate.
tx new-session -d -x 80 -y 24 "env TERM=xterm-256color LC_ALL=C.UTF-8 \
	MEERSTEM_EXIT_AFTER_DRAW=1 /usr/bin/time -f 'TIME %e %M' \
	-o $dir/time.txt $ms -d $db -c $dir/bench.ini; sleep 60"
until [ -s "$dir/time.txt" ]; do sleep 0.01; done
tx kill-server
read -r _ secs kib <"$dir/time.txt"
first_ms=$(awk -v s="$secs" 'BEGIN { printf "%d", s * 1000 }')

# 2. Interactively: open the trajectory on its stakeholders, then G.
tx new-session -d -x 80 -y 24 "env TERM=xterm-256color LC_ALL=C.UTF-8 \
	$ms -d $db -c $dir/bench.ini; sleep 60"
wait_for "meerstem: trajectories"
pid=$(pgrep -P "$(tx display -p '#{pane_pid}')" -x meerstem)
# The status line's position tells when a move has been drawn.
t0=$(now); tx send-keys Enter; wait_for " 1/$rows"; open_ms=$(ms_since "$t0")
t0=$(now); tx send-keys G; wait_for "$rows/$rows"; end_ms=$(ms_since "$t0")
t0=$(now); tx send-keys g; wait_for " 1/$rows"; top_ms=$(ms_since "$t0")
tx send-keys s; wait_for "Sort by"
t0=$(now); tx send-keys j j Enter; wait_for "voice▲"; sort_ms=$(ms_since "$t0")
t0=$(now); tx send-keys G; wait_for "$rows/$rows"; sort_end_ms=$(ms_since "$t0")
tx send-keys /
t0=$(now); tx send-keys -l "0765432"; wait_for "Organisatie 0765432"
search_ms=$(ms_since "$t0"); tx send-keys Enter
# The gaps tab: the gap check of the whole trajectory (half of the
# stakeholders are unheard), keeping the 1,000 most severe findings.
t0=$(now); tx send-keys 6; wait_for "1/1000 of "; gaps_ms=$(ms_since "$t0")
# Back to the list, whose gap count is computed after it is drawn.
t0=$(now); tx send-keys Escape; wait_for "meerstem: trajectories"
list_ms=$(ms_since "$t0")
until tx capture-pane -p | grep -q "active *[0-9]"; do sleep 0.01; done
count_ms=$(ms_since "$t0")
hwm_kib=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
tx send-keys Escape Q

echo "interface on $rows stakeholders in one trajectory"
printf '  start to first screen:      %5d ms  (target 100 ms; %s)\n' "$first_ms" \
	"$( [ "$first_ms" -lt 100 ] && echo met || echo MISSED)"
printf '  open the stakeholder list:  %5d ms  (tmux round trip included)\n' "$open_ms"
printf '  G to the last row:          %5d ms\n' "$end_ms"
printf '  g back to the first row:    %5d ms\n' "$top_ms"
printf '  sort by voice:              %5d ms\n' "$sort_ms"
printf "  G sorted by voice:          %5d ms\n" "$sort_end_ms"
printf '  search as you type (7 ch):  %5d ms  (from the end of the voice sort)\n' "$search_ms"
printf '  gaps tab (6):               %5d ms\n' "$gaps_ms"
printf '  back to the trajectory list: %4d ms; its gap count %d ms later\n' \
	"$list_ms" "$((count_ms - list_ms))"
printf '  peak memory, first screen:  %5d KiB (target 32768 KiB; %s)\n' "$kib" \
	"$( [ "$kib" -lt 32768 ] && echo met || echo MISSED)"
printf '  peak memory after all this: %5d KiB (target 32768 KiB; %s)\n' "$hwm_kib" \
	"$( [ "$hwm_kib" -lt 32768 ] && echo met || echo MISSED)"
