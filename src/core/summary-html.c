/* summary-html.c: the summary as one self-contained HTML5 page: inline
 * CSS that prints on A4, the voice coverage and the forms × phases
 * matrix drawn as inline SVG, and no reference to anything outside the
 * file (no links, scripts, fonts or images). */
#include "config.h"

#include <string.h>

#include "error.h"
#include "i18n.h"
#include "summary.h"
#include "utf8.h"
#include "vocab.h"

static const char css[] =
"@page { size: A4; margin: 15mm 15mm 18mm; }\n"
"body { font: 10pt/1.4 \"DejaVu Sans\", Arial, sans-serif; color: #111;\n"
"  max-width: 180mm; margin: 1.5em auto; padding: 0 1em; }\n"
"h1 { font-size: 15pt; margin: 0; }\n"
"h2 { font-size: 12pt; border-bottom: 1px solid #888; margin: 1.2em 0 .4em; }\n"
"p.date { margin: .2em 0 0; color: #444; }\n"
"table { border-collapse: collapse; font-size: 9pt; margin: .3em 0; }\n"
"th, td { padding: 2px 8px; border-bottom: 1px solid #ddd; text-align: left;\n"
"  vertical-align: top; }\n"
"th.n, td.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
"dl { display: grid; grid-template-columns: max-content 1fr; gap: 1px 1em;\n"
"  margin: 0; }\n"
"dt { font-weight: bold; } dd { margin: 0; }\n"
"figure { margin: .3em 0; }\n"
"figcaption { font-size: 8.5pt; color: #444; }\n"
"svg { width: 100%; height: auto; }\n"
"svg text { font-family: inherit; font-size: 11px; fill: #111; }\n"
"svg text.on-dark { fill: #fff; }\n"
"details { font-size: 9pt; }\n"
"ol.gaps { padding-left: 1.8em; }\n"
"ol.gaps li { margin-bottom: .45em; break-inside: avoid; }\n"
"ol.gaps p { margin: 0; }\n"
".sev { font-size: 8pt; font-weight: bold; padding: 0 4px; border-radius: 2px;\n"
"  text-transform: uppercase; -webkit-print-color-adjust: exact;\n"
"  print-color-adjust: exact; }\n"
".sev-high { background: #a50f15; color: #fff; }\n"
".sev-medium { background: #fdae6b; }\n"
".sev-low { background: #ddd; }\n"
".advice { color: #333; font-style: italic; }\n"
"footer { margin-top: 2em; font-size: 8pt; color: #666; }\n"
"@media print {\n"
"  body { margin: 0; padding: 0; max-width: none; }\n"
"  details { display: none; }\n"
"  h2 { break-after: avoid; }\n"
"  #trajectory, #commission, #matrix, #voices, #inputs\n"
"    { break-inside: avoid; }\n"
"  svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
"}\n";

/* Blues from light to dark: readable in grey on a black-and-white
 * printer too. */
#define C_NONE "#ffffff"
#define C_IMPOSSIBLE "#eeeeee"
#define C_HELD1 "#c6dbef"
#define C_HELD2 "#6baed6"
#define C_HELD3 "#2171b5"
#define C_REGISTERED "#deebf7"
#define C_HEARD "#6baed6"
#define C_EARLY "#08519c"

/* Text as HTML: the five characters that mean something are escaped. */
static void
h(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break;
		default: fputc(*s, fp);
		}
}

/* An element with escaped text: <TAG ATTRS>TEXT</TAG>. */
static void
el(FILE *fp, const char *tag, const char *attrs, const char *text)
{
	fprintf(fp, "<%s%s%s>", tag, *attrs ? " " : "", attrs);
	h(fp, text);
	fprintf(fp, "</%s>", tag);
}

static void
svg_text(FILE *fp, double x, double y, const char *attrs, const char *text)
{
	fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\"%s%s>", x, y, *attrs ? " " : "",
	    attrs);
	h(fp, text);
	fputs("</text>\n", fp);
}

/* A label cut to COLS columns, for the left margin of a picture. */
static void
svg_label(FILE *fp, double x, double y, const char *text, int cols)
{
	char buf[256];

	if (utf8_width(text) > cols) {
		snprintf(buf, sizeof buf, "%.*s…", (int)utf8_fit(text, cols - 1),
		    text);
		text = buf;
	}
	svg_text(fp, x, y, "", text);
}

static void
rect(FILE *fp, double x, double y, double w, double hgt, const char *fill,
    const char *extra)
{
	fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
	    " fill=\"%s\"%s%s/>\n", x, y, w, hgt, fill, *extra ? " " : "", extra);
}

/* ---- the trajectory and the commission ------------------------------------- */

static void
field(FILE *fp, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	el(fp, "dt", "", label);
	el(fp, "dd", "", value);
	fputc('\n', fp);
}

static void
trajectory(FILE *fp, const struct summary *s)
{
	fputs("<section id=\"trajectory\">\n", fp);
	el(fp, "h2", "", _("Trajectory"));
	fputs("\n<dl>\n", fp);
	field(fp, _("Phase:"), s->phase_text);
	field(fp, _("Status:"), vocab_label(&vocab_trajectory_status,
	    s->t.status));
	field(fp, _("Commission:"), s->t.commission);
	field(fp, _("Requester:"), s->t.requester);
	field(fp, _("Question:"), s->t.question);
	field(fp, _("Start:"), s->t.start_date);
	field(fp, _("Due:"), s->t.due_date);
	fputs("</dl>\n</section>\n", fp);
}

static void
commission(FILE *fp, const struct summary *s)
{
	int d;

	fputs("<section id=\"commission\">\n", fp);
	el(fp, "h2", "", _("Commission by delegation"));
	fputs("\n<table>\n<thead><tr>", fp);
	el(fp, "th", "scope=\"col\"", _("Delegation"));
	el(fp, "th", "scope=\"col\" class=\"n\"", _("Members"));
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (d = 0; d < SUM_DELEGATIONS - 1; d++) {
		fputs("<tr>", fp);
		el(fp, "th", "scope=\"row\"", vocab_label(&vocab_delegation,
		    vocab_delegation.codes[d]));
		fprintf(fp, "<td class=\"n\">%ld</td></tr>\n", s->members[d]);
	}
	fputs("</tbody>\n</table>\n</section>\n", fp);
}

/* ---- the matrix ------------------------------------------------------------ */

#define M_LABEL 250.0	/* left margin for the form names */
#define M_COL 64.0
#define M_ROW 22.0
#define M_TOP 24.0

static const char *
heat(const long *c, int possible, const char **text_class)
{
	*text_class = "";
	if (c[SUM_HELD] >= 3) {
		*text_class = " class=\"on-dark\"";
		return C_HELD3;
	}
	if (c[SUM_HELD] == 2)
		return C_HELD2;
	if (c[SUM_HELD] == 1)
		return C_HELD1;
	return possible ? C_NONE : C_IMPOSSIBLE;
}

static void
matrix_legend(FILE *fp, double y)
{
	static const struct { const char *fill, *extra, *label; } keys[] = {
		{ C_HELD1, "stroke=\"#999\"", N_("1 held") },
		{ C_HELD2, "stroke=\"#999\"", N_("2 held") },
		{ C_HELD3, "stroke=\"#999\"", N_("3 or more held") },
		{ C_NONE, "stroke=\"" C_HELD3 "\" stroke-dasharray=\"3 2\"",
		    N_("only planned") },
		{ C_IMPOSSIBLE, "stroke=\"#999\"",
		    N_("not possible in this phase") },
	};
	double x = 0;
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		rect(fp, x, y, 12, 12, keys[i].fill, keys[i].extra);
		svg_text(fp, x + 16, y + 10, "", _(keys[i].label));
		x += 16 + 7.0 * utf8_width(_(keys[i].label)) + 14;
	}
}

static void
matrix_svg(FILE *fp, const struct summary *s)
{
	double width = M_LABEL + M_COL * (double)s->cat.n_phases;
	double height = M_TOP + M_ROW * (double)s->cat.n_forms + 30;
	char buf[64];
	size_t f, p;

	fprintf(fp, "<svg viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"",
	    width > 680 ? width : 680, height);
	h(fp, _("Sessions by form and phase (held/planned)"));
	fputs("\">\n<title>", fp);
	h(fp, _("Sessions by form and phase (held/planned)"));
	fputs("</title>\n", fp);
	/* The current phase's column is outlined. */
	rect(fp, M_LABEL + M_COL * s->phase, 2, M_COL,
	    M_TOP - 2 + M_ROW * (double)s->cat.n_forms, "none",
	    "stroke=\"#111\" stroke-width=\"1.5\"");
	for (p = 0; p < s->cat.n_phases; p++) {
		snprintf(buf, sizeof buf, "%zu", p + 1);
		svg_text(fp, M_LABEL + M_COL * ((double)p + 0.5), 16,
		    p == (size_t)s->phase ? "text-anchor=\"middle\" "
		    "font-weight=\"bold\"" : "text-anchor=\"middle\"", buf);
	}
	for (f = 0; f < s->cat.n_forms; f++) {
		double y = M_TOP + M_ROW * (double)f;

		svg_label(fp, 0, y + 15, catalogue_form_name(&s->cat.forms[f]), 38);
		for (p = 0; p < s->cat.n_phases; p++) {
			const long *c = summary_cell(s, f, p);
			int possible = (s->cat.forms[f].phases >> p) & 1;
			const char *cls;
			const char *fill = heat(c, possible, &cls);
			double x = M_LABEL + M_COL * (double)p;

			rect(fp, x + 2, y + 2, M_COL - 4, M_ROW - 4, fill,
			    c[SUM_HELD] == 0 && c[SUM_PLANNED] > 0 ?
			    "stroke=\"" C_HELD3 "\" stroke-dasharray=\"3 2\"" :
			    "stroke=\"#ccc\"");
			if (c[SUM_HELD] == 0 && c[SUM_PLANNED] == 0)
				continue;
			snprintf(buf, sizeof buf, "%ld/%ld", c[SUM_HELD],
			    c[SUM_PLANNED]);
			fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\""
			    " text-anchor=\"middle\"%s>%s</text>\n",
			    x + M_COL / 2, y + 15, cls, buf);
		}
	}
	matrix_legend(fp, M_TOP + M_ROW * (double)s->cat.n_forms + 12);
	fputs("</svg>\n", fp);
}

static void
matrix_table(FILE *fp, const struct summary *s)
{
	size_t f, p;

	fputs("<details>\n", fp);
	el(fp, "summary", "", _("As a table"));
	fputs("\n<table>\n<thead><tr>", fp);
	el(fp, "th", "scope=\"col\"", _("Form"));
	for (p = 0; p < s->cat.n_phases; p++)
		el(fp, "th", "scope=\"col\" class=\"n\"",
		    catalogue_phase_name(&s->cat.phases[p]));
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (f = 0; f < s->cat.n_forms; f++) {
		fputs("<tr>", fp);
		el(fp, "th", "scope=\"row\"", catalogue_form_name(&s->cat.forms[f]));
		for (p = 0; p < s->cat.n_phases; p++) {
			const long *c = summary_cell(s, f, p);

			if (c[SUM_HELD] == 0 && c[SUM_PLANNED] == 0)
				fputs("<td class=\"n\"></td>", fp);
			else
				fprintf(fp, "<td class=\"n\">%ld/%ld</td>",
				    c[SUM_HELD], c[SUM_PLANNED]);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n</details>\n", fp);
}

static void
matrix(FILE *fp, const struct summary *s)
{
	size_t p;

	fputs("<section id=\"matrix\">\n", fp);
	el(fp, "h2", "", _("Sessions by form and phase (held/planned)"));
	fputs("\n<figure>\n", fp);
	matrix_svg(fp, s);
	fputs("<figcaption>", fp);
	for (p = 0; p < s->cat.n_phases; p++) {
		fprintf(fp, "%s<b>%zu</b> ", p > 0 ? " · " : "", p + 1);
		h(fp, catalogue_phase_name(&s->cat.phases[p]));
	}
	fputs(". ", fp);
	h(fp, _("The outlined column is the current phase."));
	fputs("</figcaption>\n</figure>\n", fp);
	matrix_table(fp, s);
	fputs("</section>\n", fp);
}

/* ---- the voices ------------------------------------------------------------ */

#define V_LABEL 130.0
#define V_BAR 420.0
#define V_ROW 24.0
#define V_TOP 28.0

static void
voices_svg(FILE *fp, const struct summary *s)
{
	static const struct { const char *fill, *label; } keys[] = {
		{ C_REGISTERED, N_("Registered") },
		{ C_HEARD, N_("Heard") },
		{ C_EARLY, N_("Heard early") },
	};
	double height = V_TOP + V_ROW * SUM_VOICES, x = V_LABEL, scale;
	long max = 1;
	char buf[96];
	size_t i;
	int v;

	for (v = 0; v < SUM_VOICES; v++)
		if (s->voices[v][SUM_REGISTERED] > max)
			max = s->voices[v][SUM_REGISTERED];
	scale = V_BAR / (double)max;
	fprintf(fp, "<svg viewBox=\"0 0 680 %.0f\" role=\"img\" aria-label=\"",
	    height);
	h(fp, _("Stakeholders registered, heard and heard early, per voice"));
	fputs("\">\n<title>", fp);
	h(fp, _("Stakeholders registered, heard and heard early, per voice"));
	fputs("</title>\n", fp);
	for (i = 0; i < 3; i++) {
		rect(fp, x, 4, 12, 12, keys[i].fill, "stroke=\"#999\"");
		svg_text(fp, x + 16, 14, "", _(keys[i].label));
		x += 16 + 7.0 * utf8_width(_(keys[i].label)) + 14;
	}
	/* Heard early is part of heard, heard part of registered: the bars
	 * are drawn over each other. */
	for (v = 0; v < SUM_VOICES; v++) {
		double y = V_TOP + V_ROW * v;
		const long *n = s->voices[v];

		svg_label(fp, 0, y + 13, vocab_label(&vocab_voice,
		    vocab_voice.codes[v]), 18);
		rect(fp, V_LABEL, y + 2, scale * (double)n[SUM_REGISTERED], 16,
		    C_REGISTERED, "stroke=\"" C_HEARD "\" stroke-width=\"0.5\"");
		rect(fp, V_LABEL, y + 2, scale * (double)n[SUM_HEARD], 16,
		    C_HEARD, "");
		rect(fp, V_LABEL, y + 2, scale * (double)n[SUM_EARLY], 16,
		    C_EARLY, "");
		snprintf(buf, sizeof buf, "%ld / %ld / %ld", n[SUM_REGISTERED],
		    n[SUM_HEARD], n[SUM_EARLY]);
		svg_text(fp, V_LABEL + scale * (double)n[SUM_REGISTERED] + 6,
		    y + 14, "", buf);
	}
	fputs("</svg>\n", fp);
}

static void
voices_table(FILE *fp, const struct summary *s)
{
	int v, i;

	fputs("<details>\n", fp);
	el(fp, "summary", "", _("As a table"));
	fputs("\n<table>\n<thead><tr>", fp);
	el(fp, "th", "scope=\"col\"", _("Voice"));
	el(fp, "th", "scope=\"col\" class=\"n\"", _("Registered"));
	el(fp, "th", "scope=\"col\" class=\"n\"", _("Heard"));
	el(fp, "th", "scope=\"col\" class=\"n\"", _("Heard early"));
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (v = 0; v < SUM_VOICES; v++) {
		fputs("<tr>", fp);
		el(fp, "th", "scope=\"row\"", vocab_label(&vocab_voice,
		    vocab_voice.codes[v]));
		for (i = 0; i < 3; i++)
			fprintf(fp, "<td class=\"n\">%ld</td>", s->voices[v][i]);
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n</details>\n", fp);
}

static void
voices(FILE *fp, const struct summary *s)
{
	fputs("<section id=\"voices\">\n", fp);
	el(fp, "h2", "", _("Voices"));
	fputs("\n<figure>\n", fp);
	voices_svg(fp, s);
	el(fp, "figcaption", "", _("Heard: spoke in a held session. Heard "
	    "early: first heard before the phase from which hearing counts as "
	    "late."));
	fputs("\n</figure>\n", fp);
	voices_table(fp, s);
	fputs("</section>\n", fp);
}

/* ---- gaps and inputs ------------------------------------------------------ */

static void
gaps(FILE *fp, const struct summary *s)
{
	const struct gap_list *g = &s->gaps;
	size_t i;

	fputs("<section id=\"gaps\">\n", fp);
	el(fp, "h2", "", _("Gaps"));
	fputc('\n', fp);
	el(fp, "p", "", s->gaps_text);
	if (g->n > 0)
		fputs("\n<ol class=\"gaps\">\n", fp);
	for (i = 0; i < g->n; i++) {
		const struct gap *x = &g->v[i];
		const char *sev = vocab_severity.codes[x->severity];

		fprintf(fp, "<li data-code=\"%s\"><p><span class=\"sev sev-%s\">",
		    vocab_gap.codes[x->code], sev);
		h(fp, vocab_label(&vocab_severity, sev));
		fputs("</span> ", fp);
		h(fp, vocab_label(&vocab_gap, vocab_gap.codes[x->code]));
		fputs(": <strong>", fp);
		h(fp, x->label);
		fputs("</strong></p>\n<p>", fp);
		h(fp, x->detail);
		fputs("</p>\n<p class=\"advice\">", fp);
		h(fp, x->advice);
		fputs("</p></li>\n", fp);
	}
	if (g->n > 0)
		fputs("</ol>\n", fp);
	fputs("</section>\n", fp);
}

static void
inputs(FILE *fp, const struct summary *s)
{
	long total[2] = { 0, 0 };
	int d;

	fputs("<section id=\"inputs\">\n", fp);
	el(fp, "h2", "", _("Inputs"));
	fputs("\n<table>\n<thead><tr>", fp);
	el(fp, "th", "scope=\"col\"", _("Disposition"));
	el(fp, "th", "scope=\"col\" class=\"n\"", _("Items"));
	el(fp, "th", "scope=\"col\" class=\"n\"", _("Reported back"));
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (d = 0; d < SUM_DISPOSITIONS; d++) {
		fputs("<tr>", fp);
		el(fp, "th", "scope=\"row\"", vocab_label(&vocab_disposition,
		    vocab_disposition.codes[d]));
		fprintf(fp, "<td class=\"n\">%ld</td><td class=\"n\">%ld</td></tr>\n",
		    s->inputs[d][SUM_ITEMS], s->inputs[d][SUM_REPORTED]);
		total[0] += s->inputs[d][SUM_ITEMS];
		total[1] += s->inputs[d][SUM_REPORTED];
	}
	fputs("</tbody>\n<tfoot><tr>", fp);
	el(fp, "th", "scope=\"row\"", _("total"));
	fprintf(fp, "<td class=\"n\">%ld</td><td class=\"n\">%ld</td></tr></tfoot>\n",
	    total[0], total[1]);
	fputs("</table>\n</section>\n", fp);
}

int
summary_write_html(const struct summary *s, FILE *fp)
{
	char title[512], date[128];

	snprintf(title, sizeof title, _("Summary of %s: %s"), s->t.code,
	    s->t.title);
	snprintf(date, sizeof date, "%s %s", _("As of"), s->today);
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"%s %s\">\n",
	    i18n_dutch() ? "nl" : "en", PACKAGE, PACKAGE_VERSION);
	el(fp, "title", "", title);
	fprintf(fp, "\n<style>\n%s</style>\n</head>\n<body>\n<header>\n", css);
	el(fp, "h1", "", title);
	fputc('\n', fp);
	el(fp, "p", "class=\"date\"", date);
	fputs("\n</header>\n<main>\n", fp);
	trajectory(fp, s);
	commission(fp, s);
	matrix(fp, s);
	voices(fp, s);
	gaps(fp, s);
	inputs(fp, s);
	fputs("</main>\n<footer>", fp);
	h(fp, _("Made with meerstem from the trajectory's participation "
	    "record."));
	fputs("</footer>\n</body>\n</html>\n", fp);
	return ST_OK;
}
