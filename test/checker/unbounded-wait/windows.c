// Win32 waits in C, with the C replacements named; CheckAllFunctions.
// RUN: %check_coop %s coop-unbounded-wait %t -- \
// RUN:   -config="{CheckOptions: {coop-unbounded-wait.CheckAllFunctions: true}}" \
// RUN:   -- -std=c11 -nostdinc -isystem %S/../Inputs/unbounded-wait
#include "windows-waits.h"

#define WAIT_FOREVER(h) WaitForSingleObject(h, INFINITE)

void wait_all(HANDLE event, DWORD timeout_ms) {
  WaitForSingleObject(event, INFINITE);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'WaitForSingleObject' with INFINITE waits for the object with no stop token, so a stop request cannot wake the thread; cooperative replacement: WaitForMultipleObjects on the object and a stop event that a coop_stop_callback sets, or a finite timeout in a loop that checks coop_stop_requested(token) [coop-unbounded-wait]
  WAIT_FOREVER(event);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'WaitForSingleObject' with INFINITE
  SleepEx(0xFFFFFFFF, FALSE);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SleepEx' with INFINITE sleeps until an APC arrives, so a stop request cannot wake the thread; cooperative replacement: coop_sleep_ms(token, ms) in a loop that ends on COOP_STOPPED [coop-unbounded-wait]
  const DWORD forever = INFINITE;
  WaitForSingleObjectEx(event, forever, TRUE);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'WaitForSingleObjectEx' with INFINITE
  WaitForSingleObject(event, timeout_ms);
  WaitForSingleObject(event, 10);
  SleepEx(1000, TRUE);
}
