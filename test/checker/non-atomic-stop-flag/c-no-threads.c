// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c11
// RUN: %check_coop -check-suffix=ALL %s coop-non-atomic-stop-flag %t \
// RUN:   -- -config="{CheckOptions: {coop-non-atomic-stop-flag.CheckAllFunctions: true}}" -- -std=c11
// A C file that starts no thread: it declares pthread_create but calls no
// thread starter, so by default no function runs on a worker and nothing
// is reported (the thread-entry walk is skipped). CheckAllFunctions judges
// every function all the same.
#include <pthread.h>

static int done;
void wait_done(void) {
  while (!done) {
  }
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:11: warning: 'done' is read by this loop while another thread writes it
  // CHECK-MESSAGES-ALL: :[[@LINE-5]]:12: note: 'done' is declared here
  // CHECK-MESSAGES-ALL: :[[@LINE+2]]:21: note: another thread writes 'done' here
}
void finish(void) { done = 1; }
