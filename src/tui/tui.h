/* tui.h: the interface, as the command line opens it. */
#ifndef MEERSTEM_TUI_H
#define MEERSTEM_TUI_H

struct cfg;

/* Check the interface's sections of CFG ([interface], [colours],
 * [keys]), open the database PATH (creating it with the shipped
 * catalogue on first use unless READ_ONLY) and run the interface until
 * the user quits or a signal ends it. Returns an exit status. */
int tui_main(const char *path, const struct cfg *cfg, int read_only);

#endif
