// An annotation with a role the verifier does not know: a warning, and the
// run goes on without it.
__attribute__((annotate("cancel-verify:frobnicate"))) void frob(void);

void use(void) { frob(); }
