// At -O0 the parameters of a C++ declaration are read from its mangled
// name: a pointer or reference to const borrows (the caller still owes the
// delete), a plain pointer may keep the object.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/new-delete.yaml | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/new-delete.yaml | FileCheck %s --implicit-check-not=remark
struct Buffer {
  int Size = 0;
};
void show(const Buffer *B);
void show_ref(const Buffer &B);
void adopt(Buffer *B);

void shown() {
  // CHECK: declared-parameters.cpp:[[@LINE+1]]:15: remark: LostCancel: returns at {{.*}}declared-parameters.cpp:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'operator new(unsigned long)'{{$}}
  Buffer *B = new Buffer;
  show(B);
}

void shown_by_reference() {
  // CHECK: declared-parameters.cpp:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'operator new(unsigned long)' is cancelled on every path: cancelled by 'operator delete(void*, unsigned long)' at line [[@LINE+3]]{{$}}
  Buffer *B = new Buffer;
  show_ref(*B);
  delete B;
}

void adopted() {
  // CHECK: declared-parameters.cpp:[[@LINE+1]]:15: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'operator new(unsigned long)' escapes: passed to 'adopt(Buffer*)', which has no model and no body here at line [[@LINE+2]]; it cannot be followed{{$}}
  Buffer *B = new Buffer;
  adopt(B);
}
