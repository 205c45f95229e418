// What the first write to a fresh page of memory costs on this machine, next
// to a second write to the same page (docs/performance.md, eighth round).
//
//   cc -O2 bench/checker/first_touch.c -o /tmp/first_touch && /tmp/first_touch [pages]
//
// A check callback of a few tens of thousands of instructions that makes
// its allocations grow the heap by a page or two pays this once per page; on
// a virtual machine whose host backs guest memory on first use, that can be
// more than the callback's own work, and the check profile shows it as the
// check's time.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  int pages = argc > 1 ? atoi(argv[1]) : 256;
  if (pages < 10) {
    fprintf(stderr, "first_touch: at least 10 pages\n");
    return 2;
  }
  long page = 4096;
  char *memory = mmap(0, page * pages, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  double *first = malloc(sizeof(double) * pages);
  double *second = malloc(sizeof(double) * pages);
  if (memory == MAP_FAILED || !first || !second) {
    perror("first_touch");
    return 1;
  }
  for (int i = 0; i < pages; ++i) {
    double start = now_us();
    memory[i * page] = 1;
    first[i] = now_us() - start;
  }
  for (int i = 0; i < pages; ++i) {
    double start = now_us();
    memory[i * page + 64] = 2;
    second[i] = now_us() - start;
  }
  qsort(first, pages, sizeof(double), by_value);
  qsort(second, pages, sizeof(double), by_value);
  printf("%d pages: first write to a fresh page median %.2f us (p90 %.2f); "
         "second write median %.3f us\n",
         pages, first[pages / 2], first[pages * 9 / 10], second[pages / 2]);
  return 0;
}
