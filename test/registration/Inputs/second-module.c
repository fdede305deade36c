/* The second module of the link tests. */
__attribute__((annotate("cancel-verify:observe"))) int is_done(void);
int second(void) { return is_done(); }
int is_done(void) { return 0; }
