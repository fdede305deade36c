// Every `success=` a create role takes, as the model prints it back: the
// zero tests, the sign of the result (open() and friends), -1, and null in
// C's and C++'s spellings (any case, spaces ignored).
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct cancel cancel_t;

CV("create:handle=arg0,success=always") int c_always(cancel_t **k);
CV("create:handle=arg0,success=ret==0") int c_zero(cancel_t **k);
CV("create:handle=arg0,success=ret != 0") int c_nonzero(cancel_t **k);
CV("create:handle=arg0,success=ret>=0") int c_nonnegative(cancel_t **k);
CV("create:handle=arg0,success=ret<0") int c_negative(cancel_t **k);
CV("create:handle=arg0,success=ret==-1") int c_minus_one(cancel_t **k);
CV("create:handle=arg0,success=ret!=-1") int c_not_minus_one(cancel_t **k);
CV("create:success=ret==NULL") cancel_t *c_null(void);
CV("create:success=ret!=nullptr") cancel_t *c_nonnull(void);

void use(void) {
  cancel_t *k;
  c_always(&k);
  c_zero(&k);
  c_nonzero(&k);
  c_nonnegative(&k);
  c_negative(&k);
  c_minus_one(&k);
  c_not_minus_one(&k);
  c_null();
  c_nonnull();
}

// CHECK-LABEL: function c_always
// CHECK-NEXT:   create handle=arg0 (IR arg0) success=always
// CHECK-LABEL: function c_zero
// CHECK-NEXT:   create handle=arg0 (IR arg0) success=ret==0
// CHECK-LABEL: function c_nonzero
// CHECK-NEXT:   create handle=arg0 (IR arg0) success=ret!=0
// CHECK-LABEL: function c_nonnegative
// CHECK-NEXT:   create handle=arg0 (IR arg0) success=ret>=0
// CHECK-LABEL: function c_negative
// CHECK-NEXT:   create handle=arg0 (IR arg0) success=ret<0
// CHECK-LABEL: function c_minus_one
// CHECK-NEXT:   create handle=arg0 (IR arg0) success=ret==-1
// CHECK-LABEL: function c_not_minus_one
// CHECK-NEXT:   create handle=arg0 (IR arg0) success=ret!=-1
// CHECK-LABEL: function c_null
// CHECK-NEXT:   create handle=ret (ret) success=ret==null
// CHECK-LABEL: function c_nonnull
// CHECK-NEXT:   create handle=ret (ret) success=ret!=null
