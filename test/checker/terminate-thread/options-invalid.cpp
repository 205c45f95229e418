// An option value that is not a bool is reported, and the default applies.
// RUN: %check_coop %s coop-terminate-thread %t \
// RUN:   -- -config="{CheckOptions: {coop-terminate-thread.WarnOnSuspendThread: maybe}}" \
// RUN:   -- -std=c++17 -nostdinc -isystem %S/../Inputs/terminate-thread
// CHECK-MESSAGES: warning: invalid configuration value 'maybe' for option 'coop-terminate-thread.WarnOnSuspendThread'; expected a bool [clang-tidy-config]
#include "windows-stand-in.h"

void pause(HANDLE worker) {
  SuspendThread(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller
}
