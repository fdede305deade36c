// Summaries are computed over call-graph SCCs with a fixpoint, so blocking
// and observation found anywhere in a recursive group reach every member,
// and the witness chain through the recursion stays finite.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
CV("observe") int ctx_done(ctx_t *c);
struct node {
  int fd;
  struct node *left, *right;
};
void visit(struct node *n, const char *buf, ssize_t len);

// walk_left and walk_right call each other; only walk_right blocks.
int walk_left(struct node *n);
int walk_right(struct node *n) {
  char buf[32];
  if (!n)
    return 0;
  ssize_t len = read(n->fd, buf, sizeof buf);
  visit(n, buf, len);
  return 1 + walk_left(n->left);
}
int walk_left(struct node *n) {
  if (!n)
    return 0;
  return 1 + walk_right(n->right);
}

void walk_forever(struct node *root) {
  for (;;)
    walk_left(root);
}
// CHECK: recursion-among-callees.c:35:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}recursion-among-callees.c:24 (via walk_left -> walk_right -> read) and never observes cancellation

// is_cancelled and check_parent recurse; the observation is returned
// through both.
int check_parent(ctx_t **chain, int depth);
int is_cancelled(ctx_t **chain, int depth) {
  if (depth == 0)
    return ctx_done(chain[0]);
  return check_parent(chain, depth - 1);
}
int check_parent(ctx_t **chain, int depth) {
  if (ctx_done(chain[depth]))
    return 1;
  return is_cancelled(chain, depth);
}

void walk_until_cancelled(ctx_t **chain, int depth, struct node *root) {
  while (!is_cancelled(chain, depth))
    walk_left(root);
}
// CHECK: recursion-among-callees.c:55:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}recursion-among-callees.c:45 (is_cancelled -> ctx_done) and leaves the loop on it

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
