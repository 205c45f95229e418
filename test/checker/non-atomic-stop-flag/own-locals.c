// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=gnu11
// From the real-world corpus (glibc nptl/perf.c, docs/real-world.md): a
// worker started in a loop, so several threads run it, counts with its own
// automatic locals. Each run has its own copy: the run's own writes to them
// are no race, and the loops are silent. A static local and a local whose
// address escapes to another thread still are shared.
#include <pthread.h>
#include <stdlib.h>

static int quit;

static void *work(void *arg) {
  unsigned long i;
  unsigned int state = (unsigned long)arg;
  for (i = 0; i < 10; ++i) {
    unsigned int rnum;
    do
      rnum = rand_r(&state);
    while (rnum >= 1000u);
    int j;
    for (j = 0; j < 20; ++j)
      state += j;
  }
  unsigned n = 0;
  while (n != 7)
    n = (n + 1) % 8;

  static int rounds_done;
  while (rounds_done < 100)
    ++rounds_done;
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'rounds_done' is read by this loop while another thread writes it
  // CHECK-MESSAGES: :[[@LINE-4]]:14: note: 'rounds_done' is declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: another thread writes 'rounds_done' here
  return NULL;
}

static void *setter(void *arg) {
  *(int *)arg = 1;
  return NULL;
}

static void *waiter(void *arg) {
  int done = 0;
  pthread_t t;
  pthread_create(&t, NULL, setter, &done);
  while (!done)
    ;
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'done' is read by this loop while another thread writes it
  // CHECK-MESSAGES: :[[@LINE-6]]:7: note: 'done' is declared here
  // CHECK-MESSAGES: :[[@LINE-5]]:{{[0-9]+}}: note: a reference to 'done' escapes here, so another thread may write it
  pthread_join(t, NULL);
  return NULL;
}

int main(void) {
  pthread_t th[4];
  for (int k = 0; k < 4; ++k)
    pthread_create(&th[k], NULL, work, (void *)(long)k);
  for (int k = 0; k < 4; ++k)
    pthread_create(&th[k], NULL, waiter, NULL);
  quit = 1;
  return 0;
}
