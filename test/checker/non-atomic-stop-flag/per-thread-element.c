// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=gnu11
// From the real-world corpus (pocl's pthread_scheduler.c, docs/real-world.md):
// a pool starts each worker with its own element of an array, the worker
// fills in its element through the pointer it was given, and code on the
// worker's thread reads it back through that pointer. Each thread writes
// only its own element: no race, and the loops are silent. The same shapes
// with one object for every thread, or a read of a fixed element from
// another thread, are races and still reported.
#include <pthread.h>
#include <stddef.h>

struct pool_thread_data {
  pthread_t thread;
  unsigned num_threads;
  unsigned index;
};

static struct {
  struct pool_thread_data *thread_pool;
  unsigned num_threads;
} scheduler;

int next_range(unsigned *start, unsigned num_threads);

static void run_ranges(struct pool_thread_data *thread_data) {
  unsigned start = 0;
  do {
    ++start;
  } while (next_range(&start, thread_data->num_threads));
}

static void *driver_thread(void *p) {
  struct pool_thread_data *td = (struct pool_thread_data *)p;
  td->num_threads = scheduler.num_threads;
  for (;;)
    run_ranges(td);
  return NULL;
}

void start_pool(unsigned n) {
  for (unsigned i = 0; i < n; ++i)
    pthread_create(&scheduler.thread_pool[i].thread, NULL, driver_thread,
                   (void *)&scheduler.thread_pool[i]);
}

// One object for every thread: the other runs write the same member.
struct shared_state {
  int done;
};
static struct shared_state shared;

static void *racer(void *p) {
  struct shared_state *st = p;
  while (!st->done)
    ;
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: 'done' is read by this loop while another thread writes it
  // CHECK-MESSAGES: :[[@LINE-9]]:7: note: 'done' is declared here
  // CHECK-MESSAGES: :[[@LINE+1]]:7: note: another thread writes 'done' here
  st->done = 1;
  return NULL;
}

void start_racers(pthread_t *ts, int n) {
  for (int i = 0; i < n; ++i)
    pthread_create(&ts[i], NULL, racer, &shared);
}

// Elements of their own, but read by another thread: main polls element 0.
struct slot {
  int ready;
};
static struct slot slots[4];

static void *filler(void *p) {
  struct slot *s = p;
  s->ready = 1;
  return NULL;
}

void wait_first(void) {
  pthread_t ts[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&ts[i], NULL, filler, slots + i);
  while (!slots[0].ready)
    ;
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: 'ready' is read by this loop while another thread writes it
  // CHECK-MESSAGES: :[[@LINE-17]]:7: note: 'ready' is declared here
  // CHECK-MESSAGES: :[[@LINE-12]]:6: note: another thread writes 'ready' here
}
