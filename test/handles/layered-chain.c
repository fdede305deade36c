// Three layers of derived contexts: the top layer bounds the request, the
// middle layer derives a child for one fetch, the bottom layer opens a
// stream with its own deadline and hands its handle up. The middle layer
// forgets its cancel on the cache-hit path: the chain is cut there and the
// middle layer's creation is LostCancel; the layers above and below are
// fine. The fixed middle layer is verified.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int cache_lookup(const char *key);
int cache_hit(const char *key);
int read_stream(cv_ctx_t *ctx, const char *key);

// Bottom: the caller owes the stream's handle.
__attribute__((noinline)) cv_cancel_t *open_stream(cv_ctx_t *ctx,
                                                   cv_ctx_t **stream_ctx) {
  // CHECK: layered-chain.c:[[#OPEN:@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_deadline' is transferred to the caller (returned to the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  return cv_with_deadline(ctx, 2000, stream_ctx);
}

// Middle: the cache hit returns without cancelling the fetch context.
__attribute__((noinline)) int fetch(cv_ctx_t *ctx, const char *key) {
  cv_ctx_t *fetch_ctx, *stream_ctx;
  // CHECK: layered-chain.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}layered-chain.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(ctx, &fetch_ctx);
  if (cache_lookup(key))
    return cache_hit(key);
  // CHECK: layered-chain.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open_stream' ('open_stream', which creates it with 'cv_with_deadline' at line [[#OPEN]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *stream = open_stream(fetch_ctx, &stream_ctx);
  int rc = read_stream(stream_ctx, key);
  cv_cancel(stream);
  cv_cancel(cancel);
  return rc;
}

// Middle, fixed: the cache hit cancels too.
__attribute__((noinline)) int fetch_fixed(cv_ctx_t *ctx, const char *key) {
  cv_ctx_t *fetch_ctx, *stream_ctx;
  // CHECK: layered-chain.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]] and cancelled by 'cv_cancel' at line [[@LINE+10]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(ctx, &fetch_ctx);
  if (cache_lookup(key)) {
    cv_cancel(cancel);
    return cache_hit(key);
  }
  // CHECK: layered-chain.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open_stream' ('open_stream', which creates it with 'cv_with_deadline' at line [[#OPEN]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *stream = open_stream(fetch_ctx, &stream_ctx);
  int rc = read_stream(stream_ctx, key);
  cv_cancel(stream);
  cv_cancel(cancel);
  return rc;
}

// Top: bounds the whole request and cancels.
int handle_request(cv_ctx_t *ctx, const char *key, int fixed) {
  cv_ctx_t *request_ctx;
  // CHECK: layered-chain.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(ctx, 5000, &request_ctx);
  int rc = fixed ? fetch_fixed(request_ctx, key) : fetch(request_ctx, key);
  cv_cancel(cancel);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
