// Code that does not compile: the check neither crashes nor guesses.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c++17 -nostdinc \
// RUN:   -isystem %S/../Inputs/terminate-thread
#include "windows-stand-in.h"
extern "C" long syscall(long, ...);

void broken(HANDLE worker) {
  // The reference itself is fine, so it is reported.
  TerminateThread(undeclared_handle, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'TerminateThread' kills a thread
  // CHECK-MESSAGES: :[[@LINE-2]]:19: error: use of undeclared identifier 'undeclared_handle' [clang-diagnostic-error]
  // Which thread is suspended is not known.
  SuspendThread(undeclared_handle);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: error: use of undeclared identifier 'undeclared_handle' [clang-diagnostic-error]
  syscall(undeclared_number, 1, 2, 9);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: error: use of undeclared identifier 'undeclared_number' [clang-diagnostic-error]
}

// A variable initialised with itself compiles; following it must end.
void self_initialised(int tid) {
  HANDLE h = h;
  SuspendThread(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller
  const int sig = sig;
  syscall(234, 1, tid, sig);
  const long number = number;
  syscall(number, 1, tid, 9);
}
