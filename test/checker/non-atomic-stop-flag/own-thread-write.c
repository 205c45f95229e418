// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=gnu11
// From the real-world corpus (glibc nptl/cond-perf.c, docs/real-world.md):
// the flag is polled under a mutex, every other thread writes it under the
// same mutex, and the reader's own thread resets it without the mutex. The
// reader's thread cannot race with itself, so the read is synchronised and
// the loop is silent. A write on another thread without the mutex is still
// reported.
#include <pthread.h>
#include <stdbool.h>

static pthread_mutex_t mut = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static bool alldone;
static bool finished;

static void *cons(void *arg) {
  pthread_mutex_lock(&mut);
  alldone = true;
  pthread_cond_signal(&cond);
  pthread_mutex_unlock(&mut);
  finished = true;
  return NULL;
}

int main(void) {
  pthread_t th;
  for (int round = 0; round < 10; ++round) {
    pthread_create(&th, NULL, cons, NULL);
    pthread_mutex_lock(&mut);
    while (!alldone)
      pthread_cond_wait(&cond, &mut);
    pthread_mutex_unlock(&mut);
    alldone = false;
    pthread_mutex_lock(&mut);
    while (!finished)
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'finished' is read by this loop while another thread writes it
      // CHECK-MESSAGES: :[[@LINE-23]]:13: note: 'finished' is declared here
      // CHECK-MESSAGES: :[[@LINE-17]]:3: note: another thread writes 'finished' here
      pthread_cond_wait(&cond, &mut);
    pthread_mutex_unlock(&mut);
    finished = false;
    pthread_join(th, NULL);
  }
  return 0;
}
