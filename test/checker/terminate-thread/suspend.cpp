// SuspendThread (and ntdll's NtSuspendThread / ZwSuspendThread) is reported
// when the thread may be another one; a thread suspending itself is not the
// cross-thread hazard and is not reported.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c++17 -nostdinc \
// RUN:   -isystem %S/../Inputs/terminate-thread
// RUN: %check_coop -check-suffix=OFF %s coop-terminate-thread %t \
// RUN:   -- -config="{CheckOptions: {coop-terminate-thread.WarnOnSuspendThread: false}}" \
// RUN:   -- -std=c++17 -nostdinc -isystem %S/../Inputs/terminate-thread
#include "windows-stand-in.h"

#define PAUSE(h) SuspendThread(h)

static const HANDLE kSelf = GetCurrentThread();

struct Sampler {
  HANDLE target;
  void sample() {
    SuspendThread(target);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'SuspendThread' on a thread other than the caller can freeze it while it holds the heap or loader lock, and the next allocation or DLL load deadlocks the process; cooperative replacement: a request the thread honours at a safe point: a coop::stop_token it checks (coop::jthread) or waits on (coop::wait_handle) [coop-terminate-thread]
    // Only TerminateThread is still reported with the option off.
    TerminateThread(target, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'TerminateThread' kills a thread
    // CHECK-MESSAGES-OFF: :[[@LINE-2]]:5: warning: 'TerminateThread' kills a thread
  }
};

void other_threads(HANDLE worker, DWORD worker_id) {
  SuspendThread(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller
  NtSuspendThread(worker, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'NtSuspendThread' on a thread other than the caller can freeze it
  ZwSuspendThread(worker, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ZwSuspendThread' on a thread other than the caller can freeze it
  HANDLE opened = OpenThread(THREAD_SUSPEND_RESUME, 0, worker_id);
  SuspendThread(opened);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller
  PAUSE(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller
  PAUSE(worker); // NOLINT
}

void maybe_another_thread(HANDLE worker, bool self) {
  // Initialised to the current thread, but changed afterwards.
  HANDLE target = GetCurrentThread();
  if (!self)
    target = worker;
  SuspendThread(target);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller
  HANDLE escaped = GetCurrentThread();
  HANDLE *alias = &escaped;
  *alias = worker;
  SuspendThread(escaped);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller
  SuspendThread(self ? GetCurrentThread() : worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller
}

void address_taken() {
  // Where it will be called, and on which thread, is unknown.
  DWORD (*pause)(HANDLE) = SuspendThread;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'SuspendThread' on a thread other than the caller
  pause(GetCurrentThread());
}

// The calling thread, however it is spelled, is not reported.
void itself(DWORD unused) {
  SuspendThread(GetCurrentThread());
  SuspendThread((GetCurrentThread()));
  NtSuspendThread(NtCurrentThread(), nullptr);
  ZwSuspendThread((HANDLE)-2, nullptr);
  HANDLE self = GetCurrentThread();
  SuspendThread(self);
  const HANDLE same = self;
  SuspendThread(same);
  SuspendThread(kSelf);
  HANDLE real = OpenThread(THREAD_SUSPEND_RESUME, 0, GetCurrentThreadId());
  SuspendThread(real);
  CloseHandle(real);
  PAUSE(GetCurrentThread());
  auto lambda = [] {
    HANDLE me = GetCurrentThread();
    SuspendThread(me);
  };
  lambda();
}

// A pseudo-handle other than the current thread's (-1 is the process).
void not_the_thread_pseudo_handle() {
  SuspendThread((HANDLE)-1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller
}

template <class H> void pause_handle(H h) {
  SuspendThread(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller
}
template <class H> void pause_self(H) {
  SuspendThread(GetCurrentThread());
}
void instantiate(HANDLE worker) {
  pause_handle(worker);
  pause_handle(GetCurrentThread());
  pause_self(0);
}
