/* cmd-trajectory.c: trajectory add, list and show. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/catalogue.h"
#include "../core/db.h"
#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/json.h"
#include "../core/out.h"
#include "../core/trajectory.h"
#include "../core/vocab.h"
#include "commands.h"

static int
copy_code(struct cli *cli, char *dst, size_t size, const char *what,
    const char *value)
{
	if (strlen(value) >= size)
		return cli_usage(cli, _("%s '%s' is too long"), what, value);
	strcpy(dst, value);
	return ST_OK;
}

static int
add(struct cli *cli, int argc, char **argv)
{
	enum { O_TITLE = 1, O_COMMISSION, O_PHASE, O_QUESTION, O_REQUESTER,
	    O_START, O_DUE };
	static const struct option longopts[] = {
		{ "title", required_argument, NULL, O_TITLE },
		{ "commission", required_argument, NULL, O_COMMISSION },
		{ "phase", required_argument, NULL, O_PHASE },
		{ "question", required_argument, NULL, O_QUESTION },
		{ "requester", required_argument, NULL, O_REQUESTER },
		{ "start", required_argument, NULL, O_START },
		{ "due", required_argument, NULL, O_DUE },
		{ NULL, 0, NULL, 0 }
	};
	struct trajectory t = { 0 };
	const char *text[O_DUE + 1] = { 0 };
	int c, rc;

	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c < O_TITLE || c > O_DUE)
			return cli_bad_option(cli, c, argv);
		text[c] = optarg;
	}
	if (optind + 1 != argc)
		return cli_usage(cli, "%s", optind == argc ?
		    _("missing trajectory code") : _("too many arguments"));
	if (text[O_TITLE] == NULL)
		return cli_usage(cli, "%s", _("missing --title"));
	if ((rc = copy_code(cli, t.code, sizeof t.code, _("code"), argv[optind])) ||
	    (text[O_PHASE] != NULL && (rc = copy_code(cli, t.phase,
	    sizeof t.phase, _("phase"), text[O_PHASE]))) ||
	    (text[O_START] != NULL && (rc = copy_code(cli, t.start_date,
	    sizeof t.start_date, _("date"), text[O_START]))) ||
	    (text[O_DUE] != NULL && (rc = copy_code(cli, t.due_date,
	    sizeof t.due_date, _("date"), text[O_DUE]))))
		return rc;
	t.title = strdup(text[O_TITLE]);
	t.commission = strdup(text[O_COMMISSION] ? text[O_COMMISSION] : "");
	t.question = strdup(text[O_QUESTION] ? text[O_QUESTION] : "");
	t.requester = strdup(text[O_REQUESTER] ? text[O_REQUESTER] : "");
	if (t.title == NULL || t.commission == NULL || t.question == NULL ||
	    t.requester == NULL)
		rc = cli_report(err_set(ST_FAIL, "%s", _("out of memory")));
	else if ((rc = cli_open(cli, 0)) == ST_OK)
		rc = cli_report(trajectory_add(cli->db, &t));
	trajectory_free(&t);
	return rc;
}

/* --format with the formats of the running command. */
static int
format_only(struct cli *cli, int argc, char **argv, const char *allowed,
    enum out_format *f, int positional)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	*f = OUT_TEXT;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c != 'f')
			return cli_bad_option(cli, c, argv);
		if ((rc = cli_format(cli, optarg, allowed, f)) != ST_OK)
			return rc;
	}
	if (argc - optind < positional)
		return cli_usage(cli, "%s", _("missing trajectory code"));
	if (argc - optind > positional)
		return cli_usage(cli, _("unexpected argument '%s'"),
		    argv[optind + positional]);
	return ST_OK;
}

static const struct out_col list_cols[] = {
	{ "code", N_("code"), 0 },
	{ "title", N_("title"), 0 },
	{ "phase", N_("phase"), 0 },
	{ "status", N_("status"), 0 },
	{ "commission", N_("commission"), 0 },
	{ "start_date", N_("start"), 0 },
	{ "due_date", N_("due"), 0 },
};
#define NLIST (int)(sizeof list_cols / sizeof list_cols[0])

struct listing {
	struct out *out;
	enum out_format f;
	struct catalogue cat;
};

static int
list_one(const struct trajectory *t, void *arg)
{
	struct listing *l = arg;
	int p = catalogue_phase_index(&l->cat, t->phase);
	int text = l->f == OUT_TEXT;
	const char *cells[NLIST] = {
		t->code, t->title,
		text && p >= 0 ? catalogue_phase_name(&l->cat.phases[p]) : t->phase,
		text ? vocab_label(&vocab_trajectory_status, t->status) : t->status,
		t->commission, t->start_date, t->due_date
	};

	return out_row(l->out, cells);
}

static int
list(struct cli *cli, int argc, char **argv)
{
	struct out_col cols[NLIST];
	struct listing l;
	int i, rc;

	if ((rc = format_only(cli, argc, argv, "text,csv,json", &l.f, 0)) != ST_OK)
		return rc;
	if ((rc = cli_open(cli, 0)) != ST_OK)
		return rc;
	if ((rc = catalogue_read_db(&l.cat, cli->db)) != ST_OK)
		return cli_report(rc);
	for (i = 0; i < NLIST; i++) {
		cols[i] = list_cols[i];
		cols[i].label = _(list_cols[i].label);
	}
	if ((l.out = out_begin(stdout, l.f, cols, NLIST)) == NULL)
		rc = err_status();
	else if ((rc = trajectory_each(cli->db, list_one, &l)) != ST_OK)
		out_abort(l.out);
	else
		rc = out_end(l.out);
	catalogue_free(&l.cat);
	return cli_report(rc);
}

static void
show_text(const struct trajectory *t, const struct trajectory_counts *c,
    const char *phase_name)
{
	printf("%s  %s\n", t->code, t->title);
	printf("%-14s %s\n", _("Phase:"), phase_name);
	printf("%-14s %s\n", _("Status:"),
	    vocab_label(&vocab_trajectory_status, t->status));
	if (*t->commission)
		printf("%-14s %s\n", _("Commission:"), t->commission);
	if (*t->requester)
		printf("%-14s %s\n", _("Requester:"), t->requester);
	if (*t->question)
		printf("%-14s %s\n", _("Question:"), t->question);
	if (*t->start_date)
		printf("%-14s %s\n", _("Start:"), t->start_date);
	if (*t->due_date)
		printf("%-14s %s\n", _("Due:"), t->due_date);
	printf(_("Stakeholders:  %ld, of whom %ld heard\n"), c->stakeholders,
	    c->heard);
	printf(_("Sessions:      %ld held, %ld planned, %ld cancelled\n"),
	    c->sessions_held, c->sessions_planned, c->sessions_cancelled);
	printf(_("Inputs:        %ld, %ld open, %ld not reported back\n"),
	    c->inputs, c->inputs_open, c->inputs_unreported);
	printf(_("Participants:  %ld profiles\n"), c->participants);
	printf(_("Members:       %ld\n"), c->members);
}

static int
show_json(const struct trajectory *t, const struct trajectory_counts *c)
{
	struct json j;

	json_init(&j, stdout, 1);
	json_begin_object(&j);
	json_member_string(&j, "code", t->code);
	json_member_string(&j, "title", t->title);
	json_member_string(&j, "question", t->question);
	json_member_string(&j, "commission", t->commission);
	json_member_string(&j, "requester", t->requester);
	json_member_string(&j, "phase", t->phase);
	json_member_string(&j, "status", t->status);
	json_member_string(&j, "start_date", *t->start_date ? t->start_date : NULL);
	json_member_string(&j, "due_date", *t->due_date ? t->due_date : NULL);
	json_key(&j, "counts");
	json_begin_object(&j);
	json_member_int(&j, "stakeholders", c->stakeholders);
	json_member_int(&j, "heard", c->heard);
	json_member_int(&j, "sessions_held", c->sessions_held);
	json_member_int(&j, "sessions_planned", c->sessions_planned);
	json_member_int(&j, "sessions_cancelled", c->sessions_cancelled);
	json_member_int(&j, "inputs", c->inputs);
	json_member_int(&j, "inputs_open", c->inputs_open);
	json_member_int(&j, "inputs_unreported", c->inputs_unreported);
	json_member_int(&j, "participants", c->participants);
	json_member_int(&j, "members", c->members);
	json_end_object(&j);
	json_end_object(&j);
	return json_finish(&j);
}

static int
show(struct cli *cli, int argc, char **argv)
{
	struct trajectory t;
	struct trajectory_counts c;
	struct catalogue cat;
	enum out_format f;
	int rc, p;

	if ((rc = format_only(cli, argc, argv, "text,json", &f, 1)) != ST_OK)
		return rc;
	if ((rc = cli_open(cli, 0)) != ST_OK)
		return rc;
	if ((rc = trajectory_get(cli->db, argv[optind], &t)) != ST_OK)
		return cli_report(rc);
	if ((rc = trajectory_counts(cli->db, t.id, &c)) == ST_OK &&
	    (rc = catalogue_read_db(&cat, cli->db)) == ST_OK) {
		if (f == OUT_JSON)
			rc = show_json(&t, &c);
		else {
			p = catalogue_phase_index(&cat, t.phase);
			show_text(&t, &c, p >= 0 ?
			    catalogue_phase_name(&cat.phases[p]) : t.phase);
			if (fflush(stdout) != 0 || ferror(stdout))
				rc = err_sys(ST_FAIL, "%s",
				    _("cannot write to standard output"));
		}
		catalogue_free(&cat);
	}
	trajectory_free(&t);
	return cli_report(rc);
}

const struct command cmd_trajectory_add = {
	"trajectory add",
	"CODE --title TEXT [--commission TEXT] [--phase PHASE] [--question TEXT]"
	" [--requester TEXT] [--start DATE] [--due DATE]",
	N_("add an advisory trajectory"),
	add
};

const struct command cmd_trajectory_list = {
	"trajectory list", "[--format text|csv|json]",
	N_("list the trajectories"),
	list
};

const struct command cmd_trajectory_show = {
	"trajectory show", "CODE [--format text|json]",
	N_("show a trajectory with its counts"),
	show
};
