// POSIX waits in C++: sem_wait becomes coop::sem_wait with a C++ token and
// coop_sem_wait with the C API's token; pthread_cond_wait has only the C
// replacement. coop::jthread passes the thread's own token.
// RUN: %check_coop %s coop-unbounded-wait %t -- -- -std=c++17 -I %coop_include
#include <pthread.h>
#include <semaphore.h>
#include <coop/coop.h>
#include <coop/jthread.hpp>
// CHECK-FIXES: #include <coop/jthread.hpp>
// CHECK-FIXES-NEXT: #include <coop/semaphore.hpp>

pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
sem_t items;

void start() {
  coop::jthread worker([](coop::stop_token stop) {
    sem_wait(&items);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sem_wait' waits for the semaphore with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop::sem_wait(&sem, token), which fails with errno ECANCELED on a stop [coop-unbounded-wait]
    // CHECK-MESSAGES: :[[@LINE-3]]:44: note: the fix passes the stop token 'stop' declared here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: this code runs on the thread that 'coop::jthread' starts here
    // CHECK-FIXES: {{^}}    coop::sem_wait(&items, stop);{{$}}
    pthread_mutex_lock(&mutex);
    pthread_cond_wait(&cond, &mutex);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pthread_cond_wait' waits for a signal with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop_cond_wait(&cond, &mutex, token, NULL) with a coop_stop_token, or a std::condition_variable waited on with coop::wait(cv, lock, token) [coop-unbounded-wait]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no coop_stop_token is in scope for a fix-it; with one, the call becomes 'coop_cond_wait(&cond, &mutex, token, NULL)'
    // CHECK-MESSAGES: :[[@LINE-10]]:17: note: this code runs on the thread that 'coop::jthread' starts here
    // CHECK-FIXES: {{^}}    pthread_cond_wait(&cond, &mutex);{{$}}
    pthread_mutex_unlock(&mutex);
  });
}

// A C API worker written in C++: the C token fits both C fixes.
void *c_worker(coop_stop_token token, void *) {
  if (sem_wait(&items) == -1)
    return nullptr;
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'sem_wait' waits for the semaphore
  // CHECK-MESSAGES: :[[@LINE-4]]:32: note: the fix passes the stop token 'token' declared here
  // CHECK-MESSAGES: :[[@LINE+13]]:20: note: this code runs on the thread that 'coop_thread_start' starts here
  // CHECK-FIXES: {{^}}  if (coop_sem_wait(&items, token, NULL) == -1){{$}}
  pthread_mutex_lock(&mutex);
  pthread_cond_wait(&cond, &mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_cond_wait' waits for a signal
  // CHECK-MESSAGES: :[[@LINE-10]]:32: note: the fix passes the stop token 'token' declared here
  // CHECK-MESSAGES: :[[@LINE+7]]:20: note: this code runs on the thread that 'coop_thread_start' starts here
  // CHECK-FIXES: {{^}}  coop_cond_wait(&cond, &mutex, token, NULL);{{$}}
  pthread_mutex_unlock(&mutex);
  return nullptr;
}

void start_c() {
  coop_thread *t = coop_thread_start(c_worker, nullptr);
  coop_thread_request_stop(t);
  coop_thread_join(t, -1, nullptr);
}
