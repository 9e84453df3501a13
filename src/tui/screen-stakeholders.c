/* screen-stakeholders.c: tab 2, the stakeholders of the trajectory:
 * sort by any column, filter by voice, category or not heard, search
 * as you type; add a new stakeholder, involve one of the shared
 * register, edit, or remove one from the trajectory. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/stakeholder.h"
#include "../core/vocab.h"
#include "form.h"
#include "screens.h"
#include "table.h"

#define MAX_CATEGORIES 200

struct stakeholders {
	struct layer layer;
	struct view *view;
	struct table table;
	/* the record in the form: ids and versions of when it opened */
	struct stakeholder editing;
	struct involvement inv;
	char name[256];
	char *categories[MAX_CATEGORIES];
	int ncategories;
	char empty[160];
};

static const enum action hints[] = {
	AC_ADD, AC_PICK, AC_EDIT, AC_DELETE, AC_SEARCH, AC_SORT, AC_FILTER, AC_HELP,
	AC_NONE
};

/* name, category, voice, impact, influence, delegation, heard, first */
static const int col_min[] = { 18, 9, 11, 6, 5, 9, 5, 8 };
static const int col_flex[] = { 1, 1, 0, 0, 0, 0, 0, 0 };

static const char *const degree_codes[] = { "0", "1", "2", "3" };

static const struct table *
tb_of(struct layer *l)
{
	return &((struct stakeholders *)l)->table;
}

/* "voice: vulnerable, not heard" */
static void
describe_filters(struct stakeholders *s, char *buf, size_t size)
{
	const char *v = listing_filter_value(s->table.list, LF_VOICE);
	const char *c = listing_filter_value(s->table.list, LF_CATEGORY);
	size_t len = 0;

	buf[0] = '\0';
	if (v != NULL)
		len += (size_t)snprintf(buf + len, size - len, _("voice: %s"),
		    vocab_label(&vocab_voice, v));
	if (c != NULL && len < size)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", len ?
		    "; " : "", *c ? c : _("(no category)"));
	if (listing_filter_value(s->table.list, LF_UNHEARD) != NULL && len < size)
		snprintf(buf + len, size - len, "%s%s", len ? "; " : "",
		    _("not heard"));
}

static void
draw(struct layer *l, struct tui *t)
{
	struct stakeholders *s = (struct stakeholders *)l;
	char filters[256], line[320];
	int y = CONTENT_TOP, h = tui_content_rows();

	describe_filters(s, filters, sizeof filters);
	if (filters[0] != '\0') {
		char k[32];

		keys_first(AC_FILTER, k, sizeof k);
		snprintf(line, sizeof line, _("Filter: %s (%s to change)"),
		    filters, k);
		draw_text(y, 1, COLS - 2, line, colour(R_MESSAGE), 0);
		y++;
		h--;
	}
	table_draw(&s->table, t, y, h);
}

static void
where(struct layer *l, char *buf, size_t size)
{
	table_where(tb_of(l), buf, size);
}

/* ---- adding and editing ------------------------------------------------- */

static int
save(struct tui *t, struct form *f, void *ctx)
{
	struct stakeholders *s = ctx;
	struct stakeholder sh = s->editing;
	struct involvement inv = s->inv;
	char *name = NULL, *category = NULL, *contact = NULL, *reason = NULL;
	int rc, adding = s->editing.id == 0;

	name = strdup(form_get(f, "name"));
	category = strdup(form_get(f, "category"));
	contact = strdup(form_get(f, "contact"));
	reason = strdup(form_get(f, "reason"));
	if (name == NULL || category == NULL || contact == NULL ||
	    reason == NULL) {
		rc = err_set(ST_FAIL, "%s", _("out of memory"));
		goto done;
	}
	sh.name = name;
	sh.category = category;
	sh.contact = contact;
	sh.key = NULL;
	snprintf(sh.kind, sizeof sh.kind, "%s", form_get(f, "kind"));
	snprintf(sh.voice, sizeof sh.voice, "%s", form_get(f, "voice"));
	inv.reason = reason;
	inv.impact = atoi(form_get(f, "impact"));
	inv.influence = atoi(form_get(f, "influence"));
	snprintf(inv.represented_by, sizeof inv.represented_by, "%s",
	    form_get(f, "represented_by"));
	inv.trajectory_id = s->view->traj.id;
	if (adding)
		rc = stakeholder_add_involved(t->db, &sh, &inv);
	else if (s->editing.version == 0) {
		/* Picked from the register: only the involvement is new. */
		inv.stakeholder_id = sh.id;
		rc = stakeholder_involve(t->db, &inv);
	} else
		rc = stakeholder_update_involved(t->db, &sh, &inv);
	if (rc == ST_OK) {
		tui_reload(t);
		table_seek(&s->table, sh.name, sh.id);
		tui_message(t, adding ? _("%s added") : _("%s saved"), sh.name);
	}
done:
	free(sh.key);
	free(name);
	free(category);
	free(contact);
	free(reason);
	return rc;
}

static void
open_form(struct tui *t, struct stakeholders *s, const char *title,
    const struct stakeholder *sh, const struct involvement *inv, int register_too)
{
	struct form *f = form_new(title, save, s);
	char impact[2] = "0", influence[2] = "0";

	if (inv != NULL) {
		impact[0] = (char)('0' + inv->impact);
		influence[0] = (char)('0' + inv->influence);
	}
	if (register_too) {
		form_text(f, "name", _("Name"), FT_TEXT, sh ? sh->name : "", 1);
		form_vocab(f, "kind", _("Kind"), &vocab_kind, sh ? sh->kind : "group");
		form_text(f, "category", _("Category"), FT_TEXT,
		    sh ? sh->category : "", 0);
		form_vocab(f, "voice", _("Voice"), &vocab_voice,
		    sh ? sh->voice : "unknown");
		form_text(f, "contact", _("Contact"), FT_TEXT,
		    sh ? sh->contact : "", 0);
	}
	form_choice(f, "impact", _("Impact (0-3)"), degree_codes, degree_codes,
	    4, impact);
	form_choice(f, "influence", _("Influence (0-3)"), degree_codes,
	    degree_codes, 4, influence);
	form_vocab(f, "represented_by", _("Represented by"), &vocab_delegation,
	    inv ? inv->represented_by : "none");
	form_text(f, "reason", _("Why relevant"), FT_LINES,
	    inv ? inv->reason : "", 0);
	form_open(t, f);
}

static void
forget(struct stakeholders *s)
{
	stakeholder_free(&s->editing);
	stakeholder_involvement_free(&s->inv);
	memset(&s->editing, 0, sizeof s->editing);
	memset(&s->inv, 0, sizeof s->inv);
}

static void
add(struct tui *t, struct stakeholders *s)
{
	forget(s);
	open_form(t, s, _("New stakeholder"), NULL, NULL, 1);
}

/* Read the stakeholder under the cursor into s->editing and s->inv. */
static int
read_current(struct tui *t, struct stakeholders *s)
{
	const struct table_row *r = table_current(&s->table);
	int rc;

	if (r == NULL)
		return ST_INPUT;
	forget(s);
	if ((rc = stakeholder_get(t->db, r->id, &s->editing)) != ST_OK ||
	    (rc = stakeholder_involvement_get(t->db, s->view->traj.id, r->id,
	    &s->inv)) != ST_OK) {
		tui_error(t, rc);
		return rc;
	}
	return ST_OK;
}

static void
edit(struct tui *t, struct stakeholders *s)
{
	if (read_current(t, s) == ST_OK)
		open_form(t, s, _("Edit stakeholder"), &s->editing, &s->inv, 1);
}

/* Read-only: the record as text. */
static void
show(struct tui *t, struct stakeholders *s)
{
	char text[4096];

	if (read_current(t, s) != ST_OK)
		return;
	snprintf(text, sizeof text, "%s: %s\n%s: %s\n%s: %s\n%s: %s\n"
	    "%s: %d\n%s: %d\n%s: %s\n%s: %s\n\n%s", _("Kind"),
	    vocab_label(&vocab_kind, s->editing.kind), _("Category"),
	    s->editing.category, _("Voice"),
	    vocab_label(&vocab_voice, s->editing.voice), _("Contact"),
	    s->editing.contact, _("Impact"), s->inv.impact, _("Influence"),
	    s->inv.influence, _("Represented by"),
	    vocab_label(&vocab_delegation, s->inv.represented_by),
	    _("First heard"), s->inv.first_heard[0] ?
	    tui_phase_label(t, s->inv.first_heard) : _("not heard"),
	    s->inv.reason);
	dialog_info(t, s->editing.name, text);
}

static int
picked(struct tui *t, void *ctx, sqlite3_int64 id, const char *name)
{
	struct stakeholders *s = ctx;
	struct involvement inv;
	char title[320];
	int rc;

	if (stakeholder_involvement_get(t->db, s->view->traj.id, id, &inv) ==
	    ST_OK) {
		stakeholder_involvement_free(&inv);
		tui_message(t, _("%s is already involved"), name);
		return 0;
	}
	err_clear();
	forget(s);
	if ((rc = stakeholder_get(t->db, id, &s->editing)) != ST_OK) {
		tui_error(t, rc);
		return 0;
	}
	/* version 0 tells save() to add only the involvement. */
	s->editing.version = 0;
	snprintf(title, sizeof title, _("Involve %s"), name);
	open_form(t, s, title, &s->editing, NULL, 0);
	return 1;
}

static void
removed(struct tui *t, void *ctx, int yes)
{
	struct stakeholders *s = ctx;
	int rc;

	if (!yes)
		return;
	if ((rc = stakeholder_withdraw(t->db, s->view->traj.id,
	    s->editing.id)) != ST_OK) {
		tui_error(t, rc);
		return;
	}
	tui_reload(t);
	tui_message(t, _("%s removed from %s"), s->name, s->view->traj.code);
}

static void
ask_remove(struct tui *t, struct stakeholders *s)
{
	const struct table_row *r = table_current(&s->table);
	char q[512];

	if (r == NULL)
		return;
	forget(s);
	s->editing.id = r->id;
	snprintf(s->name, sizeof s->name, "%s", r->cell[0]);
	snprintf(q, sizeof q, _("Remove %s from %s? It stays in the register. "
	    "(y/n)"), s->name, s->view->traj.code);
	dialog_confirm(t, q, removed, s);
}

/* ---- sorting and filtering ---------------------------------------------- */

static void
sorted(struct tui *t, void *ctx, int choice)
{
	struct stakeholders *s = ctx;
	int rev, col, rc;

	if (choice < 0)
		return;
	col = listing_sorted_by(s->table.list, &rev);
	rev = choice == col ? !rev : 0;
	if ((rc = listing_sort(s->table.list, choice, rev)) != ST_OK ||
	    (rc = table_restart(&s->table)) != ST_OK)
		tui_error(t, rc);
}

static void
ask_sort(struct tui *t, struct stakeholders *s)
{
	const char *labels[LISTING_MAX_COLUMNS];
	int i, rev, col = listing_sorted_by(s->table.list, &rev);

	for (i = 0; i < s->table.ncols; i++)
		labels[i] = _(s->table.cols[i].label);
	dialog_pick(t, _("Sort by (again: reverse)"), labels, s->table.ncols,
	    col, sorted, s);
}

static void
refilter(struct tui *t, struct stakeholders *s, enum listing_filter f,
    const char *value)
{
	int rc;

	if ((rc = listing_filter(s->table.list, f, value)) != ST_OK ||
	    (rc = table_restart(&s->table)) != ST_OK)
		tui_error(t, rc);
}

static void
voice_chosen(struct tui *t, void *ctx, int choice)
{
	if (choice >= 0)
		refilter(t, ctx, LF_VOICE, vocab_voice.codes[choice]);
}

static void
category_chosen(struct tui *t, void *ctx, int choice)
{
	struct stakeholders *s = ctx;

	if (choice >= 0 && choice < s->ncategories)
		refilter(t, s, LF_CATEGORY, s->categories[choice]);
}

static void
free_categories(struct stakeholders *s)
{
	while (s->ncategories > 0)
		free(s->categories[--s->ncategories]);
}

static void
ask_category(struct tui *t, struct stakeholders *s)
{
	char buf[256] = "";
	int found, rc;

	free_categories(s);
	for (;;) {
		rc = listing_next_category(t->db, buf, buf, sizeof buf, &found);
		if (rc != ST_OK) {
			tui_error(t, rc);
			return;
		}
		if (!found || s->ncategories == MAX_CATEGORIES)
			break;
		if ((s->categories[s->ncategories] = strdup(buf)) == NULL)
			break;
		s->ncategories++;
	}
	if (s->ncategories == 0) {
		tui_message(t, "%s", _("no categories in the register"));
		return;
	}
	dialog_pick(t, _("Category"), (const char *const *)s->categories,
	    s->ncategories, 0, category_chosen, s);
}

enum { F_VOICE, F_CATEGORY, F_UNHEARD, F_CLEAR, F_COUNT };

static void
filter_chosen(struct tui *t, void *ctx, int choice)
{
	struct stakeholders *s = ctx;
	const char *labels[8];
	int i, n = vocab_count(&vocab_voice);

	switch (choice) {
	case F_VOICE:
		for (i = 0; i < n && i < 8; i++)
			labels[i] = vocab_label(&vocab_voice, vocab_voice.codes[i]);
		dialog_pick(t, _("Voice"), labels, i, 0, voice_chosen, s);
		break;
	case F_CATEGORY:
		ask_category(t, s);
		break;
	case F_UNHEARD:
		refilter(t, s, LF_UNHEARD, listing_filter_value(s->table.list,
		    LF_UNHEARD) ? NULL : "1");
		break;
	case F_CLEAR:
		listing_filter(s->table.list, LF_VOICE, NULL);
		listing_filter(s->table.list, LF_CATEGORY, NULL);
		refilter(t, s, LF_UNHEARD, NULL);
		break;
	}
}

static void
ask_filter(struct tui *t, struct stakeholders *s)
{
	const char *labels[F_COUNT] = {
		_("By voice..."), _("By category..."),
		listing_filter_value(s->table.list, LF_UNHEARD) ?
		    _("Heard and not heard") : _("Not heard only"),
		_("No filter")
	};

	dialog_pick(t, _("Filter"), labels, F_COUNT, 0, filter_chosen, s);
}

/* ---- keys ----------------------------------------------------------------- */

static int
key(struct layer *l, struct tui *t, const struct key *k)
{
	struct stakeholders *s = (struct stakeholders *)l;
	struct layer *p;

	if (table_key(&s->table, t, k))
		return 1;
	switch (k->action) {
	case AC_OPEN:
		if (t->read_only)
			show(t, s);
		else
			edit(t, s);
		return 1;
	case AC_ADD:
		add(t, s);
		return 1;
	case AC_EDIT:
		edit(t, s);
		return 1;
	case AC_DELETE:
		ask_remove(t, s);
		return 1;
	case AC_PICK:
		p = register_picker_new(t, s->view, _("Add from the register"), 0,
		    picked, s);
		if (p == NULL)
			tui_error(t, err_status());
		else
			tui_push(t, p);
		return 1;
	case AC_SEARCH:
		table_prompt_search(&s->table, t);
		return 1;
	case AC_SORT:
		ask_sort(t, s);
		return 1;
	case AC_FILTER:
		ask_filter(t, s);
		return 1;
	default:
		return 0;
	}
}

static void
reload(struct layer *l, struct tui *t)
{
	struct stakeholders *s = (struct stakeholders *)l;
	int rc;

	if ((rc = table_reload(&s->table)) != ST_OK)
		tui_error(t, rc);
}

static void
destroy(struct layer *l)
{
	struct stakeholders *s = (struct stakeholders *)l;

	forget(s);
	free_categories(s);
	table_close(&s->table);
	free(s);
}

static const struct layer_ops ops = {
	KC_LIST, draw, key, reload, destroy, where, 0, NULL
};

struct layer *
stakeholders_new(struct tui *t, struct view *v)
{
	struct stakeholders *s = calloc(1, sizeof *s);
	char k1[32], k2[32];

	if (s == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	s->layer.ops = &ops;
	s->layer.hints = hints;
	s->view = v;
	if (table_open(&s->table, t, LISTING_STAKEHOLDERS, v->traj.id, col_min,
	    col_flex) != ST_OK) {
		free(s);
		return NULL;
	}
	keys_first(AC_ADD, k1, sizeof k1);
	keys_first(AC_PICK, k2, sizeof k2);
	if (t->read_only)
		snprintf(s->empty, sizeof s->empty, "%s", _("No stakeholders."));
	else
		snprintf(s->empty, sizeof s->empty, _("No stakeholders: press %s "
		    "to add a new one, %s to add one from the register."), k1, k2);
	s->table.empty = s->empty;
	return &s->layer;
}

void
stakeholders_seek(struct tui *t, struct layer *tab, const char *name,
    sqlite3_int64 id)
{
	struct stakeholders *s = (struct stakeholders *)tab;

	if (!table_seek(&s->table, name, id))
		tui_message(t, _("%s is not in this list (see the filter)"), name);
}

void
stakeholders_show_voice(struct tui *t, struct layer *tab, const char *voice)
{
	struct stakeholders *s = (struct stakeholders *)tab;
	char k[32];
	int rc;

	if ((rc = listing_filter(s->table.list, LF_CATEGORY, NULL)) != ST_OK ||
	    (rc = listing_filter(s->table.list, LF_UNHEARD, NULL)) != ST_OK) {
		tui_error(t, rc);
		return;
	}
	refilter(t, s, LF_VOICE, voice);
	keys_first(AC_FILTER, k, sizeof k);
	tui_message(t, _("only the %s voice; %s changes the filter"),
	    vocab_label(&vocab_voice, voice), k);
}
