/* Stops its worker by force. */
#include <pthread.h>

void stop_worker(pthread_t worker) {
  pthread_cancel(worker);
  pthread_join(worker, 0);
}
