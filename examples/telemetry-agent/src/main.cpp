#include "agent.h"

#include <sys/socket.h>

int main() {
  int collector = socket(AF_INET, SOCK_DGRAM, 0);
  pthread_t poller = start_legacy_poller(collector);
  start_uploader();
  start_metrics();
  enqueue_batch("{\"cpu\": 0.4}");
  stop_metrics();
  stop_uploader();
  stop_legacy_poller(poller);
}
