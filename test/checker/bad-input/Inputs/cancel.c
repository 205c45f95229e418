#include <pthread.h>
void stop(pthread_t t) { pthread_cancel(t); }
