/* A missing header in C; see missing-include.cpp.

   RUN: not %clang_tidy --load=%coop_plugin %s -checks='-*,coop-*' -- -std=c11 2>&1 | FileCheck %s
   RUN: not %coop_tidy %s -checks='-*,coop-*' -- -std=c11 2>&1 | FileCheck %s
   CHECK: error: 'coop/no-such-header.h' file not found
   CHECK: Found compiler error(s).
*/
#include <coop/no-such-header.h>

static volatile int running = 1;
static void *loop(void *arg) { while (running) poll_once(arg); return 0; }
void stop(pthread_t t) { running = 0; pthread_kill(t, SIGTERM); }
