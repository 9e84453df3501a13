# The configuration file: defaults, warnings and errors with file and line.
. "$TESTS_SRCDIR/lib.sh"
db="$T/m.db"
ms -d "$db" init >/dev/null || exit 1
cfg="$T/c.ini"

printf '[gaps]\nimpact_threshold = 3\nfeedback_days = 10\n' >"$cfg"
t_run 0 "a good configuration is accepted" -- ms -d "$db" -c "$cfg" trajectory list
t_eq "$(cat "$ERR")" "" "a good configuration gives no warnings"

printf '[gaps]\nimpact_treshold = 3\n[colours]\ntitle = red\n[weather]\nsun = yes\n' >"$cfg"
t_run 0 "unknown keys are only warnings" -- ms -d "$db" -c "$cfg" trajectory list
t_has "$ERR" "meerstem: warning: $cfg:2: unknown key 'impact_treshold' in [gaps] ignored" "an unknown key is named with file and line"
t_has "$ERR" "$cfg:6: unknown section [weather] ignored" "an unknown section is named with file and line"
t_lacks "$ERR" "title" "keys of the interface's sections are left to the interface"

printf '; comment\n[gaps]\n\nimpact_threshold = 7\n' >"$cfg"
t_run 2 "an out-of-range value is an error" -- ms -d "$db" -c "$cfg" trajectory list
t_has "$ERR" "$cfg:4: impact_threshold: bad value '7': expected a whole number from 0 to 3" "the bad value is named with file, line and range"
printf '[gaps]\nunderrepresentation_ratio = lots\n' >"$cfg"
t_run 2 "a non-number is an error" -- ms -d "$db" -c "$cfg" trajectory list
t_has "$ERR" "$cfg:2: underrepresentation_ratio: bad value 'lots'" "the non-number is named"
printf '[gaps]\nlate_phase = Options!\n' >"$cfg"
t_run 2 "a bad code is an error" -- ms -d "$db" -c "$cfg" trajectory list
printf '[gaps]\nthis line has no equals sign\n' >"$cfg"
t_run 2 "a malformed line is an error" -- ms -d "$db" -c "$cfg" trajectory list
t_has "$ERR" "$cfg:2: expected [section] or key = value" "the malformed line is named"
printf '[gaps]\nfeedback_days = 10\n  20\n' >"$cfg"
t_run 2 "a continuation line is an error" -- ms -d "$db" -c "$cfg" trajectory list
t_has "$ERR" "$cfg:3: feedback_days: a value takes one line" "the continuation is named"
printf '[gaps]\nfeedback_days = 1\0 0\n' >"$cfg"
t_run 2 "a NUL byte is an error" -- ms -d "$db" -c "$cfg" trajectory list
t_has "$ERR" "$cfg:2: contains a NUL byte" "the NUL byte's line is named"
printf '[gaps]\nlate_phase = caf\351\n' >"$cfg"
t_run 2 "invalid UTF-8 is an error" -- ms -d "$db" -c "$cfg" trajectory list
t_has "$ERR" "$cfg:2:17: invalid UTF-8" "the invalid byte's line and column are named"
printf '[gaps]\rimpact_threshold = 9\r' >"$cfg"
t_run 2 "old Mac line ends (a lone CR) are an error" -- ms -d "$db" -c "$cfg" trajectory list
t_has "$ERR" "$cfg:1:7: a carriage return inside the line" "the lone CR's line and column are named"
printf '[gaps]\r\nimpact_threshold = 9\r\n' >"$cfg"
t_run 2 "CRLF line ends are read as line ends" -- ms -d "$db" -c "$cfg" trajectory list
t_has "$ERR" "$cfg:2: impact_threshold: bad value '9'" "the value on the CRLF line is judged"
printf '\357\273\277[gaps]\nimpact_threshold = 9\n' >"$cfg"
t_run 2 "a byte-order mark is skipped" -- ms -d "$db" -c "$cfg" trajectory list
t_has "$ERR" "$cfg:2: impact_threshold: bad value '9'" "the section after the byte-order mark is read"

# inih splits lines longer than its buffer into a phantom key; a long
# value must be read whole and judged as one value.
{ printf '[gaps]\nlate_phase = '; head -c 300 /dev/zero | tr '\0' a; printf '\nfeedback_days = 5\n'; } >"$cfg"
t_run 2 "a 300-byte value is read whole" -- ms -d "$db" -c "$cfg" trajectory list
t_has "$ERR" "$cfg:2: late_phase: bad value" "the long value is judged as the value it is"
t_lacks "$ERR" "unknown key" "no phantom key appears"
{ printf '[gaps]\n; '; head -c 300 /dev/zero | tr '\0' x; printf '\nfeedback_days = 5\n'; } >"$cfg"
t_run 0 "a 300-byte comment is harmless" -- ms -d "$db" -c "$cfg" trajectory list
{ printf '[gaps]\n; '; head -c 70000 /dev/zero | tr '\0' x; printf '\n'; } >"$cfg"
t_run 2 "a line longer than 64 KiB is an error" -- ms -d "$db" -c "$cfg" trajectory list
t_has "$ERR" "$cfg:2: line longer than" "the overlong line is named"

t_run 2 "a missing -c file is an error" -- ms -d "$db" -c "$T/none.ini" trajectory list
t_has "$ERR" "$T/none.ini: No such file or directory" "the missing file is named"

mkdir -p "$XDG_CONFIG_HOME/meerstem"
printf '[gaps]\nfeedback_days = -1\n' >"$XDG_CONFIG_HOME/meerstem/config.ini"
t_run 2 "the XDG configuration is read" -- ms -d "$db" trajectory list
t_has "$ERR" "$XDG_CONFIG_HOME/meerstem/config.ini:2: feedback_days" "the XDG file is named in its error"
t_run 0 "-c overrides the XDG configuration" -- ms -d "$db" -c "$MEERSTEM_DATADIR/config.ini" trajectory list
t_eq "$(cat "$ERR")" "" "the shipped example configuration is clean"
finish
