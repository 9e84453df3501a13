# erase: one stakeholder's personal data, everywhere: the register, every
# mention in free text, the change log, the file's free pages and -wal,
# the automatic backups. Checked in the bytes of the files.
. "$TESTS_SRCDIR/lib.sh"
db="$T/m.db"
ms -d "$db" init >/dev/null &&
ms -d "$db" trajectory add AMS-2023 --title "Arbeidsmarkt" >/dev/null || exit 1

# The register, a session and an input as an import would leave them,
# and change-log entries that name the person.
sqlite3 "$db" "
insert into stakeholder (name, name_key, kind, contact) values
	('Jan de Vries', 'jan de vries', 'person', 'jan.devries@example.nl; 06-12345678'),
	('FNV', 'fnv', 'organisation', 'info@fnv.nl');
insert into involvement (trajectory_id, stakeholder_id, impact, reason) values
	(1, 1, 3, 'Jan de Vries werkt als invalkracht'),
	(1, 2, 2, 'vakbond');
insert into session (trajectory_id, ref, form_id, phase_id, title, status, findings)
	select 1, 'S1', f.id, p.id, 'Gesprek met Jan de Vries', 'held',
	'Volgens JAN DE VRIES (bel 06-12345678 of mail jan.devries@example.nl) is de werkdruk hoog. '
	|| hex(zeroblob(3000))
	from form f, phase p where f.code = 'work_visit' and p.code = 'diagnosis';
insert into attendance (session_id, stakeholder_id) values (1, 1), (1, 2);
insert into input (trajectory_id, session_id, summary) values
	(1, 1, 'Jan de Vries: meer tijd voor inwerken');
insert into change_log (who, trajectory, action, subject, detail) values
	('staf', 'AMS-2023', 'stakeholder.add', 'Jan de Vries', 'jan.devries@example.nl; 06-12345678');
" || exit 1
ms -d "$db" backup "$db.bak-v1" >/dev/null || exit 1
cp "$db" "$T/kept.db"

# Every file of the database whose bytes contain TEXT (ignoring case).
holding() {	# TEXT
	local f
	for f in "$db" "$db-wal" "$db.bak-v1"; do
		[ -e "$f" ] && LC_ALL=C grep -qaiF -- "$1" "$f" && echo "$f"
	done
	return 0
}
t_eq "$(holding 'jan de vries' | wc -l)" 2 "before: the database and its backup hold the name"

before=$(sha256sum <"$db")
t_run 2 "erasing an unknown stakeholder is refused" -- ms -d "$db" erase "Piet Puk"
t_has "$ERR" "no stakeholder 'Piet Puk'" "the message names the unknown stakeholder"
t_run 3 "erase needs a writable database" -- ms --read-only -d "$db" erase "Jan de Vries"
t_eq "$(sha256sum <"$db")" "$before" "a refused erase leaves the database byte-identical"
t_run 2 "erase needs a name" -- ms -d "$db" erase

t_run 0 "erase a person, named in another case" -- ms -d "$db" erase "  jan DE vries "
t_has "$OUT" "the register entry is now '[erased 1]'" "erase names the pseudonym"
t_has "$OUT" "1 automatic backups scrubbed" "erase scrubbed the automatic backup"
for text in 'jan de vries' 'jan.devries@example.nl' '06-12345678'; do
	t_eq "$(holding "$text")" "" "no file holds '$text' any more"
done
t_ok "the -wal file is emptied" -- test ! -s "$db-wal"

q() { sqlite3 -separator '|' "$1" "$2"; }
t_eq "$(q "$db" "select name, contact, kind from stakeholder where id = 1")" "[erased 1]||person" \
	"the register entry keeps its place under the pseudonym, without contact"
t_eq "$(q "$db" "select reason from involvement where stakeholder_id = 1")" "[erased 1] werkt als invalkracht" \
	"its involvement's reason names the pseudonym"
t_eq "$(q "$db" "select title from session")" "Gesprek met [erased 1]" "the session title is rewritten"
t_has "$(q "$db" "select findings from session" >"$T/findings"; echo "$T/findings")" \
	"Volgens [erased 1] (bel [erased 1] of mail [erased 1]) is de werkdruk hoog." \
	"the findings name neither the person nor the contact"
t_eq "$(q "$db" "select summary from input")" "[erased 1]: meer tijd voor inwerken" "the input is rewritten"
t_eq "$(q "$db" "select subject || '|' || detail from change_log where action = 'stakeholder.add'")" \
	"[erased 1]|[erased 1]; [erased 1]" "the change log no longer names the person"
t_eq "$(q "$db" "select subject from change_log where action = 'stakeholder.erase'")" "[erased 1]" \
	"the erasure is logged under the pseudonym"
t_eq "$(q "$db" "select name || '|' || contact from stakeholder where id = 2")" "FNV|info@fnv.nl" \
	"other stakeholders keep their data"
t_eq "$(q "$db" "select reason from involvement where stakeholder_id = 2")" "vakbond" "other reasons are kept"
t_eq "$(q "$db" "select count(*) from attendance")" 2 "attendance is kept, so the gap check keeps its meaning"
t_eq "$(q "$db.bak-v1" "select name || '|' || contact from stakeholder where id = 1")" "[erased 1]|" \
	"the automatic backup is scrubbed the same way"
t_run 0 "the database passes check after erase" -- ms -d "$db" check
t_eq "$(sqlite3 "$db.bak-v1" 'pragma integrity_check')" ok "the scrubbed backup is intact"
t_run 2 "the erased name is gone from the register" -- ms -d "$db" erase "Jan de Vries"

# Whole words only: a longer word that begins with the name is kept.
sqlite3 "$T/kept.db" "update session set findings = 'Jan de Vriesland en jan de vries, Jan de Vries-Smit.'"
t_run 0 "erase in a second database" -- ms -d "$T/kept.db" erase "Jan de Vries"
t_eq "$(q "$T/kept.db" "select findings from session")" "Jan de Vriesland en [erased 1], [erased 1]-Smit." \
	"only whole-word mentions are replaced"
finish
