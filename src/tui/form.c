/* form.c: the form widget; see form.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/date.h"
#include "../core/error.h"
#include "../core/i18n.h"
#include "../core/vocab.h"
#include "edit.h"
#include "form.h"

#define MAX_FIELDS 16
#define LINES_HEIGHT 4		/* rows of a multi-line field */

struct field {
	char name[32];
	char *label;
	enum field_type type;
	int required;
	struct edit edit;
	char **codes, **labels;
	int nchoices, choice;
};

struct form {
	struct layer layer;
	char *title;
	struct field fields[MAX_FIELDS];
	int n, cur, failed;
	form_save_fn save;
	void *ctx;
	char *value;		/* the last form_get */
	void *owned;
};

static const enum action form_hints[] = {
	AC_FORM_SAVE, AC_FORM_NEXT, AC_FORM_CHOOSE, AC_FORM_CANCEL, AC_NONE
};

struct form *
form_new(const char *title, form_save_fn save, void *ctx)
{
	struct form *f = calloc(1, sizeof *f);

	if (f == NULL)
		return NULL;
	if ((f->title = strdup(title)) == NULL) {
		free(f);
		return NULL;
	}
	f->save = save;
	f->ctx = ctx;
	return f;
}

static struct field *
add_field(struct form *f, const char *name, const char *label,
    enum field_type type)
{
	struct field *fd;

	if (f == NULL)
		return NULL;
	if (f->n == MAX_FIELDS || (label = strdup(label)) == NULL) {
		f->failed = 1;
		return NULL;
	}
	fd = &f->fields[f->n++];
	snprintf(fd->name, sizeof fd->name, "%s", name);
	fd->label = (char *)label;
	fd->type = type;
	return fd;
}

int
form_text(struct form *f, const char *name, const char *label,
    enum field_type type, const char *value, int required)
{
	struct field *fd = add_field(f, name, label, type);

	if (fd == NULL)
		return ST_FAIL;
	fd->required = required;
	fd->edit.multiline = type == FT_LINES;
	if (edit_set(&fd->edit, value != NULL ? value : "") != ST_OK) {
		f->failed = 1;
		return ST_FAIL;
	}
	return ST_OK;
}

int
form_choice(struct form *f, const char *name, const char *label,
    const char *const *codes, const char *const *labels, int n,
    const char *current)
{
	struct field *fd = add_field(f, name, label, FT_CHOICE);
	int i;

	if (fd == NULL)
		return ST_FAIL;
	fd->codes = calloc((size_t)n + 1, sizeof *fd->codes);
	fd->labels = calloc((size_t)n + 1, sizeof *fd->labels);
	if (fd->codes == NULL || fd->labels == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		fd->codes[i] = strdup(codes[i]);
		fd->labels[i] = strdup(labels[i]);
		fd->nchoices = i + 1;
		if (fd->codes[i] == NULL || fd->labels[i] == NULL)
			goto fail;
		if (current != NULL && strcmp(current, codes[i]) == 0)
			fd->choice = i;
	}
	return ST_OK;
fail:
	f->failed = 1;
	return ST_FAIL;
}

int
form_vocab(struct form *f, const char *name, const char *label,
    const struct vocab *v, const char *current)
{
	const char *labels[32];
	int i, n = vocab_count(v);

	for (i = 0; i < n && i < 32; i++)
		labels[i] = vocab_label(v, v->codes[i]);
	return form_choice(f, name, label, v->codes, labels, i, current);
}

static struct field *
find(struct form *f, const char *name)
{
	int i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return &f->fields[i];
	return NULL;
}

const char *
form_get(struct form *f, const char *name)
{
	struct field *fd = find(f, name);

	if (fd == NULL)
		return "";
	if (fd->type == FT_CHOICE)
		return fd->nchoices > 0 ? fd->codes[fd->choice] : "";
	free(f->value);
	f->value = edit_text(&fd->edit);
	return f->value != NULL ? f->value : "";
}

int
form_get_number(struct form *f, const char *name)
{
	const char *s = form_get(f, name);

	return *s == '\0' ? -1 : atoi(s);
}

/* ---- checking and saving ---------------------------------------------- */

/* Check what the form itself can: required fields, numbers, dates. */
static int
check(struct form *f)
{
	int i;

	for (i = 0; i < f->n; i++) {
		struct field *fd = &f->fields[i];
		char *s, *end;
		long n;

		if (fd->type == FT_CHOICE)
			continue;
		if ((s = edit_text(&fd->edit)) == NULL)
			return ST_FAIL;
		if (fd->required && s[strspn(s, " \t\n")] == '\0')
			err_set_at(fd->name, ST_INPUT, _("%s: required"), fd->label);
		else if (fd->type == FT_DATE && *s != '\0' && !date_valid(s))
			err_set_at(fd->name, ST_INPUT, _("%s: '%s' is not a date; "
			    "write YYYY-MM-DD"), fd->label, s);
		else if (fd->type == FT_NUMBER && *s != '\0') {
			errno = 0;
			n = strtol(s, &end, 10);
			if (errno != 0 || *end != '\0' || n < 0 || n > 1000000)
				err_set_at(fd->name, ST_INPUT, _("%s: '%s' is not "
				    "a number from 0 to 1000000"), fd->label, s);
			else {
				free(s);
				continue;
			}
		} else {
			free(s);
			continue;
		}
		free(s);
		return ST_INPUT;
	}
	return ST_OK;
}

static void
focus_error_field(struct form *f)
{
	const char *name = err_field();
	int i;

	if (name == NULL)
		return;
	for (i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			f->cur = i;
}

static void
save(struct tui *t, struct form *f)
{
	int rc;

	if ((rc = check(f)) == ST_OK)
		rc = f->save(t, f, f->ctx);
	/* The save may have opened windows over the form: close the form
	 * itself, not the top. */
	if (rc == ST_OK) {
		tui_remove(t, &f->layer);
		return;
	}
	focus_error_field(f);
	if (rc == ST_CONFLICT) {
		tui_remove(t, &f->layer);
		tui_error(t, rc);
		return;
	}
	tui_error(t, rc);
}

/* ---- drawing and keys --------------------------------------------------- */

static int
field_height(const struct field *fd)
{
	return fd->type == FT_LINES ? LINES_HEIGHT : 1;
}

static void
form_draw(struct layer *l, struct tui *t)
{
	struct form *f = (struct form *)l;
	int i, h = 3, w = COLS - 8, lw = 0, y, x, fx, fw;

	if (w > 76)
		w = 76;
	for (i = 0; i < f->n; i++) {
		h += field_height(&f->fields[i]);
		if (draw_width(f->fields[i].label) > lw)
			lw = draw_width(f->fields[i].label);
	}
	if (lw > 22)
		lw = 22;
	if (h > tui_content_rows())
		h = tui_content_rows();
	y = CONTENT_TOP + (tui_content_rows() - h) / 2;
	x = (COLS - w) / 2;
	draw_box(y, x, h, w, f->title);
	fx = x + 3 + lw + 2;
	fw = w - (fx - x) - 2;
	for (i = 0, y += 2; i < f->n && y < CONTENT_TOP + tui_content_rows(); i++) {
		struct field *fd = &f->fields[i];
		int focus = i == f->cur;
		attr_t a = colour(focus ? R_FIELD_ACTIVE : R_FIELD);
		char shown[256];

		draw_text(y, x + 3, lw, fd->label, colour(fd->required ?
		    R_TITLE : R_NORMAL), 0);
		if (fd->type == FT_CHOICE) {
			snprintf(shown, sizeof shown, "< %s >", fd->nchoices > 0 ?
			    fd->labels[fd->choice] : "");
			draw_fill(y, fx, fw, a);
			draw_text(y, fx, fw, shown, a, 1);
		} else if (fd->type == FT_LINES)
			edit_draw_lines(&fd->edit, t, y, fx, LINES_HEIGHT, fw, a,
			    focus);
		else
			edit_draw_line(&fd->edit, t, y, fx, fw, a, focus);
		y += field_height(fd);
	}
}

static void
chosen(struct tui *t, void *ctx, int choice)
{
	struct form *f = ctx;

	if (choice >= 0)
		f->fields[f->cur].choice = choice;
}

static int
form_key(struct layer *l, struct tui *t, const struct key *k)
{
	struct form *f = (struct form *)l;
	struct field *fd = &f->fields[f->cur];

	/* In a text field, characters are text whatever they are bound to. */
	if (fd->type != FT_CHOICE && !k->fn && k->code >= 32 && k->code != 127) {
		edit_key(&fd->edit, k);
		return 1;
	}
	switch (k->action) {
	case AC_FORM_SAVE:
		save(t, f);
		return 1;
	case AC_FORM_CANCEL:
		tui_pop(t);
		return 1;
	case AC_FORM_NEXT:
		f->cur = (f->cur + 1) % f->n;
		return 1;
	case AC_FORM_PREV:
		f->cur = (f->cur + f->n - 1) % f->n;
		return 1;
	case AC_FORM_ENTER:
		if (fd->type != FT_LINES) {
			save(t, f);
			return 1;
		}
		break;
	default:
		break;
	}
	if (fd->type != FT_CHOICE) {
		edit_key(&fd->edit, k);
		return 1;
	}
	switch (k->action) {
	case AC_CHAR_LEFT:
		fd->choice = (fd->choice + fd->nchoices - 1) % fd->nchoices;
		break;
	case AC_CHAR_RIGHT:
		fd->choice = (fd->choice + 1) % fd->nchoices;
		break;
	case AC_FORM_CHOOSE:
		dialog_pick(t, fd->label, (const char *const *)fd->labels,
		    fd->nchoices, fd->choice, chosen, f);
		break;
	default:
		break;
	}
	return 1;
}

static void
form_destroy(struct layer *l)
{
	struct form *f = (struct form *)l;
	int i, j;

	for (i = 0; i < f->n; i++) {
		struct field *fd = &f->fields[i];

		edit_free(&fd->edit);
		for (j = 0; j < fd->nchoices; j++) {
			free(fd->codes[j]);
			free(fd->labels[j]);
		}
		free(fd->codes);
		free(fd->labels);
		free(fd->label);
	}
	free(f->value);
	free(f->title);
	free(f->owned);
	free(f);
}

void
form_own(struct form *f, void *ctx)
{
	if (f != NULL)
		f->owned = ctx;
	else
		free(ctx);
}

static const struct layer_ops form_ops = {
	KC_FORM, form_draw, form_key, NULL, form_destroy, NULL, 1, NULL
};

void
form_open(struct tui *t, struct form *f)
{
	if (f == NULL || f->failed || f->n == 0) {
		if (f != NULL)
			form_destroy(&f->layer);
		err_set(ST_FAIL, "%s", _("out of memory"));
		tui_error(t, ST_FAIL);
		return;
	}
	f->layer.ops = &form_ops;
	f->layer.hints = form_hints;
	tui_push(t, &f->layer);
}
