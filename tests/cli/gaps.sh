# gaps: the gap check of a small trajectory in which every rule fires
# (tests/data/gaps.sql), pinned by golden files, and its refusals.
. "$TESTS_SRCDIR/lib.sh"
command -v sqlite3 >/dev/null || skip_all "the sqlite3 shell is not installed"
db="$T/m.db"
ms -d "$db" init >/dev/null || exit 1
sqlite3 "$db" <"$TESTS_SRCDIR/data/gaps.sql" || exit 1
export MEERSTEM_TODAY=2024-09-01
before=$(sha256sum <"$db")

for f in text csv json; do
	t_run 1 "gaps --format $f exits 1 when it finds gaps" -- ms -d "$db" gaps GAP-1 --format $f
	t_golden "$OUT" "gaps.$f" "the $f output is as pinned"
	cp "$OUT" "$T/gaps.$f"
done
t_run 1 "text is the default" -- ms -d "$db" gaps GAP-1
t_same "$OUT" "$T/gaps.text" "without --format the output is text"
t_eq "$(head -n 1 "$T/gaps.csv")" "code,severity,subject,detail,suggestion" "the CSV header is the contract's"
t_has "$T/gaps.csv" "INPUT_UNANSWERED,low,'-Minder uren," "a subject that a spreadsheet would run is guarded"
t_has "$T/gaps.csv" "UNHEARD,high,Schoonmakers in zorginstellingen," "rows start with code and severity"
t_has "$T/gaps.csv" ",work_visit experience_interview" "suggestions are form codes, cheapest first"
t_lacks "$T/gaps.text" "UNHEARD" "the text shows labels, not codes"
t_eq "$(python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))
order = {"high": 0, "medium": 1, "low": 2}
keys = {tuple(r) for r in rows}
sev = [order[r["severity"]] for r in rows]
codes = sorted({r["code"] for r in rows})
print(len(rows), keys, sev == sorted(sev), " ".join(codes))' "$T/gaps.json")" \
	"15 {('code', 'severity', 'subject', 'detail', 'suggestion')} True DELEGATION_IMBALANCE INPUT_UNANSWERED LATE NO_FEEDBACK UNDERREPRESENTED UNHEARD UNSUITED_FORM VOICE_MISSING" \
	"the JSON has 15 findings of all eight codes, with the contract's keys, most severe first"

# Nothing found: exit 0.
t_run 0 "a trajectory without gaps exits 0" -- ms -d "$db" gaps EMPTY
t_eq "$(cat "$OUT")" "Gap check of EMPTY, Nothing recorded yet: no gaps found." "the text says so"
t_run 0 "an empty CSV" -- ms -d "$db" gaps EMPTY --format csv
t_eq "$(cat "$OUT")" "code,severity,subject,detail,suggestion" "an empty CSV has its header"
t_run 0 "an empty JSON" -- ms -d "$db" gaps EMPTY --format json
t_eq "$(tr -d ' \n' <"$OUT")" "[]" "an empty JSON is an empty array"

# Today decides what is overdue: 42 days after S2 is still in time.
MEERSTEM_TODAY=2024-04-12 t_run 1 "an earlier today" -- ms -d "$db" gaps GAP-1 --format csv
t_lacks "$OUT" "NO_FEEDBACK,medium,S2" "feedback 42 days after the session is not late"
MEERSTEM_TODAY=2024-04-13 t_run 1 "a day later" -- ms -d "$db" gaps GAP-1 --format csv
t_has "$OUT" "NO_FEEDBACK,medium,S2," "43 days after the session feedback is late"

# The thresholds come from [gaps] in the configuration.
cfg="$T/c.ini"
printf '[gaps]\nimpact_threshold = 3\nlate_phase = adoption\nfeedback_days = 200\nunderrepresentation_ratio = 0.5\ndelegation_max_ratio = 2\n' >"$cfg"
t_run 1 "thresholds from the configuration" -- ms -d "$db" -c "$cfg" gaps GAP-1 --format csv
t_lacks "$OUT" "Kritische leraren" "impact_threshold 3 spares impact 2"
t_has "$OUT" "UNHEARD,high,Schoonmakers in zorginstellingen" "impact 3 is still unheard"
t_lacks "$OUT" "LATE," "late_phase adoption makes the options phase timely"
t_lacks "$OUT" "NO_FEEDBACK," "feedback_days 200 makes 184 days in time"
t_lacks "$OUT" "age_band=18-34" "ratio 0.50 is not below 0.5 times the benchmark"
t_has "$OUT" "education=laag" "education=laag is still below it"
t_lacks "$OUT" "DELEGATION_IMBALANCE" "4 over 2 is not beyond a limit of 2"

# The thresholds are numbers with a point in any locale: a Dutch
# locale finds the same gaps (the defaults and a configured ratio).
if locale -a 2>/dev/null | grep -qi '^nl_NL.utf8$'; then
	LC_ALL=nl_NL.UTF-8 t_run 1 "gaps under a Dutch locale" -- ms -d "$db" gaps GAP-1 --format csv
	t_eq "$(cut -d, -f1-3 "$OUT")" "$(cut -d, -f1-3 "$T/gaps.csv")" "the same gaps as under an English locale"
	printf '[gaps]\nunderrepresentation_ratio = 0.5\n' >"$cfg"
	LC_ALL=nl_NL.UTF-8 t_run 1 "a ratio in the configuration under a Dutch locale" -- ms -d "$db" -c "$cfg" gaps GAP-1 --format csv
	t_lacks "$OUT" "age_band=18-34" "the ratio 0.5 is read as a half"
else
	ok "# SKIP the nl_NL.UTF-8 locale is not installed"
fi

# Refusals: a clear message, status 2, the database unchanged.
printf '[gaps]\n\nlate_phase = drafting\n' >"$cfg"
t_run 2 "a late_phase that is no phase is refused" -- ms -d "$db" -c "$cfg" gaps GAP-1
t_has "$ERR" "meerstem: $cfg:3: late_phase: unknown phase 'drafting': expected one of orientation, diagnosis, options, adoption, followup" "the message names file, line and the phases"
t_eq "$(cat "$OUT")" "" "nothing is written"
t_run 2 "an unknown trajectory" -- ms -d "$db" gaps NOPE
t_has "$ERR" "no trajectory 'NOPE'" "the unknown code is named"
t_run 2 "a bad format" -- ms -d "$db" gaps GAP-1 --format html
t_has "$ERR" "bad format 'html': expected one of text,csv,json" "the formats are named"
t_run 2 "a missing code" -- ms -d "$db" gaps
t_has "$ERR" "missing trajectory code" "the missing code is named"
t_run 2 "two codes" -- ms -d "$db" gaps GAP-1 EMPTY
t_has "$ERR" "unexpected argument 'EMPTY'" "the extra argument is named"
MEERSTEM_TODAY=2024-02-30 t_run 2 "a bad MEERSTEM_TODAY" -- ms -d "$db" gaps GAP-1
t_has "$ERR" "MEERSTEM_TODAY: bad date '2024-02-30'" "the bad date is named"
t_run 1 "--read-only can check" -- ms --read-only -d "$db" gaps GAP-1 --format csv
t_same "$OUT" "$T/gaps.csv" "read-only gives the same findings"

# export gaps: the same findings, written like any export.
t_run 0 "export gaps exits 0 whatever it finds" -- ms -d "$db" export gaps GAP-1 -o "$T/export-gaps.csv"
t_same "$T/export-gaps.csv" "$T/gaps.csv" "export gaps writes what gaps --format csv prints"
t_run 0 "export gaps as JSON" -- ms -d "$db" export gaps GAP-1 --format json
t_eq "$(python3 -c 'import json,sys; print(sorted(json.load(open(sys.argv[1]))[0]))' "$OUT")" \
	"['code', 'detail', 'severity', 'subject', 'suggestion']" "the JSON objects have the contract's keys"
t_run 2 "export gaps with semicolons is refused" -- ms -d "$db" export gaps GAP-1 --delimiter ';'
t_eq "$(sha256sum <"$db")" "$before" "the gap check leaves the database byte-identical"
finish
