// Ends a reader thread with a signal that ends the whole process.
#include <csignal>
#include <pthread.h>

void stop_reader(pthread_t reader) {
  pthread_kill(reader, SIGKILL);
}
