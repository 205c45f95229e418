// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c11
// C11: the fix uses <stdatomic.h>'s atomic_bool / atomic_int, or _Atomic(T)
// for a typedef; every C operator still works on them.
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>

static volatile bool stop;
// CHECK-FIXES: static atomic_bool stop;
int pending = 0;
// CHECK-FIXES: atomic_int pending = 0;
volatile sig_atomic_t interrupted;
// CHECK-FIXES: _Atomic(sig_atomic_t) interrupted;
struct config {
  unsigned rounds;
  // CHECK-FIXES: atomic_uint rounds;
  int id;
};
static struct config cfg = {3, 1};
atomic_bool already_atomic;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static bool under_lock;
static bool escapes;
// CHECK-FIXES: static bool escapes;

static void *worker(void *arg) {
  (void)arg;
  while (!stop) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'stop' is volatile, which does not synchronise threads: this loop reads it while another thread writes it, a data race that orders no other memory; cooperative replacement: atomic_bool (or a coop_stop_token) [coop-non-atomic-stop-flag]
    // CHECK-MESSAGES: :[[@LINE-22]]:22: note: 'stop' is declared here
    // CHECK-MESSAGES: :[[@LINE+40]]:3: note: another thread writes 'stop' here
  }
  for (;;) {
    if (pending > 2 || cfg.rounds == 0)
      break;
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:9: warning: 'pending' is read by this loop while another thread writes it, with no synchronisation: a data race, so the compiler may hoist the load and the loop never end; cooperative replacement: atomic_int (or a coop_stop_token) [coop-non-atomic-stop-flag]
  // CHECK-MESSAGES: :[[@LINE-28]]:5: note: 'pending' is declared here
  // CHECK-MESSAGES: :[[@LINE+33]]:3: note: another thread writes 'pending' here
  // CHECK-MESSAGES: :[[@LINE-6]]:28: warning: 'rounds' is read by this loop while another thread writes it, with no synchronisation: a data race, so the compiler may hoist the load and the loop never end; cooperative replacement: atomic_uint (or a coop_stop_token) [coop-non-atomic-stop-flag]
  // CHECK-MESSAGES: :[[@LINE-26]]:12: note: 'rounds' is declared here
  // CHECK-MESSAGES: :[[@LINE+31]]:7: note: another thread writes 'rounds' here
  while (!interrupted && !already_atomic) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'interrupted' is volatile, which does not synchronise threads: this loop reads it while another thread writes it, a data race that orders no other memory; cooperative replacement: _Atomic(sig_atomic_t) (or a coop_stop_token) [coop-non-atomic-stop-flag]
  // CHECK-MESSAGES: :[[@LINE-34]]:23: note: 'interrupted' is declared here
  // CHECK-MESSAGES: :[[@LINE+17]]:45: note: another thread writes 'interrupted' here
  for (;;) {
    pthread_mutex_lock(&lock);
    if (under_lock) {
      pthread_mutex_unlock(&lock);
      break;
    }
    pthread_mutex_unlock(&lock);
  }
  while (!escapes) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'escapes' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-36]]:13: note: 'escapes' is declared here
  // CHECK-MESSAGES: :[[@LINE+19]]:13: note: a reference to 'escapes' escapes here, so another thread may write it
  return 0;
}

static void on_signal(int sig) { (void)sig; interrupted = 1; }
static void set_flag(bool *flag) { *flag = true; }

int main(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  signal(SIGINT, on_signal);
  stop = true;
  pending++;
  cfg.rounds -= 1;
  cfg.id = 2;
  atomic_store(&already_atomic, true);
  pthread_mutex_lock(&lock);
  under_lock = true;
  pthread_mutex_unlock(&lock);
  set_flag(&escapes);
  pthread_join(t, 0);
  return stop && !pending ? 0 : 1;
}
