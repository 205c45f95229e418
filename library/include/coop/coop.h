/* coop.h: the C11 interface to coop (same implementation as the C++ headers).
 *
 * A C program that used pthread_cancel gets, instead of asynchronous cancellation:
 *   - a stop source it asks to stop, and tokens its threads poll (coop_stop_requested)
 *     or pass to waits that then return COOP_STOPPED;
 *   - waits on pthread condition variables, semaphores, file descriptors and sleeps;
 *   - worker threads with request-stop and join-with-timeout;
 *   - child processes that CAN be killed safely (coop_process_*).
 *
 * Return codes: COOP_READY (0) the awaited thing happened; COOP_STOPPED the token was
 * stopped; COOP_TIMEDOUT the timeout/deadline passed; COOP_ERROR (-1) with errno set.
 */
#ifndef COOP_COOP_H
#define COOP_COOP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#if !defined(_WIN32)
#include <pthread.h>
#include <semaphore.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

enum {
  COOP_READY = 0,
  COOP_STOPPED = 1,
  COOP_TIMEDOUT = 2,
  COOP_ERROR = -1
};

/* ---- stop source / token ------------------------------------------------------------ */

typedef struct coop_stop_source coop_stop_source;

/* A small value type that BORROWS its source's state: copy it freely, never free it, and
 * do not use it after coop_stop_source_destroy. A zero-initialised token
 * (coop_stop_token t = {0}) is never stopped. */
typedef struct coop_stop_token {
  void *state_;
} coop_stop_token;

coop_stop_source *coop_stop_source_create(void); /* NULL (errno ENOMEM) on failure */
void coop_stop_source_destroy(coop_stop_source *source);
/* true only for the call that actually stopped the source; runs registered callbacks */
bool coop_stop_source_request_stop(coop_stop_source *source);
coop_stop_token coop_stop_source_token(coop_stop_source *source);
bool coop_stop_requested(coop_stop_token token);
/* why it was stopped: 0 not stopped, 1 request_stop, 2 deadline, 3 shutdown, >= 256 user */
unsigned coop_stop_reason(coop_stop_token token);
bool coop_stop_source_request_stop_reason(coop_stop_source *source, unsigned reason);

/* A callback run once when the token is stopped (immediately, on this thread, if it
 * already is; otherwise on the thread that requests the stop). Destroying it waits for a
 * run in progress on another thread. NULL (errno ENOMEM) on failure. */
typedef struct coop_stop_callback coop_stop_callback;
coop_stop_callback *coop_stop_callback_create(coop_stop_token token, void (*fn)(void *arg), void *arg);
void coop_stop_callback_destroy(coop_stop_callback *callback);

/* ---- waits --------------------------------------------------------------------------- */

/* Sleeps `ms` milliseconds: COOP_TIMEDOUT when the full time elapsed, COOP_STOPPED if stopped. */
int coop_sleep_ms(coop_stop_token token, long ms);

#if !defined(_WIN32)
/* pthread_cond_wait / pthread_cond_timedwait that a stop interrupts. `mutex` is locked on
 * entry and on return. COOP_READY on a notification (possibly spurious: re-check your
 * predicate, as with pthread_cond_wait), COOP_STOPPED, COOP_TIMEDOUT. `abstime` is in the
 * condition variable's clock (CLOCK_REALTIME unless set with pthread_condattr_setclock);
 * NULL waits without timeout. The stop callback locks `mutex` to notify, so the stop
 * cannot be lost between your predicate check and the wait. */
int coop_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex, coop_stop_token token, const struct timespec *abstime);

/* sem_wait / sem_timedwait (abstime in CLOCK_REALTIME, NULL: none). A semaphore cannot be
 * woken from outside, so the wait is sliced: a stop is seen within 16 ms. */
int coop_sem_wait(sem_t *sem, coop_stop_token token, const struct timespec *abstime);

/* poll(fd, poll_events) plus the stop: COOP_READY when fd has events (including
 * POLLERR/POLLHUP), COOP_STOPPED, COOP_TIMEDOUT; timeout_ms -1 waits forever. */
int coop_wait_fd(int fd, short poll_events, coop_stop_token token, int timeout_ms);
#endif

/* ---- worker threads ------------------------------------------------------------------ */

typedef struct coop_thread coop_thread;

/* Starts fn(token, arg) on a new thread that owns its stop source. NULL (errno set) on failure. */
coop_thread *coop_thread_start(void *(*fn)(coop_stop_token token, void *arg), void *arg);
void coop_thread_request_stop(coop_thread *thread);
/* The thread's token (valid until the thread is joined or detached). */
coop_stop_token coop_thread_token(coop_thread *thread);
/* Waits up to timeout_ms (< 0: forever) for fn to return. COOP_READY: joined, *result (if
 * not NULL) is fn's return value, and `thread` is freed. COOP_TIMEDOUT: still running,
 * `thread` stays valid (join again, or detach). Does not request the stop itself. */
int coop_thread_join(coop_thread *thread, long timeout_ms, void **result);
/* Lets the thread finish on its own and frees `thread` when it does. */
void coop_thread_detach(coop_thread *thread);

/* ---- process isolation (POSIX) ------------------------------------------------------- */
#if !defined(_WIN32)

typedef struct coop_process coop_process;

/* The child runs fn(arg, result_fd): it writes its result bytes to result_fd and returns
 * its exit code. It is a fork() of this process, in its own process group. NULL (errno
 * set) on failure. */
coop_process *coop_process_spawn(int (*fn)(void *arg, int result_fd), void *arg);
/* execvp(argv[0], argv); argv is NULL-terminated. capture_stdout: collect the child's
 * stdout as its output. NULL (errno set) if the fork or the exec fails. */
coop_process *coop_process_spawn_command(const char *const argv[], bool capture_stdout);
long coop_process_pid(const coop_process *process);
/* Waits for exit (timeout_ms -1: forever), draining output, and reaps: COOP_READY,
 * COOP_STOPPED, COOP_TIMEDOUT. */
int coop_process_wait(coop_process *process, coop_stop_token token, int timeout_ms);
/* SIGTERM to the group, up to grace_ms for the exit, SIGKILL to the group, reap. COOP_READY. */
int coop_process_terminate(coop_process *process, long grace_ms);
/* After the child was reaped: COOP_READY and *exit_code (-1 if signalled) / *term_signal
 * (0 if exited); before: COOP_ERROR (errno EBUSY). Either pointer may be NULL. */
int coop_process_status(const coop_process *process, int *exit_code, int *term_signal);
/* The bytes the child produced (result_fd / captured stdout) so far; not NUL-terminated. */
const void *coop_process_output(const coop_process *process, size_t *size);
/* Terminates (no grace) if still running, reaps, frees. */
void coop_process_destroy(coop_process *process);

#endif

#ifdef __cplusplus
}
#endif

#endif /* COOP_COOP_H */
