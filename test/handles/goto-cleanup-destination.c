// At -O1 and above clang gives a scope with locals lifetime markers, and
// every goto or return out of it goes through one cleanup block that
// switches on where it was going (a destination slot). The verifier runs
// there through clang: each edge into such a block is followed to its own
// destination, so a `goto error` that frees does not mix with the
// `return` that hands the memory over. Checked at -O0, on -O2 IR, and with
// the plugin inside clang -O2.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,RET
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,OPT
// RUN: %cv-remarks clang-O2 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,RET
#include <stdlib.h>
#include <string.h>

int check(const char *s);

int make(char **out, const char *a) {
  // CHECK: goto-cleanup-destination.c:[[@LINE+1]]:16: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on the paths that do not hand it to the caller: cancelled by 'free' at line [[@LINE+13]]; transferred to the caller (stored for the caller at line [[@LINE+10]]); each call of this function is judged as a creation{{$}}
  char *copy = malloc(16);
  if (!copy)
    return -1;
  {
    char tmp[8];
    strncpy(tmp, a, sizeof tmp);
    if (!check(tmp))
      goto error;
  }
  *out = copy;
  return 0;
error:
  free(copy);
  return -1;
}

// Positive: the error path forgets it, from inside the scope. (On -O2 IR
// the exit is the condition of the goto.)
int leaky(const char *a) {
  // RET: goto-cleanup-destination.c:[[@LINE+2]]:16: remark: LostCancel: returns at {{.*}}goto-cleanup-destination.c:[[@LINE+15]] without cancelling the handle created at line [[@LINE+2]] by 'malloc'{{$}}
  // OPT: goto-cleanup-destination.c:[[@LINE+1]]:16: remark: LostCancel: returns at {{.*}}goto-cleanup-destination.c:[[@LINE+7]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  char *copy = malloc(16);
  if (!copy)
    return -1;
  {
    char tmp[8];
    strncpy(tmp, a, sizeof tmp);
    if (!check(tmp))
      goto error;
    int rc = check(copy);
    free(copy);
    return rc;
  }
error:
  return -1;
}

// Gotos out of a loop body with locals: a `goto` at the end of one scope
// reaches the outer cleanup through blocks that only end lifetimes, and
// only the dispatch after them says where it goes (lz4hc's shape).
struct match { int len, off; };
struct match find(const char *ip, int n);
int encode(const char **ip, char **op, int len);
int price(int a, int b);
int score(const struct match *m, int n);

int compress_opt(const char *src, char *dst, int n, int suff) {
  int retval = 0;
  // CHECK: goto-cleanup-destination.c:[[@LINE+1]]:23: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+41]]{{$}}
  struct match *opt = malloc(sizeof(struct match) * 64);
  const char *ip = src;
  const char *end = src + n;
  char *op = dst;
  int ovml = 0;
  if (opt == NULL) goto _return_label;
  while (ip < end) {
    int const llen = (int)(ip - src);
    int best;
    struct match const first = find(ip, n);
    if (first.len == 0) { ip++; continue; }
    if (first.len > suff) {
      int const ml = first.len;
      if (encode(&ip, &op, ml)) {
        ovml = ml;
        goto _dest_overflow;
      }
      continue;
    }
    {
      int r;
      for (r = 0; r < 4; r++) {
        int const cost = price(llen, r);
        opt[r].len = cost;
      }
    }
    best = score(opt, 4);
    if (encode(&ip, &op, best)) {
      ovml = best;
      goto _dest_overflow;
    }
  }
  retval = (int)(op - dst);
  goto _return_label;

_dest_overflow:
  if (ovml > 0) {
    retval = -ovml;
  }
_return_label:
  free(opt);
  return retval;
}
