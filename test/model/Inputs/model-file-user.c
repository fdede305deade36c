/* A translation unit the model-file error tests run on. */
int ctx_wait(void *c);
int ctx_done(void *c);
void *ctx_new(void);
volatile int g_stop, g_wait;
int use(void *c) { return ctx_wait(c) + ctx_done(c) + g_stop + g_wait; }
