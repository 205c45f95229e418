/* Interrupts a worker's blocking call with a signal it handles: a wake-up,
   not a termination. */
#include <pthread.h>
#include <signal.h>

int wake_worker(pthread_t worker) {
  return pthread_kill(worker, SIGUSR1);
}
