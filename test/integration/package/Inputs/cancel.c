/* What the packaged plugin and coop-tidy must report. */
#include <pthread.h>

void stop_worker(pthread_t worker) {
  pthread_cancel(worker);
}
