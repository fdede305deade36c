// A wrapper that retries a creator into its out-parameter and returns 0
// where the creation succeeded, another constant where it gave up, has the
// success condition ret==0, although the creator may have given a null
// handle with its success (paths the wrapper never tests): a null handle
// has nothing to hand over, so it does not make 0 mean "no handle" too.
// The caller's `if (acquire_retrying(...) != 0) return -1;` is then a
// status check, and a later early return loses the lease.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct lease lease_t;
enum { LEASE_OK = 0, LEASE_BUSY = 1 };
CV("create:handle=arg1,success=ret==0")
int lease_acquire(const char *key, lease_t **out, long ttl_ms);
CV("cancel") void lease_release(lease_t *l);
int do_update(const lease_t *l, const char *value);
void backoff(int attempt);
void log_status(int st);

__attribute__((noinline)) int acquire_retrying(const char *key, lease_t **out,
                                               int tries) {
  for (int i = 0; i < tries; i++) {
    // CHECK: status-retrying-wrapper.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'lease_acquire' is transferred to the caller (created in the caller's out-parameter at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
    int st = lease_acquire(key, out, 1000);
    if (st == LEASE_OK)
      return 0;
    if (st != LEASE_BUSY)
      return -1;
    backoff(i);
  }
  return -11;
}

int update_patiently(const char *key, const char *value) {
  lease_t *l;
  // CHECK: status-retrying-wrapper.c:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'acquire_retrying' ('acquire_retrying', which creates it with 'lease_acquire' at line [[@LINE-12]]) is cancelled on every path: cancelled by 'lease_release' at line [[@LINE+4]]{{$}}
  if (acquire_retrying(key, &l, 5) != 0)
    return -1;
  int rc = do_update(l, value);
  lease_release(l);
  return rc;
}

int update_patiently_logged(const char *key, const char *value) {
  lease_t *l;
  // CHECK: status-retrying-wrapper.c:[[@LINE+1]]:7: remark: LostCancel: returns at {{.*}}status-retrying-wrapper.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+1]] by 'acquire_retrying' ('acquire_retrying', which creates it with 'lease_acquire' at line [[@LINE-22]]){{$}}
  if (acquire_retrying(key, &l, 5) != 0)
    return -1;
  int rc = do_update(l, value);
  if (rc < 0) {
    log_status(rc);
    return rc;
  }
  lease_release(l);
  return 0;
}
