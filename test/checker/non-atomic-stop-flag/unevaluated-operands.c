// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=gnu11
// An access inside an operand that is never evaluated (sizeof, typeof,
// _Generic's controlling expression) does not run: an assignment there
// writes nothing, so it does not make a flag shared with another thread. A
// flag with a real write elsewhere is still reported, the note at that
// write, and still fixed: _Atomic keeps every unevaluated use valid C.
#include <pthread.h>
#include <stdbool.h>

static bool sized_stop;
static bool typed_stop;
static bool generic_stop;
static bool real_stop;
// CHECK-FIXES: static bool sized_stop;
// CHECK-FIXES: static bool typed_stop;
// CHECK-FIXES: static bool generic_stop;
// CHECK-FIXES: static atomic_bool real_stop;

static void *worker(void *arg) {
  while (!sized_stop && !typed_stop && !generic_stop) {
  }
  while (!real_stop) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'real_stop' is read by this loop while another thread writes it
    // CHECK-MESSAGES: :[[@LINE-11]]:13: note: 'real_stop' is declared here
    // CHECK-MESSAGES: :[[@LINE+11]]:3: note: another thread writes 'real_stop' here
  }
  return arg;
}

static void stop_all(void) {
  (void)sizeof(sized_stop = true);
  typeof(typed_stop = true) copy = 0;
  (void)copy;
  (void)_Generic(generic_stop = true, bool: 0, default: 1);
  (void)sizeof(real_stop = true);
  real_stop = true;
}

int main(void) {
  pthread_t thread;
  pthread_create(&thread, NULL, worker, NULL);
  stop_all();
  pthread_join(thread, NULL);
  return 0;
}
