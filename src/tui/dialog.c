/* dialog.c: small windows over a screen: a yes/no question, a pick list
 * (codes are chosen by their labels, never typed), and the one-line
 * prompt of searches. Each calls its function after it has closed, so
 * the function may open the next window. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/i18n.h"
#include "edit.h"
#include "ui.h"

/* ---- yes or no ---------------------------------------------------------- */

struct confirm {
	struct layer layer;
	char *question;
	confirm_fn fn;
	void *ctx;
};

static const enum action confirm_hints[] = { AC_YES, AC_NO, AC_NONE };

static void
confirm_draw(struct layer *l, struct tui *t)
{
	struct confirm *c = (struct confirm *)l;
	int w = draw_width(c->question) + 6, x, y = LINES / 2 - 3;

	if (w > COLS - 4)
		w = COLS - 4;
	if (w < 30)
		w = 30;
	x = (COLS - w) / 2;
	draw_box(y, x, 5, w, _("Confirm"));
	draw_text(y + 2, x + 3, w - 6, c->question, colour(R_NORMAL), 0);
}

static void
confirm_close(struct tui *t, struct confirm *c, int yes)
{
	confirm_fn fn = c->fn;
	void *ctx = c->ctx;

	tui_pop(t);
	fn(t, ctx, yes);
}

static int
confirm_key(struct layer *l, struct tui *t, const struct key *k)
{
	struct confirm *c = (struct confirm *)l;

	if (k->action == AC_YES)
		confirm_close(t, c, 1);
	else if (k->action == AC_NO)
		confirm_close(t, c, 0);
	return 1;
}

static void
confirm_destroy(struct layer *l)
{
	struct confirm *c = (struct confirm *)l;

	free(c->question);
	free(c);
}

static const struct layer_ops confirm_ops = {
	KC_CONFIRM, confirm_draw, confirm_key, NULL, confirm_destroy, NULL, 1, NULL
};

void
dialog_confirm(struct tui *t, const char *question, confirm_fn fn, void *ctx)
{
	struct confirm *c = calloc(1, sizeof *c);

	if (c == NULL || (c->question = strdup(question)) == NULL) {
		free(c);
		err_set(ST_FAIL, "%s", _("out of memory"));
		tui_error(t, ST_FAIL);
		return;
	}
	c->layer.ops = &confirm_ops;
	c->layer.hints = confirm_hints;
	c->fn = fn;
	c->ctx = ctx;
	tui_push(t, &c->layer);
}

/* ---- pick list ----------------------------------------------------------- */

struct pick {
	struct layer layer;
	char *title;
	char **labels;
	int n, cur, top;
	pick_fn fn;
	void *ctx;
};

static const enum action pick_hints[] = { AC_OPEN, AC_BACK, AC_NONE };

static void
pick_geometry(const struct pick *p, int *y, int *x, int *h, int *w)
{
	int i;

	*w = draw_width(p->title) + 8;
	for (i = 0; i < p->n; i++)
		if (draw_width(p->labels[i]) + 6 > *w)
			*w = draw_width(p->labels[i]) + 6;
	if (*w > COLS - 4)
		*w = COLS - 4;
	*h = p->n + 2;
	if (*h > tui_content_rows() - 2)
		*h = tui_content_rows() - 2;
	*y = CONTENT_TOP + (tui_content_rows() - *h) / 2;
	*x = (COLS - *w) / 2;
}

static void
pick_draw(struct layer *l, struct tui *t)
{
	struct pick *p = (struct pick *)l;
	int y, x, h, w, i, rows;

	pick_geometry(p, &y, &x, &h, &w);
	rows = h - 2;
	if (p->cur < p->top)
		p->top = p->cur;
	if (p->cur >= p->top + rows)
		p->top = p->cur - rows + 1;
	draw_box(y, x, h, w, p->title);
	for (i = 0; i < rows && p->top + i < p->n; i++) {
		attr_t a = p->top + i == p->cur ? colour(R_CURSOR) :
		    colour(R_NORMAL);

		draw_fill(y + 1 + i, x + 1, w - 2, a);
		draw_text(y + 1 + i, x + 2, w - 4, p->labels[p->top + i], a, 1);
	}
}

static void
pick_close(struct tui *t, struct pick *p, int choice)
{
	pick_fn fn = p->fn;
	void *ctx = p->ctx;

	tui_pop(t);
	fn(t, ctx, choice);
}

static int
pick_key(struct layer *l, struct tui *t, const struct key *k)
{
	struct pick *p = (struct pick *)l;
	int y, x, h, w;

	pick_geometry(p, &y, &x, &h, &w);
	switch (k->action) {
	case AC_UP:
		if (p->cur > 0)
			p->cur--;
		break;
	case AC_DOWN:
		if (p->cur + 1 < p->n)
			p->cur++;
		break;
	case AC_PAGE_UP:
		p->cur = p->cur > h - 2 ? p->cur - (h - 2) : 0;
		break;
	case AC_PAGE_DOWN:
		p->cur = p->cur + h - 2 < p->n ? p->cur + h - 2 : p->n - 1;
		break;
	case AC_TOP:
		p->cur = 0;
		break;
	case AC_BOTTOM:
		p->cur = p->n - 1;
		break;
	case AC_OPEN:
		pick_close(t, p, p->cur);
		break;
	case AC_BACK:
		pick_close(t, p, -1);
		break;
	case AC_QUIT:
	case AC_HELP:
		return 0;
	default:
		break;
	}
	return 1;
}

static void
pick_destroy(struct layer *l)
{
	struct pick *p = (struct pick *)l;
	int i;

	for (i = 0; i < p->n; i++)
		free(p->labels[i]);
	free(p->labels);
	free(p->title);
	free(p);
}

static const struct layer_ops pick_ops = {
	KC_LIST, pick_draw, pick_key, NULL, pick_destroy, NULL, 1, NULL
};

void
dialog_pick(struct tui *t, const char *title, const char *const *labels,
    int n, int current, pick_fn fn, void *ctx)
{
	struct pick *p = calloc(1, sizeof *p);
	int i;

	if (p == NULL || (p->labels = calloc((size_t)n + 1, sizeof *p->labels)) ==
	    NULL || (p->title = strdup(title)) == NULL)
		goto nomem;
	for (i = 0; i < n; i++) {
		if ((p->labels[i] = strdup(labels[i])) == NULL)
			goto nomem;
		p->n = i + 1;
	}
	p->layer.ops = &pick_ops;
	p->layer.hints = pick_hints;
	p->cur = current >= 0 && current < n ? current : 0;
	p->fn = fn;
	p->ctx = ctx;
	tui_push(t, &p->layer);
	return;
nomem:
	if (p != NULL)
		pick_destroy(&p->layer);
	err_set(ST_FAIL, "%s", _("out of memory"));
	tui_error(t, ST_FAIL);
}

/* ---- prompt ---------------------------------------------------------------- */

struct prompt {
	struct layer layer;
	char *label;
	struct edit edit;
	prompt_fn done, changed;
	void *ctx;
};

static void
prompt_draw(struct layer *l, struct tui *t)
{
	struct prompt *p = (struct prompt *)l;
	int y = LINES - 2, x;

	int mw = t->message[0] != '\0' ? draw_width(t->message) + 2 : 0;

	/* The prompt takes the hint line; a message goes to its right. */
	if (mw > COLS / 2)
		mw = COLS / 2;
	draw_fill(y, 0, COLS, colour(R_NORMAL));
	x = draw_text(y, 0, COLS / 2, p->label, colour(R_HINT_KEY), 0);
	edit_draw_line(&p->edit, t, y, x + 1, COLS - x - 2 - mw,
	    colour(R_NORMAL), 1);
	if (mw > 0)
		draw_text(y, COLS - mw + 1, mw - 1, t->message, colour(
		    t->message_error ? R_ERROR : R_MESSAGE), 0);
}

static void
prompt_close(struct tui *t, struct prompt *p, int accept)
{
	prompt_fn done = p->done;
	void *ctx = p->ctx;
	char *text = accept ? edit_text(&p->edit) : NULL;

	tui_pop(t);
	done(t, ctx, text);
	free(text);
}

static int
prompt_key(struct layer *l, struct tui *t, const struct key *k)
{
	struct prompt *p = (struct prompt *)l;
	char *text;

	if (k->action == AC_FORM_ENTER || k->action == AC_FORM_SAVE) {
		prompt_close(t, p, 1);
		return 1;
	}
	if (k->action == AC_FORM_CANCEL) {
		prompt_close(t, p, 0);
		return 1;
	}
	if (edit_key(&p->edit, k) && p->changed != NULL &&
	    (text = edit_text(&p->edit)) != NULL) {
		p->changed(t, p->ctx, text);
		free(text);
	}
	return 1;
}

static void
prompt_destroy(struct layer *l)
{
	struct prompt *p = (struct prompt *)l;

	edit_free(&p->edit);
	free(p->label);
	free(p);
}

static const struct layer_ops prompt_ops = {
	KC_FORM, prompt_draw, prompt_key, NULL, prompt_destroy, NULL, 1, NULL
};

void
dialog_prompt(struct tui *t, const char *label, prompt_fn done,
    prompt_fn changed, void *ctx)
{
	struct prompt *p = calloc(1, sizeof *p);

	if (p == NULL || (p->label = strdup(label)) == NULL ||
	    edit_set(&p->edit, "") != ST_OK) {
		if (p != NULL)
			free(p->label);
		free(p);
		err_set(ST_FAIL, "%s", _("out of memory"));
		tui_error(t, ST_FAIL);
		return;
	}
	p->layer.ops = &prompt_ops;
	p->done = done;
	p->changed = changed;
	p->ctx = ctx;
	tui_push(t, &p->layer);
}

/* ---- text ------------------------------------------------------------------ */

struct info {
	struct layer layer;
	char *title, *text;
	int top, lines;
};

static const enum action info_hints[] = { AC_BACK, AC_DOWN, AC_UP, AC_NONE };

static void
info_draw(struct layer *l, struct tui *t)
{
	struct info *in = (struct info *)l;
	int w = COLS - 8 > 76 ? 76 : COLS - 8, h, y, x;

	in->lines = draw_wrap(in->text, w - 4, NULL, NULL);
	h = in->lines + 2;
	if (h > tui_content_rows())
		h = tui_content_rows();
	if (in->top > in->lines - (h - 2))
		in->top = in->lines - (h - 2) > 0 ? in->lines - (h - 2) : 0;
	y = CONTENT_TOP + (tui_content_rows() - h) / 2;
	x = (COLS - w) / 2;
	draw_box(y, x, h, w, in->title);
	draw_para(y + 1, x + 2, w - 4, h - 2, in->top, in->text,
	    colour(R_NORMAL));
}

static int
info_key(struct layer *l, struct tui *t, const struct key *k)
{
	struct info *in = (struct info *)l;

	switch (k->action) {
	case AC_DOWN:
	case AC_PAGE_DOWN:
		in->top += k->action == AC_DOWN ? 1 : tui_content_rows() - 2;
		break;
	case AC_UP:
		if (in->top > 0)
			in->top--;
		break;
	case AC_PAGE_UP:
		in->top = 0;
		break;
	case AC_BACK:
	case AC_OPEN:
		tui_pop(t);
		break;
	case AC_QUIT:
	case AC_HELP:
		return 0;
	default:
		break;
	}
	return 1;
}

static void
info_destroy(struct layer *l)
{
	struct info *in = (struct info *)l;

	free(in->title);
	free(in->text);
	free(in);
}

static const struct layer_ops info_ops = {
	KC_LIST, info_draw, info_key, NULL, info_destroy, NULL, 1, NULL
};

void
dialog_info(struct tui *t, const char *title, const char *text)
{
	struct info *in = calloc(1, sizeof *in);

	if (in == NULL || (in->title = strdup(title)) == NULL ||
	    (in->text = strdup(text)) == NULL) {
		if (in != NULL)
			free(in->title);
		free(in);
		err_set(ST_FAIL, "%s", _("out of memory"));
		tui_error(t, ST_FAIL);
		return;
	}
	in->layer.ops = &info_ops;
	in->layer.hints = info_hints;
	tui_push(t, &in->layer);
}
