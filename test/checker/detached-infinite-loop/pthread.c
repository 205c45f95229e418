// pthread_create detached by pthread_detach(id), by a PTHREAD_CREATE_DETACHED
// attribute, or by the entry itself; C loop forms; C stop checks.
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c11 -I%coop_include
// RUN: %check_coop -check-suffix=JOIN %s coop-detached-infinite-loop %t -- -config="{CheckOptions: {coop-detached-infinite-loop.CheckJoinableThreads: true}}" -- -std=c11 -I%coop_include
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <coop/coop.h>

int work(void);
atomic_bool g_stop;
_Atomic int g_stop_count;

// --- pthread_detach(id) ------------------------------------------------------
static void *poll_loop(void *arg) {
  while (1) {
    work();
  }
  return NULL;
}
void start_poller(void) {
  pthread_t tid;
  pthread_create(&tid, NULL, poll_loop, NULL);
  pthread_detach(tid);
}
// CHECK-MESSAGES: :[[@LINE-10]]:3: warning: thread entry 'poll_loop' runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively; cooperative replacement: coop_thread_start with a worker loop that checks coop_stop_requested() [coop-detached-infinite-loop]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: thread started here by 'pthread_create'
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-13]]:3: warning: thread entry 'poll_loop' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:3: note: thread started here by 'pthread_create'
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:3: note: thread detached here

// --- a detached attribute, a struct member id, do-while(1) ---------------------
struct server {
  pthread_t thread;
  int port;
};
static void *serve(void *arg) {
  struct server *s = arg;
  do {
    work();
  } while (1);
  return NULL;
}
void start_server(struct server *s) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_create(&s->thread, &attr, serve, s);
  pthread_attr_destroy(&attr);
}
// CHECK-MESSAGES: :[[@LINE-12]]:3: warning: thread entry 'serve' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: thread started here by 'pthread_create'
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-15]]:3: warning: thread entry 'serve' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:3: note: thread started here by 'pthread_create'
// CHECK-MESSAGES-JOIN: :[[@LINE-9]]:3: note: thread detached here

// --- the entry detaches itself; a const condition; a cast entry ---------------
static const int forever = 1;
static void *self_detaching(void *arg) {
  pthread_detach(pthread_self());
  while (forever) {
    work();
  }
}
void start_self_detaching(void) {
  pthread_t tid;
  pthread_create(&tid, NULL, (void *(*)(void *))self_detaching, NULL);
}
// CHECK-MESSAGES: :[[@LINE-8]]:3: warning: thread entry 'self_detaching' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: thread started here by 'pthread_create'
// CHECK-MESSAGES: :[[@LINE-11]]:3: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-11]]:3: warning: thread entry 'self_detaching' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-6]]:3: note: thread started here by 'pthread_create'
// CHECK-MESSAGES-JOIN: :[[@LINE-14]]:3: note: thread detached here

// --- an array of ids -------------------------------------------------------------
static void *pool_worker(void *arg) {
  for (;;)
    work();
}
void start_pool(void) {
  pthread_t ids[4];
  for (int i = 0; i < 4; ++i) {
    pthread_create(&ids[i], NULL, pool_worker, NULL);
    pthread_detach(ids[i]);
  }
}
// CHECK-MESSAGES: :[[@LINE-10]]:3: warning: thread entry 'pool_worker' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: thread started here by 'pthread_create'
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-13]]:3: warning: thread entry 'pool_worker' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-8]]:5: note: thread started here by 'pthread_create'
// CHECK-MESSAGES-JOIN: :[[@LINE-8]]:5: note: thread detached here

// --- not flagged: C stop checks ------------------------------------------------------
static void *atomic_checked(void *arg) {
  while (1) {
    if (atomic_load(&g_stop))
      break;
    work();
  }
  return NULL;
}
static void *atomic_implicit(void *arg) {
  for (;;)
    if (g_stop_count > 3) // an _Atomic read
      return NULL;
}
static void *token_checked(void *arg) {
  coop_stop_token *token = arg;
  for (;;) {
    if (coop_stop_requested(*token))
      return NULL;
    work();
  }
}
static void *counted(void *arg) {
  int n = 0;
  for (;;)
    if (n++ >= 100)
      return NULL;
}
void start_checked(void) {
  pthread_t a, b, c, d;
  pthread_create(&a, NULL, atomic_checked, NULL);
  pthread_detach(a);
  pthread_create(&b, NULL, atomic_implicit, NULL);
  pthread_detach(b);
  pthread_create(&c, NULL, token_checked, NULL);
  pthread_detach(c);
  pthread_create(&d, NULL, counted, NULL);
  pthread_detach(d);
}

// --- joined: only with CheckJoinableThreads ---------------------------------------------
static void *joined(void *arg) {
  for (;;)
    work();
}
void start_joined(void) {
  pthread_t tid;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_JOINABLE);
  pthread_create(&tid, &attr, joined, NULL);
  pthread_join(tid, NULL);
}
// CHECK-MESSAGES-JOIN: :[[@LINE-11]]:3: warning: thread entry 'joined' runs an infinite loop with no stop check; the thread can never be stopped cooperatively, and joining it blocks forever; cooperative replacement: coop_thread_start with a worker loop that checks coop_stop_requested()
// CHECK-MESSAGES-JOIN: :[[@LINE-4]]:3: note: thread started here by 'pthread_create'

// Another thread's id detached elsewhere does not detach this one.
static void *other(void *arg) {
  for (;;)
    work();
}
void start_other(pthread_t unrelated) {
  pthread_t tid;
  pthread_create(&tid, NULL, other, NULL);
  pthread_detach(unrelated);
}
// CHECK-MESSAGES-JOIN: :[[@LINE-8]]:3: warning: thread entry 'other' runs an infinite loop with no stop check; the thread can never be stopped cooperatively, and joining it blocks forever
// CHECK-MESSAGES-JOIN: :[[@LINE-4]]:3: note: thread started here by 'pthread_create'
