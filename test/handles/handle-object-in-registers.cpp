// A handle class small enough to come back in registers (one pointer, or
// a pointer and an id): the caller stores the returned value into its
// local object, and the member annotated `handle=this` that cancels it is
// given the object, not the value. The object holds the handle, so the
// call cancels it; a path that returns before it still loses it, and a
// new handle object copied over one still held overwrites it.
//
// RUN: %cv-remarks O0 %s -std=c++17 | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -std=c++17 | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#define CV(s) __attribute__((annotate("cancel-verify:" s)))

class Subscription {
public:
  CV("cancel:handle=this") void Unsubscribe();

private:
  void *impl_ = nullptr;
};

class Ticket {
public:
  CV("cancel:handle=this") void Release();

private:
  void *impl_ = nullptr;
  long id_ = 0;
};

class Feed {
public:
  CV("create:handle=ret") Subscription Subscribe(int topic);
  CV("create:handle=ret") Ticket Reserve(int seats);
  int Pump(int n);
};

void show(Feed &feed) {
  // CHECK-DAG: handle-object-in-registers.cpp:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Feed::Subscribe(int)' is cancelled on every path: cancelled by 'Subscription::Unsubscribe()' at line [[@LINE+3]]
  Subscription s = feed.Subscribe(1);
  feed.Pump(10);
  s.Unsubscribe();
}

int show_early(Feed &feed) {
  // O0-DAG: handle-object-in-registers.cpp:[[@LINE+2]]:25: remark: LostCancel: returns at {{.*}}handle-object-in-registers.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'Feed::Subscribe(int)'
  // O2-DAG: handle-object-in-registers.cpp:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}handle-object-in-registers.cpp:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'Feed::Subscribe(int)'
  Subscription s = feed.Subscribe(1);
  if (feed.Pump(10) < 0)
    return -1;
  s.Unsubscribe();
  return 0;
}

void book(Feed &feed) {
  // CHECK-DAG: handle-object-in-registers.cpp:[[@LINE+1]]:19: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Feed::Reserve(int)' is cancelled on every path: cancelled by 'Ticket::Release()' at line [[@LINE+3]]
  Ticket t = feed.Reserve(2);
  feed.Pump(1);
  t.Release();
}

int book_early(Feed &feed) {
  // O0-DAG: handle-object-in-registers.cpp:[[@LINE+2]]:19: remark: LostCancel: returns at {{.*}}handle-object-in-registers.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'Feed::Reserve(int)'
  // O2-DAG: handle-object-in-registers.cpp:[[@LINE+1]]:19: remark: LostCancel: returns at {{.*}}handle-object-in-registers.cpp:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'Feed::Reserve(int)'
  Ticket t = feed.Reserve(2);
  if (feed.Pump(1) < 0)
    return -1;
  t.Release();
  return 0;
}

// Assigning a new handle object over one still held overwrites it.
void resubscribe(Feed &feed) {
  // O0-DAG: handle-object-in-registers.cpp:[[@LINE+4]]:5: remark: OverwrittenCancel: the handle created at line [[@LINE+2]] by 'Feed::Subscribe(int)'
  // O2-DAG: handle-object-in-registers.cpp:[[@LINE+1]]:25: remark: DiscardedCancel: the cancel handle from 'Feed::Subscribe(int)' is never used
  Subscription s = feed.Subscribe(1);
  feed.Pump(1);
  s = feed.Subscribe(2);
  // CHECK-DAG: handle-object-in-registers.cpp:[[@LINE-1]]:12: remark: CancelVerified: the handle created at line [[@LINE-1]] by 'Feed::Subscribe(int)' is cancelled on every path
  feed.Pump(1);
  s.Unsubscribe();
}

void switch_topic(Feed &feed) {
  // CHECK-DAG: handle-object-in-registers.cpp:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Feed::Subscribe(int)' is cancelled on every path
  Subscription s = feed.Subscribe(1);
  feed.Pump(1);
  s.Unsubscribe();
  s = feed.Subscribe(2);
  // CHECK-DAG: handle-object-in-registers.cpp:[[@LINE-1]]:12: remark: CancelVerified: the handle created at line [[@LINE-1]] by 'Feed::Subscribe(int)' is cancelled on every path
  feed.Pump(1);
  s.Unsubscribe();
}
