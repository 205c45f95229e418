// RUN: %check_coop %s coop-pthread-cancel %t -- -- -std=c11
#include <pthread.h>

#define MAKE_ASYNC(old) pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, old)

void worker_setup(void) {
  int old;
  pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'pthread_setcanceltype' with PTHREAD_CANCEL_ASYNCHRONOUS lets a thread be killed at any instruction, even inside malloc or while holding a lock; cooperative replacement: coop_stop_requested() checks in the worker, and deferred cancellation meanwhile [coop-pthread-cancel]
  // CHECK-FIXES: pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old);

  // By value, not by spelling.
  pthread_setcanceltype(1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'pthread_setcanceltype' with PTHREAD_CANCEL_ASYNCHRONOUS
  // CHECK-FIXES: pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, 0);
  int type = PTHREAD_CANCEL_ASYNCHRONOUS;
  pthread_setcanceltype(type, &old);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'pthread_setcanceltype' with PTHREAD_CANCEL_ASYNCHRONOUS
  // CHECK-FIXES: pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old);

  // Inside a macro: reported at its use, but not rewritten.
  MAKE_ASYNC(&old);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_setcanceltype' with PTHREAD_CANCEL_ASYNCHRONOUS
  // CHECK-FIXES: MAKE_ASYNC(&old);

  // Deferred is the safe default.
  pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old);
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
}
