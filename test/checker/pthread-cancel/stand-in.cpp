// Declarations written by hand instead of <pthread.h>: the check keys on the
// global/extern "C" name, not on a header.
// RUN: %check_coop %s coop-pthread-cancel %t -- -- -std=c++17 -nostdinc
typedef unsigned long pthread_t;
extern "C" int pthread_cancel(pthread_t);
extern "C" int pthread_kill(pthread_t, int);

namespace lib {
int pthread_kill(pthread_t, int);
}

void f(pthread_t t) {
  pthread_cancel(t);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_cancel' forcibly cancels a thread
  // No <signal.h>: numbers follow Linux's numbering.
  pthread_kill(t, 9);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGKILL terminates the whole process
  lib::pthread_kill(t, 9);
}
