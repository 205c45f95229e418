#pragma once
#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif
/* The C poller that reads datagrams from the collector socket. */
pthread_t start_legacy_poller(int socket_fd);
void stop_legacy_poller(pthread_t poller);
#ifdef __cplusplus
}

#include <string>

void start_uploader();
void stop_uploader();
void enqueue_batch(std::string batch);
void start_metrics();
void stop_metrics();
#endif
