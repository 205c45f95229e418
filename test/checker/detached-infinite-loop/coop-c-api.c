// The C API's own thread: coop_thread_start launches, coop_thread_detach
// detaches. Its worker has a token, so the only fix is to check it.
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c11 -I%coop_include
#include <stddef.h>
#include <coop/coop.h>

int work(void);

static void *spin(coop_stop_token token, void *arg) {
  (void)token;
  (void)arg;
  for (;;) {
    work();
  }
  return NULL;
}
// CHECK-MESSAGES: :[[@LINE-5]]:3: warning: thread entry 'spin' runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively; cooperative replacement: keep the coop_thread joinable (coop_thread_request_stop, then coop_thread_join) and check coop_stop_requested(token) in the loop [coop-detached-infinite-loop]
// CHECK-MESSAGES: :[[@LINE+6]]:20: note: thread started here by 'coop_thread_start'
// CHECK-MESSAGES: :[[@LINE+6]]:3: note: thread detached here

static void *polite(coop_stop_token token, void *arg);

void start_detached(void) {
  coop_thread *a = coop_thread_start(spin, NULL);
  coop_thread_detach(a);
  coop_thread *b = coop_thread_start(polite, NULL);
  coop_thread_detach(b);
}

// Checks its token: nothing to report.
static void *polite(coop_stop_token token, void *arg) {
  (void)arg;
  while (!coop_stop_requested(token)) {
    work();
  }
  return NULL;
}

// Joined, not detached: nothing to report (CheckJoinableThreads is off).
static void *joined_spin(coop_stop_token token, void *arg) {
  (void)token;
  (void)arg;
  while (1) {
    work();
  }
  return NULL;
}

void start_joined(void) {
  coop_thread *t = coop_thread_start(joined_spin, NULL);
  coop_thread_request_stop(t);
  coop_thread_join(t, -1, NULL);
}
