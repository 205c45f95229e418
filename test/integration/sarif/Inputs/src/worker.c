/* coop-sarif's input: a finding with a fix-it, and one after a multi-byte
   character (SARIF columns count UTF-16 code units, clang's count bytes). */
#include <pthread.h>

void stop(pthread_t w) {
  int old;
  pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
  /* é */ pthread_cancel(w);
}
