# summary: the one-page summary as text and Markdown (golden files) and
# as a self-contained HTML page that validates as HTML5.
. "$TESTS_SRCDIR/lib.sh"
command -v sqlite3 >/dev/null || skip_all "the sqlite3 shell is not installed"
db="$T/m.db"
ms -d "$db" init >/dev/null || exit 1
sqlite3 "$db" <"$TESTS_SRCDIR/data/gaps.sql" || exit 1
export MEERSTEM_TODAY=2024-09-01
before=$(sha256sum <"$db")

t_run 0 "summary as text" -- ms -d "$db" summary GAP-1
t_golden "$OUT" "summary.text" "the text summary is as pinned"
t_run 0 "summary as Markdown" -- ms -d "$db" summary GAP-1 --format md
t_golden "$OUT" "summary.md" "the Markdown summary is as pinned"
t_has "$OUT" "# Summary of GAP-1: Werk \& zorg \<test\>" "Markdown escapes what would be markup"
t_run 0 "an empty trajectory has a summary too" -- ms -d "$db" summary EMPTY --format md
t_has "$OUT" "No gaps found." "the empty summary says there are no gaps"
t_has "$OUT" "| total | 0 | 0 |" "and counts nothing"

html="$T/out/summary.html"
mkdir -p "$T/out"
t_run 0 "summary as HTML into a file" -- ms -d "$db" summary GAP-1 --format html -o "$html"
t_eq "$(cat "$OUT")" "" "nothing goes to standard output"
t_eq "$(ls "$T/out")" "summary.html" "only the file is left, no temporary file"
t_ok "tidy finds no errors or warnings in the HTML" -- tidy -q -e "$html"
py=""
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import html5lib' 2>/dev/null; then py=$p; break; fi
done
if [ -n "$py" ]; then
	t_ok "html5lib parses the HTML strictly, without a parse error" -- "$py" -c '
import html5lib, sys
html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], "rb"))' "$html"
else
	ok "# SKIP python3-html5lib is not installed"
fi
t_eq "$(grep -Eic 'https?:|<link|<script|<img|<iframe|<object|src=|@import|url\(' "$html")" "0" \
	"the page refers to nothing outside itself"
t_eq "$(python3 - "$html" <<'PY'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.ids, self.stack, self.text = [], [], [], {}
        self.svg_titles = 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a and tag == "section":
            self.ids.append(a["id"])
        if tag == "title" and "svg" in self.stack:
            self.svg_titles += 1
        self.stack.append(tag)
    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass
    def handle_data(self, d):
        if self.stack:
            self.text.setdefault(self.stack[-1], []).append(d)
p = P()
src = open(sys.argv[1], encoding="utf-8").read()
p.feed(src)
print(src.startswith("<!DOCTYPE html>\n<html lang=\"en\">"),
      p.tags.count("h1"), " ".join(p.ids), p.tags.count("svg"),
      p.svg_titles, p.tags.count("li"), p.text["h1"][0],
      "@page { size: A4" in src, "@media print" in src)
PY
)" "True 1 trajectory commission matrix voices gaps inputs 2 2 15 Summary of GAP-1: Werk & zorg <test> True True" \
	"the page has its sections, two pictures with titles, the 15 gaps, an escaped title and A4 print rules"
t_has "$html" "<title>Summary of GAP-1: Werk &amp; zorg &lt;test&gt;</title>" "text is escaped"

# Refusals: status 2 or 4, the old file and the database untouched.
echo "old report" >"$T/out/keep.html"
t_run 2 "an unknown trajectory" -- ms -d "$db" summary NOPE -o "$T/out/keep.html"
t_has "$ERR" "no trajectory 'NOPE'" "the unknown code is named"
t_eq "$(cat "$T/out/keep.html")" "old report" "the existing file is left as it was"
t_run 2 "a bad format" -- ms -d "$db" summary GAP-1 --format csv
t_has "$ERR" "bad format 'csv': expected one of text,md,html" "the formats are named"
t_run 2 "a missing code" -- ms -d "$db" summary
t_has "$ERR" "missing trajectory code" "the missing code is named"
t_run 2 "-o without a file" -- ms -d "$db" summary GAP-1 -o
t_has "$ERR" "option '-o' needs an argument" "the missing file is named"
printf '[gaps]\nlate_phase = later\n' >"$T/c.ini"
t_run 2 "a late_phase that is no phase" -- ms -d "$db" -c "$T/c.ini" summary GAP-1
t_has "$ERR" "$T/c.ini:2: late_phase: unknown phase 'later'" "the configuration's line is named"
t_run 4 "an unwritable directory" -- ms -d "$db" summary GAP-1 -o "$T/none/s.html"
t_has "$ERR" "$T/none/s.html: cannot write" "the file is named"
t_eq "$(ls "$T/out")" "keep.html
summary.html" "failed runs leave no temporary files"
t_eq "$(sha256sum <"$db")" "$before" "the summary leaves the database byte-identical"
finish
