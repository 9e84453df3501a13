# Bad CSV files and bad import arguments: each is refused with exit
# status 2, a message naming file, line, column and reason, and leaves
# the database byte-identical (an import is all rows or none).
. "$TESTS_SRCDIR/lib.sh"
db="$T/m.db"
demo="$MEERSTEM_DATADIR/demo"
ms -d "$db" init >/dev/null || exit 1
ms -d "$db" trajectory add AMS-2023 --title "Arbeidsmarkt" >/dev/null || exit 1
for k in stakeholders sessions attendance; do
	ms -d "$db" import $k AMS-2023 "$demo/$k.csv" >/dev/null || exit 1
done
before=$(sha256sum <"$db")

# bad KIND DESCRIPTION MESSAGE CONTENT (printf format): the file is
# written to $T/bad.csv and imported as KIND.
bad() {
	local kind=$1 desc=$2 msg=$3
	shift 3
	# shellcheck disable=SC2059
	printf "$@" >"$T/bad.csv"
	t_run 2 "$desc is refused" -- ms -d "$db" import "$kind" AMS-2023 "$T/bad.csv"
	t_has "$ERR" "$T/bad.csv:$msg" "$desc: the message names line, column and reason"
	t_eq "$(sha256sum <"$db")" "$before" "$desc: the database is byte-identical"
}

bad stakeholders "an unknown column" "1:3: unknown column 'colour'; the columns are name, kind, category, voice, impact, influence, represented_by, reason, contact" \
	'name,voice,colour\nA,vulnerable,red\n'
bad stakeholders "a missing required column" "1: missing column 'name'" \
	'voice,kind\nvulnerable,group\n'
bad stakeholders "a bad code" "3:2: bad voice 'loud': expected one of vulnerable, critical, silent_majority, silent_middle, established, unknown" \
	'name,voice\nNew A,vulnerable\nNew B,loud\n'
bad stakeholders "a bad number" "2:3: bad number 'hoog' for impact: expected a whole number" \
	'name,voice,impact\nNew A,vulnerable,hoog\n'
bad stakeholders "a number out of range" "2:3: bad impact 5: expected 0 to 3" \
	'name,voice,impact\nNew A,vulnerable,5\n'
bad stakeholders "a bad delegation" "2:2: bad delegation 'unions'" \
	'name,represented_by\nNew A,unions\n'
bad sessions "a bad date" "3:4: bad date '2024-02-30': expected YYYY-MM-DD" \
	'ref,form,phase,date\nN1,survey,options,2024-02-28\nN2,survey,options,2024-02-30\n'
bad sessions "a bad date after a cell of three lines" "4:5: bad date '30-01-2024': expected YYYY-MM-DD" \
	'ref,form,phase,findings,date\nN1,survey,options,"een\ntwee\ndrie",30-01-2024\n'
bad sessions "an unknown form" "2:2: unknown form 'townhall': expected one of survey, expert_session" \
	'ref,form,phase\nN1,townhall,options\n'
bad sessions "a missing form" "2:2: a session needs a form" \
	'ref,form,phase\nN1,,options\n'
bad sessions "a negative count" "2:4: bad number of participants -3" \
	'ref,form,phase,participants\nN1,survey,options,-3\n'
bad sessions "an unterminated quote" "3:3: a quoted cell is not closed: the file ends inside it" \
	'ref,form,title,phase\nN1,survey,ok,options\nN2,survey,"open\nand on,options\n'
bad sessions "a stray quote" "2:3: a quote inside a cell that is not quoted" \
	'ref,form,title,phase\nN1,survey,De "beste",options\n'
bad sessions "invalid UTF-8" "2:3: invalid UTF-8 (byte 0xe9); if the file is in another encoding, name it, for example --encoding windows-1252" \
	'ref,form,title,phase\nN1,survey,caf\351,options\n'
bad sessions "a NUL byte" "2:3: contains a NUL byte" \
	'ref,form,title,phase\nN1,survey,a\000b,options\n'
bad sessions "a row with too many cells" "2: more cells than the 4 columns of the header" \
	'ref,form,title,phase\nN1,survey,t,options,extra\n'
bad sessions "a row with too few cells" "2: 3 cells, but the header has 4 columns" \
	'ref,form,title,phase\nN1,survey,t\n'
bad sessions "a column named twice" "1:3: column 'REF' appears twice (also column 1)" \
	'ref,form,REF,phase\n'
bad attendance "an unknown session" "2:1: no session 'S99' in AMS-2023" \
	'session,stakeholder\nS99,FNV\n'
bad attendance "a stakeholder not in the register" "3:2: no stakeholder 'Onbekende Bond' in the register" \
	'session,stakeholder\nS01,FNV\nS01,Onbekende Bond\n'
bad attendance "a bad role" "2:3: bad role 'chair'" \
	'session,stakeholder,role\nS01,FNV,chair\n'
bad attendance "no people" "2:3: bad number of people 0: expected 1 or more" \
	'session,stakeholder,people\nS01,FNV,0\n'
bad benchmarks "shares that do not add up" "3:3: dimension 'gender': the shares add up to 0.9; they must add up to 1 (within 0.01)" \
	'dimension,category,share\nage,jong,0.5\ngender,man,0.5\nage,oud,0.5\ngender,vrouw,0.4\n'
bad benchmarks "a share above 1" "2:3: bad share 1.5: expected a number from 0 to 1" \
	'dimension,category,share\nage,jong,1.5\n'
bad benchmarks "a share that is not a number" "2:3: bad number 'veel' for share" \
	'dimension,category,share\nage,jong,veel\n'
bad participants "a participants file without sessions" "1: missing column 'session'" \
	'age,gender\njong,man\n'
bad participants "a dimension named session twice" "1:2: column 'Session' appears twice" \
	'session,Session\nS06,x\n'
bad members "a member without a delegation" "2:2: Ann needs a delegation" \
	'name,delegation\nAnn,\n'
bad inputs "a rejected input without a reason" "2:4: a rejected input needs a reason" \
	'session,summary,disposition,reason\nS01,Doe iets,rejected,\n'
bad inputs "a bad reported date" "2:3: bad date '2023-1-1'" \
	'session,summary,reported_date\nS01,Doe iets,2023-1-1\n'
bad members "an empty file" " empty file; expected a header row naming the columns" ''

# Errors in the last row of a long file: nothing of the file is kept.
{ echo "name,voice"; for i in $(seq 1 500); do echo "Nieuw $i,unknown"; done; echo "Laatste,loud"; } >"$T/long.csv"
t_run 2 "an error in row 502" -- ms -d "$db" import stakeholders AMS-2023 "$T/long.csv"
t_has "$ERR" "long.csv:502:2: bad voice 'loud'" "the error is on its line"
t_eq "$(sha256sum <"$db")" "$before" "the 500 good rows before it are not kept"

# Arguments.
args() {	# status, description, message, arguments...
	local status=$1 desc=$2 msg=$3
	shift 3
	t_run "$status" "$desc is refused" -- ms -d "$db" "$@"
	t_has "$ERR" "$msg" "$desc: the message says why"
	t_eq "$(sha256sum <"$db")" "$before" "$desc: the database is byte-identical"
}
args 2 "an unknown kind" "unknown kind 'people': expected one of stakeholders, sessions, attendance, participants, benchmarks, members, inputs" import people AMS-2023 "$demo/members.csv"
args 2 "an unknown export kind" "unknown kind 'people': expected one of stakeholders, sessions, attendance, participants, benchmarks, members, inputs, matrix, gaps" export people AMS-2023
args 2 "an unknown trajectory" "no trajectory 'NOPE'" import members NOPE "$demo/members.csv"
args 2 "a missing file" "$T/nope.csv: No such file or directory" import members AMS-2023 "$T/nope.csv"
args 2 "a missing file argument" "missing file" import members AMS-2023
args 2 "a bad delimiter" "bad delimiter '|'" import members AMS-2023 "$demo/members.csv" --delimiter '|'
args 2 "an unknown encoding" "unknown encoding 'klingon'" import members AMS-2023 "$demo/members.csv" --encoding klingon
args 3 "an import into a read-only database" "opened read-only" --read-only import members AMS-2023 "$demo/members.csv"
args 2 "an unknown export kind" "unknown kind 'gapz'" export gapz AMS-2023
args 2 "a bad export format" "bad format 'xml'" export members AMS-2023 --format xml
args 2 "an export of an unknown trajectory" "no trajectory 'NOPE'" export members NOPE
# A delimiter that is not the file's: the whole header is one column.
args 2 "the wrong delimiter" "unknown column 'name,delegation'" import members AMS-2023 "$demo/members.csv" --delimiter ';'

# An export that cannot be written leaves no file and no temporary.
mkdir "$T/ro" && chmod 555 "$T/ro"
if [ "$(id -u)" = 0 ]; then
	ok "# SKIP root can write into a read-only directory"
else
	t_run 4 "an export into a read-only directory fails" -- ms -d "$db" export members AMS-2023 -o "$T/ro/m.csv"
fi
t_eq "$(ls -A "$T/ro")" "" "nothing is left in the directory"
finish
