#!/bin/sh
# bench/gaps.sh: time the gap check of a trajectory with 1,000,000
# participant profiles and 10,000 stakeholders against its target of one
# second, and print the figure. The database is made with `meerstem
# init` and filled with SQL in the sqlite3 shell.
#
#   bench/gaps.sh [MEERSTEM]    (default: src/meerstem of the build tree)
#
# Needs sqlite3 and hyperfine. Set KEEP=1 to keep the database.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-${MEERSTEM:-./src/meerstem}}
command -v sqlite3 >/dev/null || { echo "bench: needs sqlite3" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine" >&2; exit 2; }
[ -x "$bin" ] || { echo "bench: no meerstem at $bin" >&2; exit 2; }
export MEERSTEM_DATADIR="${MEERSTEM_DATADIR:-$src/share/meerstem}"
export MEERSTEM_TODAY=2024-09-01 LC_ALL=C.UTF-8
dir=$(mktemp -d "${TMPDIR:-/tmp}/meerstem-bench.XXXXXX")
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$dir"' EXIT
db="$dir/bench.db"

PROFILES=1000000
STAKEHOLDERS=10000

# Every combination of age band (ids 1-4), gender (5-7), education
# (8-10) and region (11-14) as a packed profile: the shell joins blobs
# as text, so the 144 blobs are written out.
combos() {
	n=0
	for a in 1 2 3 4; do for g in 5 6 7; do for e in 8 9 10; do
		for r in 11 12 13 14; do
			[ $n -gt 0 ] && printf ',\n'
			printf "(%d, X'%02x000000%02x000000%02x000000%02x000000')" \
			    $n $a $g $e $r
			n=$((n + 1))
		done
	done; done; done
	printf ';\n'
}

start=$(date +%s.%N)
"$bin" -d "$db" init >/dev/null
{
cat <<EOF
.bail on
PRAGMA foreign_keys = ON;
BEGIN;
INSERT INTO trajectory (code, title, phase_id)
  SELECT 'BENCH', 'Benchmark', id FROM phase WHERE code = 'options';
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $STAKEHOLDERS)
INSERT INTO stakeholder (name, name_key, voice)
  SELECT 'Stakeholder ' || i, 'stakeholder ' || i,
    CASE i % 6 WHEN 0 THEN 'vulnerable' WHEN 1 THEN 'critical'
      WHEN 2 THEN 'silent_majority' WHEN 3 THEN 'silent_middle'
      WHEN 4 THEN 'established' ELSE 'unknown' END FROM k;
INSERT INTO involvement (trajectory_id, stakeholder_id, impact, represented_by)
  SELECT 1, id, id % 4, CASE WHEN id % 5 = 0 THEN 'employees' ELSE 'none' END
  FROM stakeholder;
-- 200 sessions: forms and phases in turn, most held, some planned.
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 199)
INSERT INTO session (trajectory_id, ref, form_id, phase_id, date, participants,
    status, feedback_date)
  SELECT 1, 'S' || i, (SELECT id FROM form WHERE position = 1 + i % 11),
    (SELECT id FROM phase WHERE position = 1 + i % 3),
    date('2023-01-01', '+' || i || ' days'), 5 + i % 40,
    CASE WHEN i % 10 = 9 THEN 'planned' ELSE 'held' END,
    CASE WHEN i % 3 = 0 THEN date('2023-02-01', '+' || i || ' days') END
  FROM k;
-- Two of every three stakeholders attend a session; a few only listen.
INSERT INTO attendance (session_id, stakeholder_id, role)
  SELECT (SELECT id FROM session WHERE ref = 'S' || (s.id % 200)), s.id,
    CASE WHEN s.id % 17 = 0 THEN 'listener' ELSE 'participant' END
  FROM stakeholder s WHERE s.id % 3 <> 0;
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 2000)
INSERT INTO input (trajectory_id, session_id, summary, disposition, reported_date)
  SELECT 1, (SELECT id FROM session WHERE ref = 'S' || (i % 200)), 'Input ' || i,
    CASE i % 4 WHEN 0 THEN 'open' WHEN 1 THEN 'adopted' WHEN 2 THEN 'partly'
      ELSE 'rejected' END, CASE WHEN i % 2 = 0 THEN '2024-01-01' END FROM k;
INSERT INTO member (trajectory_id, name, name_key, delegation) VALUES
  (1, 'a', 'a', 'employers'), (1, 'b', 'b', 'employers'),
  (1, 'c', 'c', 'employees'), (1, 'd', 'd', 'employees'), (1, 'e', 'e', 'employees'),
  (1, 'f', 'f', 'crown'), (1, 'g', 'g', 'crown');
INSERT INTO dimension (id, name) VALUES (1, 'age_band'), (2, 'gender'),
  (3, 'education'), (4, 'region');
INSERT INTO category (id, dimension_id, name) VALUES
  (1, 1, '15-24'), (2, 1, '25-44'), (3, 1, '45-64'), (4, 1, '65+'),
  (5, 2, 'man'), (6, 2, 'vrouw'), (7, 2, 'anders'),
  (8, 3, 'laag'), (9, 3, 'middelbaar'), (10, 3, 'hoog'),
  (11, 4, 'noord'), (12, 4, 'oost'), (13, 4, 'zuid'), (14, 4, 'west');
INSERT INTO benchmark (trajectory_id, category_id, share) VALUES
  (1, 1, 0.16), (1, 2, 0.34), (1, 3, 0.37), (1, 4, 0.13),
  (1, 5, 0.50), (1, 6, 0.49), (1, 7, 0.01),
  (1, 8, 0.27), (1, 9, 0.38), (1, 10, 0.35),
  (1, 11, 0.10), (1, 12, 0.22), (1, 13, 0.21), (1, 14, 0.47);
CREATE TEMP TABLE combo (n INTEGER PRIMARY KEY, profile BLOB);
INSERT INTO combo VALUES
EOF
combos
cat <<EOF
-- The profiles of the survey sessions (representative), spread evenly
-- over 18 of them; the combinations come in a fixed, uneven order.
CREATE TEMP TABLE survey AS
  SELECT row_number() OVER (ORDER BY s.id) - 1 AS n, s.id FROM session s
  JOIN form f ON f.id = s.form_id WHERE f.code = 'survey' AND s.status = 'held';
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < $PROFILES - 1)
INSERT INTO participant (session_id, seq, profile)
  SELECT (SELECT id FROM survey WHERE n = i % (SELECT count(*) FROM survey)), i,
    (SELECT profile FROM combo WHERE n = (i * 7919 + i / 1000) % 144)
  FROM k;
COMMIT;
EOF
} | sqlite3 "$db"
built=$(date +%s.%N)
printf 'bench: built %s (%s) in %.1f s\n' "$db" "$(du -h "$db" | cut -f1)" \
    "$(echo "$built - $start" | bc)"
sqlite3 "$db" "SELECT 'bench: ' || (SELECT count(*) FROM participant) ||
  ' participant profiles, ' || (SELECT count(*) FROM involvement) ||
  ' stakeholders, ' || (SELECT count(*) FROM session) || ' sessions'"
"$bin" -d "$db" gaps BENCH --format csv | awk -F, 'NR > 1 { n[$1]++ }
  END { for (c in n) printf "bench:   %s %d\n", c, n[c] }' | sort

hyperfine --warmup 2 --runs 10 -i --export-json "$dir/gaps.json" \
    "'$bin' -d '$db' gaps BENCH --format csv" >&2
set -- $(python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(r["mean"], r["median"])' "$dir/gaps.json")
printf 'bench: gap check of 1,000,000 profiles and 10,000 stakeholders: mean %.3f s, median %.3f s (target 1 s: %.2f of it)\n' \
    "$1" "$2" "$1"
