// Input of allowed-signals.test.
#include <pthread.h>
#include <signal.h>
void stop(pthread_t t) {
  pthread_kill(t, SIGUSR1);
  pthread_kill(t, SIGTERM);
}
