# export --anonymise: pseudonyms for the people of the demo (the persons
# of the register and the commission's members), no contact details,
# names and contacts gone from the free text too; organisations keep
# their names; the files import again into an empty database with the
# same counts, and the pseudonyms are the same in every file and run.
. "$TESTS_SRCDIR/lib.sh"
db="$T/m.db"
demo="$MEERSTEM_DATADIR/demo"
kinds="stakeholders sessions attendance benchmarks participants members inputs"
ms -d "$db" init >/dev/null || exit 1
ms -d "$db" trajectory add AMS-2023 --title "Arbeidsmarkt" >/dev/null || exit 1
for k in $kinds; do
	ms -d "$db" import "$k" AMS-2023 "$demo/$k.csv" >/dev/null || exit 1
done
# A person with a contact, named in findings, an input and a reason, and
# a member named in findings: what the demo does not have.
sqlite3 "$db" "
update stakeholder set contact = 'kees.brouwer@example.nl; 06-12345678'
	where name = 'Kees Brouwer (fictief)';
update session set findings = findings || ' Kees BROUWER en Ingrid Oosterveld
vonden dit ook (mail kees.brouwer@example.nl).' where ref = 'S01';
update input set reason = 'Zo voorgesteld door Prof. dr. Hanneke Verbeek (fictief).'
	where rowid = (select min(rowid) from input);
update involvement set reason = reason || ' Bekend van Fatima El Amrani.'
	where stakeholder_id = (select id from stakeholder where name = 'FNV');" ||
	exit 1

mkdir "$T/out" "$T/again"
for k in $kinds; do
	t_run 0 "export $k --anonymise" -- ms -d "$db" export "$k" AMS-2023 \
	    --anonymise -o "$T/out/$k.csv"
done

# Every person of the demo and every member, by first and last name.
names=$(
	awk -F, 'NR > 1 && $2 == "person" { print $1 }' "$demo/stakeholders.csv"
	awk -F, 'NR > 1 { print $1 }' "$demo/members.csv")
[ "$(echo "$names" | wc -l)" -ge 14 ] || { echo "Bail out! the demo has fewer people"; exit 1; }
leaks=""
while IFS= read -r name; do
	name=${name% (fictief)}
	for word in $name; do
		case $word in *.|de|van|El|"") continue ;; esac
		grep -qiw -- "$word" "$T"/out/*.csv && leaks="$leaks $word"
	done
done <<EOF2
$names
EOF2
t_eq "${leaks:-none}" none "no part of a person's or member's name is left"
t_ok "no e-mail address is left" -- sh -c "! grep -q @ $T/out/*.csv"
t_lacks "$T/out/sessions.csv" "12345678" "no telephone number is left"
t_has "$T/out/sessions.csv" "(mail [contact])" "a contact in the findings is replaced"
t_has "$T/out/stakeholders.csv" "FNV,organisation" "organisations keep their names"
t_has "$T/out/stakeholders.csv" "Bekend van Person " "a name in a reason is replaced"
t_eq "$(awk -F, 'NR > 1 && $2 == "person"' "$T/out/stakeholders.csv" | grep -vc '^Person [0-9]*,')" 0 \
    "every person is named Person N"
t_eq "$(tail -n +2 "$T/out/members.csv" | grep -vc '^Member [0-9]*,')" 0 \
    "every member is named Member N"

# The same person, the same pseudonym: in attendance as in the register,
# in the findings as in the register, and in a second run.
kees=$(sqlite3 "$db" "select 'Person ' || id from stakeholder where name like 'Kees%'")
t_has "$T/out/sessions.csv" "$kees en Member " "the findings name the person's pseudonym"
t_has "$T/out/stakeholders.csv" "$kees,person" "the register names the same pseudonym"
verbeek=$(sqlite3 "$db" "select 'Person ' || id from stakeholder where name like '%Verbeek%'")
t_has "$T/out/attendance.csv" ",$verbeek," "attendance names the register's pseudonym"
t_has "$T/out/inputs.csv" "door $verbeek." "a name with titles and a remark is replaced whole"
ms -d "$db" export attendance AMS-2023 --anonymise -o "$T/attendance2.csv"
t_same "$T/out/attendance.csv" "$T/attendance2.csv" "a second run gives the same pseudonyms"

# Participants, benchmarks: no names, written as without the option.
ms -d "$db" export participants AMS-2023 -o "$T/participants.csv"
t_same "$T/out/participants.csv" "$T/participants.csv" "participants unchanged"

# It still imports, with the same counts.
adb="$T/again/m.db"
ms -d "$adb" init >/dev/null && ms -d "$adb" trajectory add AMS-2023 --title x >/dev/null
for k in $kinds; do
	t_run 0 "the anonymised $k imports" -- ms -d "$adb" import "$k" AMS-2023 "$T/out/$k.csv"
done
for table in stakeholder involvement session attendance participant benchmark member input; do
	t_eq "$(sqlite3 "$adb" "select count(*) from $table")" \
	    "$(sqlite3 "$db" "select count(*) from $table")" "the same number of $table rows"
done
t_run 0 "check passes on the imported copy" -- ms -d "$adb" check
t_eq "$(sqlite3 "$adb" "select count(*) from stakeholder where contact != ''")" 0 \
    "no contact came through"
t_eq "$(sqlite3 "$adb" "select count(*) from stakeholder where kind = 'person' and name not like 'Person %'")" 0 \
    "every person came through as Person N"

# JSON too; gaps cannot be anonymised; nothing is written on refusal.
t_run 0 "JSON --anonymise" -- ms -d "$db" export members AMS-2023 --anonymise --format json
t_has "$OUT" '"name": "Member 1"' "JSON carries the pseudonyms"
t_run 2 "gaps --anonymise is refused" -- ms -d "$db" export gaps AMS-2023 --anonymise -o "$T/gaps.csv"
t_has "$ERR" "cannot be anonymised" "and says why"
t_ok "no file is written" -- test ! -e "$T/gaps.csv"
finish
