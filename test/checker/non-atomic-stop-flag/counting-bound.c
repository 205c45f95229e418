// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=gnu11
// From the real-world corpus (glibc nptl/perf.c, tst-backtrace1.c,
// tst-skeleton-thread-affinity.c, tst-signal6.c; docs/real-world.md): a
// loop that counts towards a bound ends by its own progress, so a bound
// another function writes (typically once, before the threads start) is not
// a stop flag: read once, it would not keep the loop running. Nor is a
// shared variable that guards an early exit from such a loop. The flag a
// loop waits on with no counter of its own is still reported.
#include <pthread.h>
#include <sched.h>
int current_cpu(void);
#include <stdio.h>

static unsigned long rounds = 10;
static int last_cpu;
static int finished;
static int first_signal;
int add_signal(int);

static void parse_options(const char *arg) {
  rounds = (unsigned long)arg[0];
  last_cpu = arg[1];
  first_signal = arg[2];
}

static void *work(void *arg) {
  for (unsigned long i = 0; i < rounds; ++i)
    puts("round");
  for (int i = 0; i < 4; ++i)
    if (add_signal(first_signal + i) != 0)
      return NULL;
  for (;;) {
    int cpu = current_cpu();
    if (cpu > last_cpu)
      return NULL;
  }
}

static void *count(void *arg) {
  ++finished;
  return NULL;
}

int main(int argc, char **argv) {
  parse_options(argv[1]);
  pthread_t th[4];
  for (int k = 0; k < 4; ++k)
    pthread_create(&th[k], NULL, work, NULL);
  for (int k = 0; k < 4; ++k)
    pthread_create(&th[k], NULL, count, NULL);
  while (finished < 4)
    sched_yield();
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'finished' is read by this loop while another thread writes it
  // CHECK-MESSAGES: :[[@LINE-38]]:12: note: 'finished' is declared here
  // CHECK-MESSAGES: :[[@LINE-15]]:5: note: another thread writes 'finished' here
  return 0;
}
