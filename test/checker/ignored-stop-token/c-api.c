// RUN: %check_coop %s coop-ignored-stop-token %t -- -- -std=c11 -I%coop_include
// The C API hands coop_thread_start's worker a coop_stop_token: a worker
// that never passes it to coop_stop_requested() (or a coop_* wait) cannot be
// stopped, and coop_thread_join waits for it forever.
#include <coop/coop.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

void poll_devices(void);
bool device_ready(void);

static void *ignores(coop_stop_token stop, void *arg) {
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: stop token 'stop' is never used, so a stop request cannot end the loop in 'ignores'; cooperative replacement: check coop_stop_requested(stop) in the loop, or pass the token to the wait (coop_cond_wait, coop_sem_wait, coop_sleep_ms, coop_wait_fd) [coop-ignored-stop-token]
  (void)arg;
  while (1)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this loop does not end by itself and never checks the token
    // CHECK-FIXES: while (!coop_stop_requested(stop))
    poll_devices();
  return NULL;
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static void *blocks(coop_stop_token stop, void *arg) {
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: stop token 'stop' is never used, so a stop request cannot end the blocking wait in 'blocks'
  pthread_mutex_lock(&lock);
  pthread_cond_wait(&ready, &lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this call waits with no timeout and without the token
  pthread_mutex_unlock(&lock);
  return arg;
}

// The token is checked, or handed to a coop wait.
static void *checks(coop_stop_token stop, void *arg) {
  while (!coop_stop_requested(stop))
    poll_devices();
  return arg;
}
static void *waits(coop_stop_token stop, void *arg) {
  for (;;) {
    if (coop_sleep_ms(stop, 100) == COOP_STOPPED)
      break;
    poll_devices();
  }
  return arg;
}
// A loop that ends by itself.
static void *bounded(coop_stop_token stop, void *arg) {
  for (int i = 0; i < 3; ++i)
    poll_devices();
  return arg;
}

int main(void) {
  coop_thread *threads[] = {
      coop_thread_start(ignores, NULL), coop_thread_start(blocks, NULL),
      coop_thread_start(checks, NULL), coop_thread_start(waits, NULL),
      coop_thread_start(bounded, NULL)};
  for (int i = 0; i < 5; ++i) {
    coop_thread_request_stop(threads[i]);
    coop_thread_join(threads[i], 1000, NULL);
  }
  return device_ready() ? 0 : 1;
}
