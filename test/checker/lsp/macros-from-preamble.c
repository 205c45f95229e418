// Regression: in coop-clangd the system headers come from a precompiled
// preamble, whose macros have tokens with no literal data. Reading SIGKILL's
// value from such a macro crashed coop-clangd; it must be read back through
// the source manager and give the same diagnostic as clang-tidy does.
// REQUIRES: coop-clangd
// RUN: %lsp_client %coop_clangd %s -- -std=gnu11 | FileCheck %s
#include <pthread.h>
#include <signal.h>

void kill_worker(pthread_t worker) {
  pthread_kill(worker, SIGKILL);
  pthread_kill(worker, SIGUSR1);
}

// CHECK: diagnostic 11:3-11:31 [coop-pthread-cancel] warning: 'pthread_kill' with SIGKILL terminates the whole process, not only the target thread, and no cleanup runs; cooperative replacement: coop_stop_source_request_stop() and a worker that checks coop_stop_requested() (coop_thread_start)
// CHECK-NOT: diagnostic
