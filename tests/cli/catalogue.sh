# The catalogue: shipped file, printing in three formats, bad files.
. "$TESTS_SRCDIR/lib.sh"
db="$T/m.db"
shipped="$MEERSTEM_DATADIR/catalogue.ini"

t_run 0 "catalogue works without a database" -- ms -d "$db" catalogue
t_ok "printing the catalogue creates no database" -- test ! -e "$db"
for f in survey expert_session dialogue_table experience_interview work_visit \
	focus_group citizens_panel citizens_forum stakeholder_forum council_seat \
	citizens_assembly; do
	t_has "$OUT" "$f" "the catalogue lists $f"
done
t_eq "$(awk 'NR > 1 { print $1 }' "$OUT" | tr '\n' ' ')" \
	"survey expert_session dialogue_table experience_interview work_visit focus_group citizens_panel citizens_forum stakeholder_forum council_seat citizens_assembly " \
	"forms come in the contract's order"

ms -d "$db" init >/dev/null
t_run 0 "catalogue --format csv" -- ms -d "$db" catalogue --format csv
t_eq "$(head -n 1 "$OUT")" "code,name_nl,name_en,level,representative,commitment,effort,cost,phases,reaches_well,reaches_badly,purpose,pros,cons" "the CSV header names every attribute"
t_eq "$(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1])))))' "$OUT")" 12 "the CSV has a row per form"
t_run 0 "catalogue --format json" -- ms -d "$db" catalogue --format json
reach() {	# form, list, voice
	python3 - "$OUT" "$1" "$2" "$3" <<'PY'
import json, sys
cat = json.load(open(sys.argv[1]))
form = {f["code"]: f for f in cat["forms"]}[sys.argv[2]]
sys.exit(0 if sys.argv[4] in form[sys.argv[3]] else 1)
PY
}
t_ok "a survey reaches vulnerable voices badly" -- reach survey reaches_badly vulnerable
t_ok "a survey reaches critical voices badly" -- reach survey reaches_badly critical
t_ok "experience interviews reach vulnerable voices well" -- reach experience_interview reaches_well vulnerable
t_ok "work visits reach vulnerable voices well" -- reach work_visit reaches_well vulnerable
t_eq "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["phases"]))' "$OUT")" 5 "the JSON has the five phases"

if locale -a 2>/dev/null | grep -qi '^nl_NL.utf8$'; then
	t_run 0 "catalogue in Dutch" -- env LC_ALL=nl_NL.UTF-8 "$MEERSTEM" -d "$db" catalogue
	t_has "$OUT" "Enquête" "form names are Dutch under nl_NL"
	t_has "$OUT" "kwetsbaar" "voice labels are Dutch under nl_NL"
else
	ok "# SKIP no nl_NL.UTF-8 locale"
fi

# Bad catalogues: error with file and line, nothing created or changed.
bad="$T/bad.ini"
new="$T/new.db"
try_bad() {	# description, expected message
	t_run 2 "$1 is an error" -- ms -d "$new" init --catalogue "$bad"
	t_has "$ERR" "$2" "$1: the message names file and line"
	t_ok "$1: no database is created" -- test ! -e "$new"
}
sed 's/^level = inform$/level = inspire/' "$shipped" >"$bad"
line=$(grep -n '^level = inspire' "$bad" | head -n 1 | cut -d: -f1)
try_bad "a bad level" "$bad:$line: bad level of involvement 'inspire': expected one of inform, advise, codecide, decide"
sed '0,/^cost = /{/^cost = /d}' "$shipped" >"$bad"
try_bad "a form without a cost" "lacks 'cost'"
printf '[form survey]\nname_nl = x\n' >"$bad"
try_bad "a catalogue without phases" "no phases or no forms"
printf '[phase a]\nname_nl = a\nname_en = a\n[form f]\nname_nl = f\nname_en = f\nphases = b\n' >"$bad"
try_bad "a form in an unknown phase" "$bad:7: unknown phase 'b'"
printf '[phase a]\nname_nl = a\nname_en = a\n[form f]\nreaches_well = vulnerable\nreaches_badly = vulnerable\n' >"$bad"
try_bad "a voice reached well and badly" "$bad:6: a voice is reached both well and badly"
printf '[phase a]\nname_nl = a\ncolour = red\n' >"$bad"
try_bad "an unknown key" "$bad:3: unknown key 'colour' in a phase"
printf '[phase A!]\nname_nl = a\n' >"$bad"
try_bad "a bad code" "$bad:2: bad code 'A!'"
# Found by fuzzing (tests/fuzz/regressions/catalogue): this crashed.
printf 'name_nl = x\n[phase a]\nname_nl = a\nname_en = a\n' >"$bad"
try_bad "a key before the first section" "$bad:1: 'name_nl' comes before the first [phase CODE] or [form CODE] section"

before=$(sha256sum <"$db")
sed 's/^level = inform$/level = inspire/' "$shipped" >"$bad"
t_run 2 "a bad catalogue for an existing database" -- ms -d "$db" init --catalogue "$bad"
t_eq "$(sha256sum <"$db")" "$before" "a bad catalogue leaves the database byte-identical"
finish
