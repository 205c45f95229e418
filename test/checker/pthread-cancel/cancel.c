// RUN: %check_coop %s coop-pthread-cancel %t -- -- -std=c11
#include <pthread.h>

#define STOP_WORKER(t) pthread_cancel(t)

void direct(pthread_t worker) {
  pthread_cancel(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_cancel' forcibly cancels a thread, which can leave mutexes locked, cleanup skipped and shared objects half-updated; cooperative replacement: coop_stop_source_request_stop() and a worker that checks coop_stop_requested() (coop_thread_start) [coop-pthread-cancel]
}

void via_pointer(pthread_t worker) {
  int (*kill_fn)(pthread_t) = &pthread_cancel;
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'pthread_cancel' forcibly cancels a thread
  kill_fn(worker);
  STOP_WORKER(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_cancel' forcibly cancels a thread
  STOP_WORKER(worker); // NOLINT
}

void join_is_fine(pthread_t worker) { pthread_join(worker, 0); }
