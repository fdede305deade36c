// A pointer local tested before creating and again before cancelling: an
// option string (`if (outdir)`), set to null on another branch, re-read
// on each iteration. At -O0 each test reloads the local that several
// stores write; the tests are one value while nothing stores between
// them, so the path that created is the path that cancels. A store of
// null decides the test; any other store forgets it. A local that holds
// a call's result may hold a handle, whose own null test decides instead.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark --check-prefix=CHECK
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark --check-prefix=CHECK
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx;
CV("create:handle=ret,parent=arg0,success=ret!=null") ctx *derive_new(ctx *p);
CV("cancel") void stop(ctx *c);
int work(const ctx *c, const char *name);
void fail(void) __attribute__((noreturn));

// Negative: one branch clears the option, the other creates under it; the
// later test of the option cancels (xmlwf's shape).
int each_file(ctx *p, int n, const char **names, const char *outdir,
              int timing, int keep_going) {
  int i, rc = 0;
  for (i = 0; i < n; i++) {
    ctx *c = 0;
    int ok;
    if (timing) {
      outdir = 0;
    } else if (outdir) {
      // CHECK: tested-pointer-local.c:[[@LINE+1]]:11: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'derive_new' is cancelled on every path: cancelled by 'stop' at line [[@LINE+5]] and cancelled by 'stop' at line [[@LINE+13]]{{$}}
      c = derive_new(p);
      if (!c)
        fail();
      if (work(c, names[i]) < 0) {
        stop(c);
        if (keep_going)
          continue;
        break;
      }
    }
    ok = work(p, names[i]);
    if (outdir)
      stop(c);
    if (!ok) {
      rc = 2;
      if (!keep_going)
        break;
    }
  }
  return rc;
}

// Negative: the option is set from the arguments on one path only.
void optional_name(ctx *p, int argc, const char **argv) {
  const char *name = 0;
  ctx *c = 0;
  if (argc > 1)
    name = argv[1];
  if (name)
    // CHECK: tested-pointer-local.c:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'derive_new' is cancelled on every path: cancelled by 'stop' at line [[@LINE+4]]{{$}}
    c = derive_new(p);
  work(p, "x");
  if (name)
    stop(c);
}

// Positive: the option is cleared between the two tests.
void cleared_between(ctx *p, const char *name, int reset) {
  ctx *c = 0;
  if (name)
    // CHECK: tested-pointer-local.c:[[@LINE+1]]:9: remark: LostCancel: returns at {{.*}}tested-pointer-local.c:[[@LINE+7]] without cancelling the handle created at line [[@LINE+1]] by 'derive_new'{{$}}
    c = derive_new(p);
  if (reset)
    name = 0;
  work(p, "x");
  if (name)
    stop(c);
}
