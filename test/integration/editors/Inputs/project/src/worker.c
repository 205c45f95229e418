/* Opened in the editor: one finding with a quick fix, one without. */
#include <pthread.h>

void stop(pthread_t w) {
  int old;
  pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
  pthread_cancel(w);
}
