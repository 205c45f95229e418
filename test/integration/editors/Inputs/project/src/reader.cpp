// C++, compiled with the flags of the compile database (-std=c++17 from the
// project); the message names the C++ replacement.
#include <csignal>
#include <pthread.h>

void stop_reader(pthread_t reader) {
  pthread_kill(reader, SIGKILL);
}
