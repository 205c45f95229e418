// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c11
// RUN: %check_coop -check-suffix=C99 %s coop-non-atomic-stop-flag %t -- -- -std=c99
// The fix adds <stdatomic.h> where it is missing; before C11 there are no
// atomics to rewrite into, so only the warning remains.
#include <pthread.h>
// CHECK-FIXES: #include <pthread.h>
// CHECK-FIXES-NEXT: #include <stdatomic.h>
// CHECK-FIXES-C99-NOT: #include <stdatomic.h>

static int quit;
// CHECK-FIXES: static atomic_int quit;
// CHECK-FIXES-C99: static int quit;

static void *worker(void *arg) {
  while (!quit) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'quit' is read by this loop while another thread writes it, with no synchronisation: a data race, so the compiler may hoist the load and the loop never end; cooperative replacement: atomic_int (or a coop_stop_token) [coop-non-atomic-stop-flag]
    // CHECK-MESSAGES: :[[@LINE-7]]:12: note: 'quit' is declared here
    // CHECK-MESSAGES: :[[@LINE+11]]:3: note: another thread writes 'quit' here
    // CHECK-MESSAGES-C99: :[[@LINE-4]]:11: warning: 'quit' is read by this loop
    // CHECK-MESSAGES-C99: :[[@LINE-10]]:12: note: 'quit' is declared here
    // CHECK-MESSAGES-C99: :[[@LINE+8]]:3: note: another thread writes 'quit' here
  }
  return arg;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  quit = 1;
  pthread_join(t, 0);
  return 0;
}
