/* Reads datagrams from the collector socket on a detached pthread. */
#include "agent.h"

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

static void handle_datagram(const char *data, ssize_t size) { (void)data; (void)size; }

static void *poll_collector(void *arg) {
  int fd = (int)(intptr_t)arg;
  char buffer[65536];
  int old;
  /* "So that pthread_cancel works even while we compute." */
  pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
  for (;;) {
    ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n > 0)
      handle_datagram(buffer, n);
  }
  return NULL;
}

pthread_t start_legacy_poller(int socket_fd) {
  pthread_t poller;
  pthread_create(&poller, NULL, poll_collector, (void *)(intptr_t)socket_fd);
  pthread_detach(poller);
  return poller;
}

void stop_legacy_poller(pthread_t poller) {
  pthread_kill(poller, SIGTERM);
}
