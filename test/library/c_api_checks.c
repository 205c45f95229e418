/* The C API exercised from C11. Each check returns 0 on success or the failing line;
 * c_api_test.cpp runs them under GoogleTest. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "coop/coop.h"

#define CHECK(cond) \
  do {              \
    if (!(cond)) return __LINE__; \
  } while (0)

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

/* Requests a stop after `delay_ms` on a plain pthread. */
struct delayed_stop {
  coop_stop_source *source;
  long delay_ms;
};
static void *delayed_stop_main(void *arg) {
  struct delayed_stop *d = arg;
  sleep_ms(d->delay_ms);
  coop_stop_source_request_stop(d->source);
  return NULL;
}

int coop_c_check_source_and_token(void) {
  coop_stop_source *s = coop_stop_source_create();
  CHECK(s != NULL);
  coop_stop_token t = coop_stop_source_token(s);
  coop_stop_token none = {0};
  CHECK(!coop_stop_requested(t));
  CHECK(!coop_stop_requested(none));
  CHECK(coop_stop_reason(t) == 0);
  CHECK(coop_stop_source_request_stop(s));
  CHECK(!coop_stop_source_request_stop(s));
  CHECK(coop_stop_requested(t));
  CHECK(coop_stop_reason(t) == 1);
  coop_stop_source_destroy(s);

  s = coop_stop_source_create();
  CHECK(coop_stop_source_request_stop_reason(s, 300));
  CHECK(coop_stop_reason(coop_stop_source_token(s)) == 300);
  coop_stop_source_destroy(s);
  coop_stop_source_destroy(NULL);
  return 0;
}

static void count_call(void *arg) { ++*(int *)arg; }

int coop_c_check_callbacks(void) {
  coop_stop_source *s = coop_stop_source_create();
  int runs = 0, removed_runs = 0;
  coop_stop_callback *cb = coop_stop_callback_create(coop_stop_source_token(s), count_call, &runs);
  coop_stop_callback *removed = coop_stop_callback_create(coop_stop_source_token(s), count_call, &removed_runs);
  CHECK(cb != NULL && removed != NULL);
  coop_stop_callback_destroy(removed);
  CHECK(runs == 0);
  coop_stop_source_request_stop(s);
  CHECK(runs == 1);
  CHECK(removed_runs == 0);
  coop_stop_callback *late = coop_stop_callback_create(coop_stop_source_token(s), count_call, &runs);
  CHECK(runs == 2); /* inline: already stopped */
  coop_stop_callback_destroy(late);
  coop_stop_callback_destroy(cb);
  coop_stop_source_destroy(s);
  return 0;
}

int coop_c_check_sleep(void) {
  coop_stop_source *s = coop_stop_source_create();
  CHECK(coop_sleep_ms(coop_stop_source_token(s), 10) == COOP_TIMEDOUT);
  struct delayed_stop d = {s, 20};
  pthread_t t;
  CHECK(pthread_create(&t, NULL, delayed_stop_main, &d) == 0);
  double start = now_seconds();
  CHECK(coop_sleep_ms(coop_stop_source_token(s), 10000) == COOP_STOPPED);
  CHECK(now_seconds() - start < 5.0);
  pthread_join(t, NULL);
  coop_stop_source_destroy(s);
  return 0;
}

int coop_c_check_cond_wait(void) {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  coop_stop_source *s = coop_stop_source_create();
  coop_stop_token tok = coop_stop_source_token(s);

  struct timespec abs;
  clock_gettime(CLOCK_REALTIME, &abs);
  abs.tv_nsec += 20 * 1000000L;
  if (abs.tv_nsec >= 1000000000L) {
    abs.tv_sec += 1;
    abs.tv_nsec -= 1000000000L;
  }
  pthread_mutex_lock(&m);
  int r;
  do {
    r = coop_cond_wait(&c, &m, tok, &abs);
  } while (r == COOP_READY); /* spurious */
  CHECK(r == COOP_TIMEDOUT);

  struct delayed_stop d = {s, 20};
  pthread_t t;
  CHECK(pthread_create(&t, NULL, delayed_stop_main, &d) == 0);
  double start = now_seconds();
  do {
    r = coop_cond_wait(&c, &m, tok, NULL);
  } while (r == COOP_READY);
  CHECK(r == COOP_STOPPED);
  CHECK(now_seconds() - start < 5.0);
  CHECK(pthread_mutex_trylock(&m) == EBUSY); /* still ours */
  pthread_mutex_unlock(&m);
  pthread_join(t, NULL);
  CHECK(coop_cond_wait(NULL, &m, tok, NULL) == COOP_ERROR);
  coop_stop_source_destroy(s);
  return 0;
}

int coop_c_check_sem_wait(void) {
  sem_t sem;
  CHECK(sem_init(&sem, 0, 1) == 0);
  coop_stop_source *s = coop_stop_source_create();
  coop_stop_token tok = coop_stop_source_token(s);
  CHECK(coop_sem_wait(&sem, tok, NULL) == COOP_READY);
  struct timespec abs;
  clock_gettime(CLOCK_REALTIME, &abs);
  abs.tv_sec += 0;
  abs.tv_nsec += 0;
  CHECK(coop_sem_wait(&sem, tok, &abs) == COOP_TIMEDOUT);
  struct delayed_stop d = {s, 20};
  pthread_t t;
  CHECK(pthread_create(&t, NULL, delayed_stop_main, &d) == 0);
  double start = now_seconds();
  CHECK(coop_sem_wait(&sem, tok, NULL) == COOP_STOPPED);
  CHECK(now_seconds() - start < 5.0);
  pthread_join(t, NULL);
  sem_destroy(&sem);
  coop_stop_source_destroy(s);
  return 0;
}

int coop_c_check_wait_fd(void) {
  int p[2];
  CHECK(pipe2(p, O_CLOEXEC) == 0);
  coop_stop_source *s = coop_stop_source_create();
  coop_stop_token tok = coop_stop_source_token(s);
  CHECK(coop_wait_fd(p[0], POLLIN, tok, 10) == COOP_TIMEDOUT);
  CHECK(write(p[1], "x", 1) == 1);
  CHECK(coop_wait_fd(p[0], POLLIN, tok, -1) == COOP_READY);
  char c;
  CHECK(read(p[0], &c, 1) == 1);
  struct delayed_stop d = {s, 20};
  pthread_t t;
  CHECK(pthread_create(&t, NULL, delayed_stop_main, &d) == 0);
  double start = now_seconds();
  CHECK(coop_wait_fd(p[0], POLLIN, tok, 10000) == COOP_STOPPED);
  CHECK(now_seconds() - start < 5.0);
  pthread_join(t, NULL);
  close(p[0]);
  close(p[1]);
  CHECK(coop_wait_fd(p[0], POLLIN, (coop_stop_token){0}, 10) == COOP_ERROR);
  coop_stop_source_destroy(s);
  return 0;
}

/* The pthread_cancel replacement: a worker that checks its token. */
static void *cooperative_worker(coop_stop_token token, void *arg) {
  int *iterations = arg;
  while (coop_sleep_ms(token, 1000) != COOP_STOPPED) ++*iterations;
  return (void *)(intptr_t)42;
}

static void *stubborn_worker(coop_stop_token token, void *arg) {
  (void)token;
  volatile int *release = arg;
  while (!__atomic_load_n(release, __ATOMIC_ACQUIRE)) sleep_ms(1);
  return NULL;
}

int coop_c_check_threads(void) {
  int iterations = 0;
  coop_thread *t = coop_thread_start(cooperative_worker, &iterations);
  CHECK(t != NULL);
  CHECK(!coop_stop_requested(coop_thread_token(t)));
  void *result = NULL;
  CHECK(coop_thread_join(t, 10, &result) == COOP_TIMEDOUT);
  coop_thread_request_stop(t);
  double start = now_seconds();
  CHECK(coop_thread_join(t, 5000, &result) == COOP_READY); /* t is freed */
  CHECK(now_seconds() - start < 5.0);
  CHECK((intptr_t)result == 42);

  int release = 0;
  coop_thread *s = coop_thread_start(stubborn_worker, &release);
  coop_thread_request_stop(s);
  CHECK(coop_thread_join(s, 20, NULL) == COOP_TIMEDOUT);
  __atomic_store_n(&release, 1, __ATOMIC_RELEASE);
  CHECK(coop_thread_join(s, -1, NULL) == COOP_READY);

  static int release2 = 1; /* outlives the detached thread */
  coop_thread *d = coop_thread_start(stubborn_worker, &release2);
  coop_thread_detach(d);
  CHECK(coop_thread_join(NULL, 0, NULL) == COOP_ERROR);
  sleep_ms(10); /* let the detached thread finish before the test process moves on */
  return 0;
}

static int child_writes(void *arg, int fd) {
  const char *text = arg;
  if (write(fd, text, strlen(text)) < 0) return 2;
  return 7;
}

static int child_hangs(void *arg, int fd) {
  (void)arg;
  (void)fd;
  for (;;) pause();
  return 0;
}

int coop_c_check_process(void) {
  coop_stop_source *s = coop_stop_source_create();
  coop_stop_token tok = coop_stop_source_token(s);

  coop_process *p = coop_process_spawn(child_writes, "from the child");
  CHECK(p != NULL);
  CHECK(coop_process_pid(p) > 0);
  CHECK(coop_process_wait(p, tok, -1) == COOP_READY);
  int code = -1, sig = -1;
  CHECK(coop_process_status(p, &code, &sig) == COOP_READY);
  CHECK(code == 7 && sig == 0);
  size_t size = 0;
  const char *out = coop_process_output(p, &size);
  CHECK(size == strlen("from the child") && memcmp(out, "from the child", size) == 0);
  coop_process_destroy(p);

  p = coop_process_spawn(child_hangs, NULL);
  CHECK(coop_process_status(p, &code, &sig) == COOP_ERROR && errno == EBUSY);
  CHECK(coop_process_wait(p, tok, 10) == COOP_TIMEDOUT);
  struct delayed_stop d = {s, 20};
  pthread_t t;
  CHECK(pthread_create(&t, NULL, delayed_stop_main, &d) == 0);
  CHECK(coop_process_wait(p, tok, -1) == COOP_STOPPED);
  pthread_join(t, NULL);
  CHECK(coop_process_terminate(p, 1000) == COOP_READY);
  CHECK(coop_process_status(p, &code, &sig) == COOP_READY);
  CHECK(code == -1 && sig == SIGTERM);
  coop_process_destroy(p);

  const char *argv[] = {"sh", "-c", "echo out; exit 5", NULL};
  p = coop_process_spawn_command(argv, true);
  CHECK(p != NULL);
  coop_stop_token none = {0};
  CHECK(coop_process_wait(p, none, 10000) == COOP_READY);
  CHECK(coop_process_status(p, &code, NULL) == COOP_READY && code == 5);
  out = coop_process_output(p, &size);
  CHECK(size == 4 && memcmp(out, "out\n", 4) == 0);
  coop_process_destroy(p);

  const char *missing[] = {"/nonexistent/coop-no-such-binary", NULL};
  errno = 0;
  CHECK(coop_process_spawn_command(missing, false) == NULL && errno == ENOENT);

  p = coop_process_spawn(child_hangs, NULL);
  coop_process_destroy(p); /* kills and reaps */
  coop_stop_source_destroy(s);
  return 0;
}
