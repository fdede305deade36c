// Prototypes for declared-parameters.c, read from the source at -O0.
#ifndef DECLARED_H
#define DECLARED_H
void show(const char *s);
void show_after(char const *s) __attribute__((nonnull));
void stash(char *s);
void pin(char *const p);
/* void commented(const char *s); */
void commented(char *s);
void twice(const char *s);
void twice(const char *);
#ifdef KEEP_NAMES
void conflicting(const char *s);
#else
void conflicting(char *s);
#endif
#endif
