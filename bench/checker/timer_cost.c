// What one reading of clang-tidy's check-profile timer costs on this machine
// (docs/performance.md, ninth round).
//
//   cc -O2 bench/checker/timer_cost.c -o /tmp/timer_cost && /tmp/timer_cost [reads]
//
// With --enable-check-profile, clang-tidy's match finder reads the timer
// (llvm::TimeRecord::getCurrentTime: the wall clock and getrusage) every
// time it moves from one check's matchers to another's on a node, and the
// time until the next reading goes to the check it moved to. A check whose
// matchers are tried on every call or reference of a TU is charged one
// reading per node, however little its matchers do there; `strace -c -e
// trace=getrusage` counts the readings of a run.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
  long reads = argc > 1 ? atol(argv[1]) : 1000000;
  if (reads < 1000) {
    fprintf(stderr, "timer_cost: at least 1000 reads\n");
    return 2;
  }
  struct rusage usage;
  struct timespec wall;
  // Kept, so the compiler cannot drop the calls' results.
  volatile long sink = 0;
  // Best of five batches: the cost of a reading, not of the machine's
  // slowest moment.
  double best = 1e30;
  for (int batch = 0; batch < 5; ++batch) {
    double start = now_ns();
    for (long i = 0; i < reads; ++i) {
      clock_gettime(CLOCK_REALTIME, &wall);
      getrusage(RUSAGE_SELF, &usage);
      sink += usage.ru_utime.tv_usec + wall.tv_nsec;
    }
    double per_read = (now_ns() - start) / reads;
    if (per_read < best)
      best = per_read;
  }
  printf("one timer reading (wall clock + getrusage): %.0f ns (best of 5 batches of %ld)\n",
         best, reads);
  return 0;
}
