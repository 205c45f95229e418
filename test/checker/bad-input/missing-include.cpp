// A missing header: the code that needs it is left with unknown types and
// functions. A clear "file not found" error and a non-zero exit, no crash.
//
// RUN: not %clang_tidy --load=%coop_plugin %s -checks='-*,coop-*' -- -std=c++17 2>&1 | FileCheck %s
// RUN: not %coop_tidy %s -checks='-*,coop-*' -- -std=c++17 2>&1 | FileCheck %s
// CHECK: error: 'coop-no-such-header.h' file not found
// CHECK: Found compiler error(s).
#include "coop-no-such-header.h"

void run(Worker &w, ThreadHandle h) {
  std::thread t([&] { while (!w.stopped()) w.step(); });
  t.detach();
  pthread_cancel(h);
  TerminateThread(h, 1);
}
