// Code that runs and code that never does: a variable-length array's size
// runs on the thread, so the function it calls is worker code; a typeof or
// sizeof operand is never evaluated, so a function named only there is not,
// and a wait written there does not happen, except sizeof of a
// variable-length array type, which runs the array's size.
// RUN: %check_coop %s coop-unbounded-wait %t -- -- -std=c11 -D_GNU_SOURCE -I %coop_include
#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>

sem_t items;

static int wait_for_size(void) {
  sem_wait(&items);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sem_wait' waits for the semaphore with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop_sem_wait(&sem, token, NULL), which returns COOP_STOPPED on a stop [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no coop_stop_token is in scope for a fix-it; with one, the call becomes 'coop_sem_wait(&items, token, NULL)'
  // CHECK-MESSAGES: :[[@LINE+34]]:3: note: this code is called on the thread that 'pthread_create' starts here
  return 16;
}

static int only_named(void) {
  sem_wait(&items);
  return 16;
}

static int only_sized(void) {
  sem_wait(&items);
  return 16;
}

static int size_in_sizeof(void) {
  sem_wait(&items);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sem_wait' waits for the semaphore with no timeout and no stop token
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no coop_stop_token is in scope for a fix-it; with one, the call becomes 'coop_sem_wait(&items, token, NULL)'
  // CHECK-MESSAGES: :[[@LINE+16]]:3: note: this code is called on the thread that 'pthread_create' starts here
  return 16;
}

static void *worker(void *arg) {
  (void)arg;
  char buffer[wait_for_size()];
  __typeof__(only_named()) unevaluated = 0;
  buffer[0] = (char)(unevaluated + sizeof(only_sized()));
  buffer[1] = (char)sizeof(sem_wait(&items));
  buffer[2] = (char)sizeof(char[size_in_sizeof()]);
  return NULL;
}

void start(void) {
  pthread_t thread;
  pthread_create(&thread, NULL, worker, NULL);
  pthread_join(thread, NULL);
}
