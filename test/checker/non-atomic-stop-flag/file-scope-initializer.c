// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c11
// A file-scope initializer that takes a flag's address is one of its uses:
// `_Atomic` would no longer fit the plain pointer, so there is no fix (the
// shared-variable index walks the initialised file-scope variables too).
#include <pthread.h>
#include <stdbool.h>

static bool running = true;
// CHECK-FIXES: static bool running = true;
static bool *const running_handle = &running;
static int rounds;
// CHECK-FIXES: static atomic_int rounds;
static const int *const unused = 0;

static void *worker(void *arg) {
  (void)arg;
  while (running) {
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'running' is read by this loop while another thread writes it, with no synchronisation: a data race, so the compiler may hoist the load and the loop never end; cooperative replacement: atomic_bool (or a coop_stop_token) [coop-non-atomic-stop-flag]
    // CHECK-MESSAGES: :[[@LINE-11]]:13: note: 'running' is declared here
    // CHECK-MESSAGES: :[[@LINE+14]]:3: note: another thread writes 'running' here
  }
  while (rounds < 3) {
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'rounds' is read by this loop while another thread writes it, with no synchronisation: a data race, so the compiler may hoist the load and the loop never end; cooperative replacement: atomic_int (or a coop_stop_token) [coop-non-atomic-stop-flag]
    // CHECK-MESSAGES: :[[@LINE-13]]:12: note: 'rounds' is declared here
    // CHECK-MESSAGES: :[[@LINE+10]]:3: note: another thread writes 'rounds' here
  }
  return 0;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  *running_handle = false;
  running = false;
  rounds++;
  pthread_join(t, 0);
  return 0;
}
