#!/bin/sh
# bench/import.sh: how fast meerstem imports, against the sqlite3 shell's
# .import of the same file into an equivalent table (same columns, no
# checks), and whether its memory grows with the file.
#
#   bench/import.sh [MEERSTEM]      (default: ./src/meerstem)
#
# Generates PROFILES participant profiles (default 1,000,000) and
# STAKEHOLDERS stakeholders (default 100,000) in $TMPDIR, imports each
# with meerstem (validation on, as always) and with sqlite3, and prints
# the times, the ratio (target: at most 1.2) and the peak resident
# memory of meerstem for the whole file and for a tenth of it (flat
# memory: the two are about the same). Needs sqlite3, awk and
# /usr/bin/time (Debian package time).
set -eu
MEERSTEM=${1:-./src/meerstem}
PROFILES=${PROFILES:-1000000}
STAKEHOLDERS=${STAKEHOLDERS:-100000}
case $MEERSTEM in /*) ;; *) MEERSTEM=$PWD/$MEERSTEM ;; esac
export MEERSTEM_DATADIR=${MEERSTEM_DATADIR:-$(cd "$(dirname "$0")/.." && pwd)/share/meerstem}
[ -x "$MEERSTEM" ] || { echo "bench: build meerstem first ($MEERSTEM)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "bench: needs sqlite3" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/meerstem-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

# ---- data --------------------------------------------------------------
# Ten sessions, one after the other as a survey bureau delivers them;
# four dimensions as in the demo; a fixed pseudo-random sequence so that
# runs are comparable.
profiles() {	# rows, file
	awk -v n="$1" 'BEGIN {
		split("15-24 25-44 45-64 65+", age, " ")
		split("man vrouw anders", gender, " ")
		split("laag middelbaar hoog", edu, " ")
		split("noord oost zuid west", region, " ")
		print "session,age_band,gender,education,region"
		x = 12345
		for (i = 0; i < n; i++) {
			x = (x * 1103515245 + 12345) % 2147483648
			printf "P%02d,%s,%s,%s,%s\n", int(i * 10 / n), age[x % 4 + 1],
			    gender[int(x / 4) % 3 + 1], edu[int(x / 12) % 3 + 1],
			    region[int(x / 36) % 4 + 1]
		}
	}' >"$2"
}

stakeholders() {	# rows, file
	awk -v n="$1" 'BEGIN {
		split("vulnerable critical silent_majority silent_middle established unknown", voice, " ")
		split("employers employees crown advisory none", del, " ")
		print "name,kind,category,voice,impact,influence,represented_by,reason,contact"
		for (i = 0; i < n; i++)
			printf "Organisatie %07d,organisation,categorie %d,%s,%d,%d,%s,\"Geraakt door de tekorten, in regio %d.\",info%d@example.nl\n",
			    i, i % 17, voice[i % 6 + 1], i % 4, (i / 4) % 4,
			    del[i % 5 + 1], i % 12, i
	}' >"$2"
}

tenth=$((PROFILES / 10))
profiles "$PROFILES" "$dir/participants.csv"
profiles "$tenth" "$dir/participants-tenth.csv"
stakeholders "$STAKEHOLDERS" "$dir/stakeholders.csv"
{ echo "ref,form,phase"; for i in 0 1 2 3 4 5 6 7 8 9; do echo "P0$i,citizens_panel,options"; done; } >"$dir/sessions.csv"

# ---- runs ----------------------------------------------------------------
# measure LABEL CMD...: prints "seconds kilobytes" of the best of three.
measure() {
	best=""
	for run in 1 2 3; do
		"$setup"
		/usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null
		t=$(cut -d' ' -f1 "$dir/time")
		if [ -z "$best" ] || awk -v a="$t" -v b="${best% *}" 'BEGIN { exit !(a < b) }'; then
			best=$(cat "$dir/time")
		fi
	done
	echo "$best"
}

meerstem_db() {
	rm -f "$dir/m.db" "$dir/m.db-wal" "$dir/m.db-shm"
	"$MEERSTEM" -d "$dir/m.db" init >/dev/null
	"$MEERSTEM" -d "$dir/m.db" trajectory add B --title bench >/dev/null
	"$MEERSTEM" -d "$dir/m.db" import sessions B "$dir/sessions.csv" >/dev/null
}

sqlite_participants() {
	rm -f "$dir/s.db"
	sqlite3 "$dir/s.db" "CREATE TABLE participant (session TEXT, age_band TEXT, gender TEXT, education TEXT, region TEXT)"
}

sqlite_stakeholders() {
	rm -f "$dir/s.db"
	sqlite3 "$dir/s.db" "CREATE TABLE stakeholder (name TEXT, kind TEXT, category TEXT, voice TEXT, impact TEXT, influence TEXT, represented_by TEXT, reason TEXT, contact TEXT)"
}

# The same rows stored as meerstem stores them: the register and the
# involvement, with the same keys and indexes, the name matched by its
# lower-cased key, in one transaction in WAL mode; what is left out is
# meerstem's checking of each field and its merging with names already
# registered.
sqlite_stakeholders_indexed() {
	rm -f "$dir/s.db" "$dir/s.db-wal" "$dir/s.db-shm"
	sqlite3 "$dir/s.db" >/dev/null <<-'SQL'
	PRAGMA journal_mode = WAL;
	CREATE TABLE stakeholder (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
	  name_key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, category TEXT NOT NULL,
	  voice TEXT NOT NULL, contact TEXT NOT NULL);
	CREATE INDEX stakeholder_voice ON stakeholder(voice, name_key);
	CREATE INDEX stakeholder_category ON stakeholder(category, name_key);
	CREATE TABLE involvement (trajectory_id INTEGER NOT NULL,
	  stakeholder_id INTEGER NOT NULL, impact INTEGER NOT NULL,
	  influence INTEGER NOT NULL, represented_by TEXT NOT NULL,
	  reason TEXT NOT NULL, first_heard INTEGER,
	  PRIMARY KEY (trajectory_id, stakeholder_id)) WITHOUT ROWID;
	CREATE INDEX involvement_stakeholder ON involvement(stakeholder_id);
	CREATE INDEX involvement_impact ON involvement(trajectory_id, impact);
	CREATE INDEX involvement_heard ON involvement(trajectory_id, first_heard);
	CREATE INDEX involvement_influence ON involvement(trajectory_id, influence);
	CREATE INDEX involvement_delegation ON involvement(trajectory_id, represented_by);
	SQL
	cat >"$dir/indexed.sql" <<-SQL
	BEGIN;
	CREATE TEMP TABLE csv (name, kind, category, voice, impact, influence,
	  represented_by, reason, contact);
	.import --csv --skip 1 $dir/stakeholders.csv csv
	INSERT INTO stakeholder (name, name_key, kind, category, voice, contact)
	  SELECT name, lower(name), kind, category, voice, contact FROM csv;
	INSERT INTO involvement SELECT 1, s.id, c.impact, c.influence,
	  c.represented_by, c.reason, NULL FROM csv c
	  JOIN stakeholder s ON s.name_key = lower(c.name);
	COMMIT;
	SQL
}

report() {	# what, meerstem "s kb", sqlite3 "s kb"
	awk -v what="$1" -v m="$2" -v s="$3" 'BEGIN {
		split(m, a, " "); split(s, b, " ")
		printf "%-28s meerstem %6.2f s  sqlite3 .import %6.2f s  ratio %.2f  (meerstem peak RSS %d MB)\n",
		    what, a[1], b[1], (b[1] > 0 ? a[1] / b[1] : 0), a[2] / 1024
	}'
}

echo "meerstem: $("$MEERSTEM" --version | head -n 1); sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(nproc) cores"
echo "files: $PROFILES profiles ($(du -h "$dir/participants.csv" | cut -f1)), $STAKEHOLDERS stakeholders ($(du -h "$dir/stakeholders.csv" | cut -f1))"

setup=meerstem_db
m=$(measure "$MEERSTEM" -d "$dir/m.db" import participants B "$dir/participants.csv")
mt=$(measure "$MEERSTEM" -d "$dir/m.db" import participants B "$dir/participants-tenth.csv")
ms=$(measure "$MEERSTEM" -d "$dir/m.db" import stakeholders B "$dir/stakeholders.csv")
setup=sqlite_participants
s=$(measure sqlite3 "$dir/s.db" ".import --csv --skip 1 $dir/participants.csv participant")
setup=sqlite_stakeholders
ss=$(measure sqlite3 "$dir/s.db" ".import --csv --skip 1 $dir/stakeholders.csv stakeholder")

report "$PROFILES participant profiles" "$m" "$s"
setup=sqlite_stakeholders_indexed
si=$(measure sh -c "sqlite3 '$dir/s.db' <'$dir/indexed.sql'")

report "$STAKEHOLDERS stakeholders" "$ms" "$ss"
awk -v m="$ms" -v s="$si" 'BEGIN { split(m, a, " "); split(s, b, " ")
	printf "  against sqlite3 storing them as meerstem does (register and involvement, same indexes): %.2f s, ratio %.2f\n",
	    b[1], (b[1] > 0 ? a[1] / b[1] : 0) }'
echo "meerstem peak RSS: $((${mt#* } / 1024)) MB for $tenth profiles, $((${m#* } / 1024)) MB for $PROFILES"
