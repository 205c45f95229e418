// A project header that brings in the coop C API: a file that includes it
// uses coop_stop_token without including <coop/coop.h> itself.
#ifndef COOP_TEST_PROJECT_H
#define COOP_TEST_PROJECT_H
#include <pthread.h>
#include <semaphore.h>
#include <coop/coop.h>

extern sem_t jobs;
#endif
