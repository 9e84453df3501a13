/* cmd-catalogue.c: print the catalogue of phases and forms, from the
 * database when there is one, else from the shipped file. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/catalogue.h"
#include "../core/csvw.h"
#include "../core/db.h"
#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/json.h"
#include "../core/out.h"
#include "../core/paths.h"
#include "../core/vocab.h"
#include "commands.h"

/* "vulnerable, critical" from voice bits; labels in text. */
static void
voices(char *buf, size_t size, unsigned bits, int labels, const char *sep)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; vocab_voice.codes[i] != NULL; i++)
		if (bits & (1u << i))
			len += (size_t)snprintf(buf + len, len < size ? size - len : 0,
			    "%s%s", len > 0 ? sep : "", labels ?
			    vocab_label(&vocab_voice, vocab_voice.codes[i]) :
			    vocab_voice.codes[i]);
}

static void
phases(char *buf, size_t size, const struct catalogue *cat, unsigned bits,
    const char *sep)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < cat->n_phases; i++)
		if (bits & (1u << i))
			len += (size_t)snprintf(buf + len, len < size ? size - len : 0,
			    "%s%s", len > 0 ? sep : "", cat->phases[i].code);
}

static int
print_text(const struct catalogue *cat)
{
	static const struct out_col cols[] = {
		{ "code", N_("form"), 0 }, { "name", N_("name"), 0 },
		{ "level", N_("level"), 0 }, { "representative", N_("repr."), 0 },
		{ "commitment", N_("commitment"), 0 }, { "effort", N_("effort"), 0 },
		{ "cost", N_("cost"), 0 }, { "reaches_well", N_("reaches well"), 0 },
		{ "reaches_badly", N_("reaches badly"), 0 },
	};
	struct out_col c[9];
	char good[256], bad[256];
	struct out *o;
	size_t i;
	int rc = ST_OK;

	for (i = 0; i < 9; i++) {
		c[i] = cols[i];
		c[i].label = _(cols[i].label);
	}
	if ((o = out_begin(stdout, OUT_TEXT, c, 9)) == NULL)
		return err_status();
	for (i = 0; i < cat->n_forms && rc == ST_OK; i++) {
		const struct cat_form *f = &cat->forms[i];
		const char *cells[9];

		voices(good, sizeof good, f->reach_good, 1, ", ");
		voices(bad, sizeof bad, f->reach_bad, 1, ", ");
		cells[0] = f->code;
		cells[1] = catalogue_form_name(f);
		cells[2] = vocab_label(&vocab_level, f->level);
		cells[3] = vocab_label(&vocab_representative, f->representative);
		cells[4] = vocab_label(&vocab_degree, f->commitment);
		cells[5] = vocab_label(&vocab_degree, f->effort);
		cells[6] = vocab_label(&vocab_degree, f->cost);
		cells[7] = good;
		cells[8] = bad;
		rc = out_row(o, cells);
	}
	if (rc != ST_OK) {
		out_abort(o);
		return rc;
	}
	return out_end(o);
}

static int
print_csv(const struct catalogue *cat)
{
	static const char *const head[] = { "code", "name_nl", "name_en",
	    "level", "representative", "commitment", "effort", "cost", "phases",
	    "reaches_well", "reaches_badly", "purpose", "pros", "cons" };
	char good[256], bad[256], ph[512];
	size_t i;
	int rc = csvw_row(stdout, ',', head, 14);

	for (i = 0; i < cat->n_forms && rc == ST_OK; i++) {
		const struct cat_form *f = &cat->forms[i];
		const char *cells[14] = { f->code, f->name_nl, f->name_en, f->level,
		    f->representative, f->commitment, f->effort, f->cost, ph, good,
		    bad, f->purpose, f->pros, f->cons };

		phases(ph, sizeof ph, cat, f->phases, " ");
		voices(good, sizeof good, f->reach_good, 0, " ");
		voices(bad, sizeof bad, f->reach_bad, 0, " ");
		rc = csvw_row(stdout, ',', cells, 14);
	}
	if (rc == ST_OK && fflush(stdout) != 0)
		rc = err_sys(ST_FAIL, "%s", _("cannot write to standard output"));
	return rc;
}

static void
json_codes(struct json *j, const char *key, const char *const *codes,
    unsigned bits, size_t n)
{
	size_t i;

	json_key(j, key);
	json_begin_array(j);
	for (i = 0; i < n; i++)
		if (bits & (1u << i))
			json_string(j, codes[i]);
	json_end_array(j);
}

static void
json_lines(struct json *j, const char *key, const char *text)
{
	const char *p = text, *nl;
	char *line;

	json_key(j, key);
	json_begin_array(j);
	while (p != NULL && *p != '\0') {
		nl = strchr(p, '\n');
		line = strndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		json_string(j, line != NULL ? line : "");
		free(line);
		p = nl != NULL ? nl + 1 : NULL;
	}
	json_end_array(j);
}

static int
print_json(const struct catalogue *cat)
{
	const char *phase_codes[32];
	struct json j;
	size_t i;

	for (i = 0; i < cat->n_phases; i++)
		phase_codes[i] = cat->phases[i].code;
	json_init(&j, stdout, 1);
	json_begin_object(&j);
	json_key(&j, "phases");
	json_begin_array(&j);
	for (i = 0; i < cat->n_phases; i++) {
		json_begin_object(&j);
		json_member_string(&j, "code", cat->phases[i].code);
		json_member_string(&j, "name_nl", cat->phases[i].name_nl);
		json_member_string(&j, "name_en", cat->phases[i].name_en);
		json_member_string(&j, "description", cat->phases[i].description);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_key(&j, "forms");
	json_begin_array(&j);
	for (i = 0; i < cat->n_forms; i++) {
		const struct cat_form *f = &cat->forms[i];

		json_begin_object(&j);
		json_member_string(&j, "code", f->code);
		json_member_string(&j, "name_nl", f->name_nl);
		json_member_string(&j, "name_en", f->name_en);
		json_member_string(&j, "level", f->level);
		json_member_string(&j, "representative", f->representative);
		json_member_string(&j, "commitment", f->commitment);
		json_member_string(&j, "effort", f->effort);
		json_member_string(&j, "cost", f->cost);
		json_codes(&j, "phases", phase_codes, f->phases, cat->n_phases);
		json_codes(&j, "reaches_well", vocab_voice.codes, f->reach_good,
		    (size_t)vocab_count(&vocab_voice));
		json_codes(&j, "reaches_badly", vocab_voice.codes, f->reach_bad,
		    (size_t)vocab_count(&vocab_voice));
		json_member_string(&j, "purpose", f->purpose);
		json_lines(&j, "pros", f->pros);
		json_lines(&j, "cons", f->cons);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	return json_finish(&j);
}

static int
read_catalogue(struct cli *cli, struct catalogue *cat)
{
	char *path;
	int rc;

	if (access(cli->db_path, F_OK) == 0) {
		if ((rc = cli_open(cli, 0)) != ST_OK)
			return rc;
		return cli_report(catalogue_read_db(cat, cli->db));
	}
	if ((path = paths_data_file("catalogue.ini")) == NULL)
		return cli_report(err_status());
	rc = cli_report(catalogue_read_file(cat, path));
	free(path);
	return rc;
}

static int
run(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	enum out_format f = OUT_TEXT;
	struct catalogue cat;
	int c, rc;

	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c != 'f')
			return cli_bad_option(cli, c, argv);
		if ((rc = cli_format(cli, optarg, "text,csv,json", &f)) != ST_OK)
			return rc;
	}
	if (optind != argc)
		return cli_usage(cli, _("unexpected argument '%s'"), argv[optind]);
	if ((rc = read_catalogue(cli, &cat)) != ST_OK)
		return rc;
	rc = f == OUT_JSON ? print_json(&cat) : f == OUT_CSV ? print_csv(&cat) :
	    print_text(&cat);
	catalogue_free(&cat);
	return cli_report(rc);
}

const struct command cmd_catalogue = {
	"catalogue", "[--format text|csv|json]",
	N_("print the participation forms and which voices each reaches"),
	run
};
