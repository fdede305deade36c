/* Checked by ../../../searched-includes.test: the prototypes come from
   headers in a directory beside this one, which only -I names. */
#include <stdlib.h>
#include <string.h>
#include "api.h"
#include "dup.h"

void shown_not_freed(void) {
  char *p = malloc(8);
  if (!p)
    return;
  strcpy(p, "x");
  show_name(p);
}

void shown_dup(void) {
  char *p = malloc(8);
  if (!p)
    return;
  strcpy(p, "x");
  show_dup(p);
}
