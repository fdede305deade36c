// A constructor that fills a member with a new allocation on each of its
// branches creates it on every call: the object's owner owes it, and a
// destructor that deletes it pays the debt at scope exit.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/new-delete.yaml | FileCheck %s --implicit-check-not=remark --check-prefix=O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/new-delete.yaml | FileCheck %s --implicit-check-not=remark --check-prefix=O2
#include <string.h>

void show(const char *s);

class Leaky {
public:
  explicit Leaky(const char *n) {
    if (n) {
      // O0-DAG: constructor-fills-member.cpp:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'operator new[](unsigned long)' is transferred to the caller (stored for the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
      name = new char[strlen(n) + 1];
      strcpy(name, n);
    } else {
      // O0-DAG: constructor-fills-member.cpp:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'operator new[](unsigned long)' is transferred to the caller (stored for the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
      name = new char[1];
      *name = '\0';
    }
  }
  ~Leaky() {}
  void print() { show(name); }

private:
  char *name;
};

class Owning {
public:
  explicit Owning(const char *n) {
    if (n) {
      // O0-DAG: constructor-fills-member.cpp:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'operator new[](unsigned long)' is transferred to the caller (stored for the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
      name = new char[strlen(n) + 1];
      strcpy(name, n);
    } else {
      // O0-DAG: constructor-fills-member.cpp:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'operator new[](unsigned long)' is transferred to the caller (stored for the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
      name = new char[1];
      *name = '\0';
    }
  }
  ~Owning() { delete[] name; }
  void print() { show(name); }

private:
  char *name;
};

void leaks() {
  // O0-DAG: constructor-fills-member.cpp:[[@LINE+2]]:9: remark: LostCancel: returns at {{.*}}constructor-fills-member.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'Leaky::Leaky(char const*)' ('Leaky::Leaky(char const*)', which creates it with 'operator new[](unsigned long)' at line [[@LINE-36]]){{$}}
  // O2-DAG: constructor-fills-member.cpp:[[@LINE+1]]:9: remark: LostCancel: returns at {{.*}}constructor-fills-member.cpp:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'operator new[](unsigned long)'{{$}}
  Leaky l("leaky");
  l.print();
}

void frees() {
  // O0-DAG: constructor-fills-member.cpp:[[@LINE+2]]:10: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'Owning::Owning(char const*)' ('Owning::Owning(char const*)', which creates it with 'operator new[](unsigned long)' at line [[@LINE-23]]) is guarded on every path: the destructor 'Owning::~Owning()' cancels it at scope exit (cancelled by 'operator delete[](void*)' at line [[@LINE-15]]){{$}}
  // O2-DAG: constructor-fills-member.cpp:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'operator new[](unsigned long)' is guarded on every path: the destructor 'Owning::~Owning' cancels it at scope exit (cancelled by 'operator delete[](void*)' at line [[@LINE+3]]){{$}}
  Owning o("owning");
  o.print();
}
