// A loop that creates on one trip and cancels on a later one, on another
// branch: which of the two comes next depends on the data the loop reads,
// so a creation reached again with the handle owed is no fact of the code
// and is not reported as an overwrite. A loop that cancels later in the
// same trip, or only after the loop, still is; an exit that leaves the
// handle owed is reported either way.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx;
CV("create:handle=ret,parent=arg0,success=ret!=null") ctx *derive_new(ctx *p);
CV("cancel") void stop(ctx *c);
int next_bit(void);
int work(const ctx *c);
void fail(void) __attribute__((noreturn));

// Negative: a block opens at its start and closes at its end.
void split_blocks(ctx *p, const long *start, const long *end, int blocks) {
  ctx *out = 0;
  long pos = 0;
  int block = 0;
  for (;;) {
    int b = next_bit();
    if (b == 2)
      break;
    if (out && pos >= start[block])
      work(out);
    pos++;
    if (pos == end[block] + 1) {
      if (out) {
        stop(out);
        out = 0;
      }
      if (block >= blocks)
        break;
      block++;
    } else if (pos == start[block]) {
      // CHECK: alternating-loop.c:[[@LINE+1]]:13: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'derive_new' is cancelled on every path: cancelled by 'stop' at line [[@LINE-7]] and cancelled by 'stop' at line [[@LINE+7]]{{$}}
      out = derive_new(p);
      if (!out)
        fail();
    }
  }
  if (out)
    stop(out);
}

// Positive: the same loop, but a read error returns with the block open.
int split_blocks_error(ctx *p, const long *start, const long *end) {
  ctx *out = 0;
  long pos = 0;
  int block = 0;
  for (;;) {
    int b = next_bit();
    if (b < 0)
      return -1;
    if (b == 2)
      break;
    pos++;
    if (pos == end[block] + 1) {
      if (out) {
        stop(out);
        out = 0;
      }
      block++;
    } else if (pos == start[block]) {
      // O0: alternating-loop.c:[[@LINE+2]]:13: remark: LostCancel: returns at {{.*}}alternating-loop.c:[[@LINE-11]] without cancelling the handle created at line [[@LINE+2]] by 'derive_new'{{$}}
      // O2: alternating-loop.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}alternating-loop.c:[[@LINE-13]] without cancelling the handle created at line [[@LINE+1]] by 'derive_new'{{$}}
      out = derive_new(p);
      if (!out)
        fail();
    }
  }
  if (out)
    stop(out);
  return 0;
}

// Positive: a failed trip goes on to the next one, which creates again
// before this trip's cancel.
void skip_on_error(ctx *p, int n) {
  for (int i = 0; i < n; i++) {
    // CHECK: alternating-loop.c:[[@LINE+1]]:14: remark: OverwrittenCancel: the handle created at line [[@LINE+1]] by 'derive_new' is created again at line [[@LINE+1]] before the previous handle was cancelled{{$}}
    ctx *c = derive_new(p);
    if (work(c) < 0)
      continue;
    stop(c);
  }
}

// Positive: created on every trip, cancelled once after the loop.
void cancel_after_loop(ctx *p, int n) {
  ctx *c = 0;
  for (int i = 0; i < n; i++)
    // CHECK: alternating-loop.c:[[@LINE+1]]:9: remark: OverwrittenCancel: the handle created at line [[@LINE+1]] by 'derive_new' is created again at line [[@LINE+1]] before the previous handle was cancelled{{$}}
    c = derive_new(p);
  stop(c);
}
