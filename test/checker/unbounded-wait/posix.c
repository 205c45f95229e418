// C: pthread and C11 condition variables, semaphores and joins in worker
// code; the fix into the C API where a coop_stop_token is in scope.
// RUN: %check_coop %s coop-unbounded-wait %t -- -- -std=c11 -D_GNU_SOURCE -I %coop_include
#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>
#include <threads.h>
#include <time.h>
#include <coop/coop.h>
// The header the fixes need is already there: not added twice.
// CHECK-FIXES: #include <coop/coop.h>
// CHECK-FIXES-NOT: #include <coop/coop.h>

#define WAIT_COND(c, m) pthread_cond_wait(c, m)

pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
sem_t items;
cnd_t c11_cond;
mtx_t c11_mutex;
int ready;

// A pthread worker: no token in scope, so a note names the fix's form.
static void *pthread_worker(void *arg) {
  pthread_mutex_lock(&mutex);
  while (!ready)
    pthread_cond_wait(&cond, &mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pthread_cond_wait' waits for a signal with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop_cond_wait(&cond, &mutex, token, NULL), which returns COOP_STOPPED on a stop [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no coop_stop_token is in scope for a fix-it; with one, the call becomes 'coop_cond_wait(&cond, &mutex, token, NULL)'
  // CHECK-MESSAGES: :[[@LINE+25]]:3: note: this code runs on the thread that 'pthread_create' starts here
  pthread_mutex_unlock(&mutex);
  sem_wait(&items);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sem_wait' waits for the semaphore with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop_sem_wait(&sem, token, NULL), which returns COOP_STOPPED on a stop [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no coop_stop_token is in scope for a fix-it; with one, the call becomes 'coop_sem_wait(&items, token, NULL)'
  // CHECK-MESSAGES: :[[@LINE+20]]:3: note: this code runs on the thread that 'pthread_create' starts here
  mtx_lock(&c11_mutex);
  cnd_wait(&c11_cond, &c11_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cnd_wait' waits for a signal with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: a pthread_cond_t waited on with coop_cond_wait(&cond, &mutex, token, NULL), or cnd_timedwait in a loop that checks coop_stop_requested(token) [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE+16]]:3: note: this code runs on the thread that 'pthread_create' starts here
  mtx_unlock(&c11_mutex);
  // Timed and non-blocking waits are fine.
  struct timespec deadline = {0, 0};
  pthread_mutex_lock(&mutex);
  pthread_cond_timedwait(&cond, &mutex, &deadline);
  pthread_mutex_unlock(&mutex);
  sem_timedwait(&items, &deadline);
  sem_trywait(&items);
  return arg;
}

static void *coop_worker(coop_stop_token token, void *arg);

int main(void) {
  pthread_t id;
  pthread_create(&id, NULL, pthread_worker, NULL);
  coop_thread *t = coop_thread_start(coop_worker, NULL);
  // The thread that started the workers waits for them: not reported.
  pthread_join(id, NULL);
  coop_thread_request_stop(t);
  coop_thread_join(t, 1000, NULL);
  // Nor is main-thread code by default.
  sem_wait(&items);
  return 0;
}

// A coop_thread_start worker: its own token is a parameter.
static void *coop_worker(coop_stop_token token, void *arg) {
  pthread_mutex_lock(&mutex);
  while (!ready)
    pthread_cond_wait(&cond, &mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pthread_cond_wait' waits for a signal
  // CHECK-MESSAGES: :[[@LINE-5]]:42: note: the fix passes the stop token 'token' declared here
  // CHECK-MESSAGES: :[[@LINE-17]]:20: note: this code runs on the thread that 'coop_thread_start' starts here
  // CHECK-FIXES: {{^}}    coop_cond_wait(&cond, &mutex, token, NULL);{{$}}
  pthread_mutex_unlock(&mutex);
  if (sem_wait(&items) != 0)
    return NULL;
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'sem_wait' waits for the semaphore
  // CHECK-MESSAGES: :[[@LINE-12]]:42: note: the fix passes the stop token 'token' declared here
  // CHECK-MESSAGES: :[[@LINE-24]]:20: note: this code runs on the thread that 'coop_thread_start' starts here
  // CHECK-FIXES: {{^}}  if (coop_sem_wait(&items, token, NULL) != 0){{$}}
  // A macro: reported where it is used, no fix.
  WAIT_COND(&cond, &mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_cond_wait' waits for a signal
  // CHECK-MESSAGES: :[[@LINE-29]]:20: note: this code runs on the thread that 'coop_thread_start' starts here
  // CHECK-FIXES: {{^}}  WAIT_COND(&cond, &mutex);{{$}}
  sem_wait(&items); // NOLINT(coop-unbounded-wait)
  // Joining another worker from inside a worker.
  pthread_t inner;
  pthread_create(&inner, NULL, pthread_worker, NULL);
  pthread_join(inner, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_join' in a worker waits for another thread with no timeout, so this worker cannot be stopped until that thread ends; cooperative replacement: coop_thread_start(), then coop_thread_request_stop() and coop_thread_join(thread, timeout_ms, &result) [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE-37]]:20: note: this code runs on the thread that 'coop_thread_start' starts here
  return arg;
}
