# Command-line basics: --help, --version, usage errors and exit statuses.
. "$TESTS_SRCDIR/lib.sh"

t_run 0 "--help exits 0" -- ms --help
t_has "$OUT" "Usage: meerstem [OPTION]... [COMMAND [ARG]...]" "--help starts with a GNU usage line"
for c in "init" "trajectory add" "trajectory list" "trajectory show" "catalogue" "check" "backup" "erase"; do
	t_has "$OUT" "  $c " "--help lists '$c'"
done
t_run 0 "--version exits 0" -- ms --version
t_has "$OUT" "meerstem 0.1.0" "--version names program and version"
t_run 0 "-V is --version" -- ms -V
t_has "$OUT" "There is NO WARRANTY" "--version says there is no warranty"

t_run 2 "an unknown option is a usage error" -- ms --bogus
t_has "$ERR" "meerstem: unknown option '--bogus'" "the unknown option is named"
t_has "$ERR" "Try 'meerstem --help'" "a usage error points at --help"
t_run 2 "an unknown command is a usage error" -- ms frobnicate
t_has "$ERR" "unknown command 'frobnicate'" "the unknown command is named"
t_run 2 "a command group without a verb is a usage error" -- ms trajectory
t_has "$ERR" "Usage: meerstem trajectory add CODE --title TEXT" "the verbs of the group are listed"
t_run 2 "-d without a file is a usage error" -- ms trajectory list -d
t_run 2 "a missing option argument is reported" -- ms -d
t_has "$ERR" "option '-d' needs an argument" "the option lacking its argument is named"
t_run 2 "an empty database name is a usage error" -- ms -d "" trajectory list
t_has "$ERR" "the database file name is empty" "the empty name is named"
t_run 2 "--demo and -d exclude each other" -- ms --demo -d x.db trajectory list
t_run 2 "a command's unknown option is a usage error" -- ms -d "$T/x.db" catalogue --colour
t_has "$ERR" "meerstem: catalogue: unknown option '--colour'" "the command and option are named"
t_run 2 "an unexpected argument is a usage error" -- ms -d "$T/x.db" check extra
t_run 2 "a bad --format is a usage error" -- ms catalogue --format yaml
t_has "$ERR" "bad format 'yaml': expected one of text,csv,json" "the allowed formats are listed"
# Found by fuzzing (tests/fuzz/regressions/cli): this never returned.
t_run 2 "an empty --format is a usage error" -- timeout 10 "$MEERSTEM" catalogue --format=
t_has "$ERR" "bad format '': expected one of text,csv,json" "the empty format is refused"

# Dutch follows the locale.
if locale -a 2>/dev/null | grep -qi '^nl_NL.utf8$'; then
	t_run 0 "--help in Dutch" -- env LC_ALL=nl_NL.UTF-8 "$MEERSTEM" --help
	t_has "$OUT" "Gebruik: meerstem" "the usage line is Dutch under nl_NL"
	t_run 2 "errors in Dutch" -- env LC_ALL=nl_NL.UTF-8 "$MEERSTEM" frobnicate
	t_has "$ERR" "onbekende opdracht 'frobnicate'" "the error is Dutch under nl_NL"
else
	ok "# SKIP no nl_NL.UTF-8 locale (install locales and run locale-gen)"
fi
finish
