# The demo: it loads with meerstem import alone, and --demo builds the
# same database in the data directory, once, atomically.
. "$TESTS_SRCDIR/lib.sh"
demo="$MEERSTEM_DATADIR/demo"
db="$T/byhand.db"

# By hand, the way a user would: init, trajectory add, one import per file.
t_run 0 "init" -- ms -d "$db" init
t_run 0 "add the demo trajectory" -- ms -d "$db" trajectory add AMS-2023 \
	--title "Arbeidsmarktproblematiek (semi)publieke sectoren" \
	--question "Hoe kunnen de personeelstekorten in zorg, onderwijs, politie, openbaar vervoer en kinderopvang structureel kleiner worden, en wat vraagt dat van werkgevers, werkenden en overheid?" \
	--commission "Commissie Arbeidsmarkt publieke sectoren" \
	--requester "Minister van Sociale Zaken en Werkgelegenheid" \
	--phase options --start 2023-01-16 --due 2024-12-20
kinds="stakeholders sessions attendance benchmarks participants members inputs"
for k in $kinds; do
	t_run 0 "import the demo's $k" -- ms -d "$db" import "$k" AMS-2023 "$demo/$k.csv"
done

# --demo builds the same thing.
t_run 0 "--demo runs a command on the demo" -- ms --demo trajectory show AMS-2023 --format json
t_ok "the demo database is in the data directory" -- test -f "$XDG_DATA_HOME/meerstem/demo.db"
cp "$OUT" "$T/demo.json"
ms -d "$db" trajectory show AMS-2023 --format json >"$T/byhand.json"
t_same "$T/demo.json" "$T/byhand.json" "the demo equals the one imported by hand"
for k in $kinds matrix; do
	ms --demo export "$k" AMS-2023 >"$T/demo.csv"
	ms -d "$db" export "$k" AMS-2023 >"$T/byhand.csv"
	t_same "$T/demo.csv" "$T/byhand.csv" "the demo's $k are the imported ones"
done
t_eq "$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["counts"]; print(c["stakeholders"], c["sessions_held"], c["participants"], c["members"], c["inputs"])' "$T/demo.json")" \
	"45 9 220 10 16" "the demo is a complete trajectory"

# Built once; rebuilt when the shipped files are newer.
inode=$(stat -c %i "$XDG_DATA_HOME/meerstem/demo.db")
ms --demo trajectory list >/dev/null
t_eq "$(stat -c %i "$XDG_DATA_HOME/meerstem/demo.db")" "$inode" "a second run uses the built demo"
mkdir "$T/share" && cp -r "$MEERSTEM_DATADIR/." "$T/share/"
export MEERSTEM_DATADIR="$T/share"
touch -d "+1 minute" "$T/share/demo/members.csv"
t_run 0 "newer shipped files" -- ms --demo trajectory list
t_ok "rebuild the demo" -- test "$(stat -c %i "$XDG_DATA_HOME/meerstem/demo.db")" != "$inode"

# The demo's gaps, pinned, and what a reader of DOMAIN.md expects of
# them: the unheard vulnerable and critical stakeholders and the missing
# critical voice are the most severe; older and less educated people
# are under-represented among the profiles of the survey and the panel;
# the commission has half as many employers as employees.
export MEERSTEM_TODAY=2024-05-01
for f in text csv json; do
	t_run 1 "gaps of the demo as $f" -- ms -d "$db" gaps AMS-2023 --format $f
	t_golden "$OUT" "demo-gaps.$f" "the demo's gaps as $f are as pinned"
done
cp "$OUT" "$T/gaps.json"
t_eq "$(python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))
high = sorted({r["code"] for r in rows if r["severity"] == "high"})
print(len(rows), " ".join(high))' "$T/gaps.json")" 	"29 UNHEARD UNSUITED_FORM VOICE_MISSING" "29 gaps; the high ones are unheard, unsuited form and a missing voice"
t_run 1 "gaps as csv" -- ms -d "$db" gaps AMS-2023 --format csv
t_has "$OUT" "VOICE_MISSING,high,critical," "the critical voice is missing"
t_has "$OUT" "UNHEARD,high,Laaggeletterde schoonmakers in zorginstellingen," "unheard vulnerable workers are a high gap"
t_has "$OUT" "UNDERREPRESENTED,medium,education=laag," "the less educated are under-represented"
t_has "$OUT" "DELEGATION_IMBALANCE,medium,commission," "the delegations are out of balance"
t_lacks "$OUT" "UNHEARD,high,FNV" "the established unions were heard"
for f in text md; do
	t_run 0 "summary of the demo as $f" -- ms -d "$db" summary AMS-2023 --format $f
	t_golden "$OUT" "demo-summary.$f" "the demo's summary as $f is as pinned"
	[ $f = text ] && cp "$OUT" "$T/summary.text"
done
t_ok "the text summary keeps within 78 columns, the question's first line too" -- \
	python3 -c 'import sys; sys.exit(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")) > 78)' "$T/summary.text"
unset MEERSTEM_TODAY

# A broken shipped file: the demo that was there stays, nothing is left over.
before=$(sha256sum <"$XDG_DATA_HOME/meerstem/demo.db")
printf 'name,delegation\nAnn,unions\n' >"$T/share/demo/members.csv"
touch -d "+2 minutes" "$T/share/demo/members.csv"
t_run 2 "a demo that does not import" -- ms --demo trajectory list
t_has "$ERR" "cannot build the demo: $T/share/demo/members.csv:2:2: bad delegation 'unions'" \
	"the message names the shipped file, line and column"
t_eq "$(sha256sum <"$XDG_DATA_HOME/meerstem/demo.db")" "$before" "the old demo is left as it was"
t_eq "$(ls "$XDG_DATA_HOME/meerstem")" "demo.db" "no temporary files are left behind"

t_run 2 "--demo with --database" -- ms --demo -d "$db" trajectory list
t_has "$ERR" "--demo and --database exclude each other" "the conflict is named"
# Without a command --demo opens the interface: tests/tui/ drives it.
finish
