// Win32 waits with INFINITE, judged by value (INFINITE, -1, a constexpr),
// in a CreateThread worker; finite timeouts and main-thread code are fine.
// RUN: %check_coop %s coop-unbounded-wait %t -- -- -std=c++17 -nostdinc++ \
// RUN:   -isystem %S/../Inputs/unbounded-wait
#include "windows-waits.h"

constexpr DWORD kForever = ~0u;

static DWORD worker(void *param) {
  HANDLE event = param;
  HANDLE both[2] = {event, event};
  WaitForSingleObject(event, INFINITE);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'WaitForSingleObject' with INFINITE waits for the object with no stop token, so a stop request cannot wake the thread; cooperative replacement: WaitForMultipleObjects on the object and a stop event that a coop::stop_callback sets, or a finite timeout in a loop that checks the coop::stop_token [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE+31]]:19: note: this code runs on the thread that 'CreateThread' starts here
  WaitForSingleObject(event, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'WaitForSingleObject' with INFINITE
  // CHECK-MESSAGES: :[[@LINE+28]]:19: note: this code runs on the thread
  WaitForSingleObjectEx(event, kForever, TRUE);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'WaitForSingleObjectEx' with INFINITE
  // CHECK-MESSAGES: :[[@LINE+25]]:19: note: this code runs on the thread
  WaitForMultipleObjects(2, both, FALSE, INFINITE);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'WaitForMultipleObjects' with INFINITE waits for the objects with no stop token
  // CHECK-MESSAGES: :[[@LINE+22]]:19: note: this code runs on the thread
  WaitForMultipleObjectsEx(2, both, TRUE, INFINITE, FALSE);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'WaitForMultipleObjectsEx' with INFINITE
  // CHECK-MESSAGES: :[[@LINE+19]]:19: note: this code runs on the thread
  MsgWaitForMultipleObjects(1, both, FALSE, INFINITE, QS_ALLINPUT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MsgWaitForMultipleObjects' with INFINITE waits for the objects or a message
  // CHECK-MESSAGES: :[[@LINE+16]]:19: note: this code runs on the thread
  MsgWaitForMultipleObjectsEx(1, both, INFINITE, QS_ALLINPUT, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MsgWaitForMultipleObjectsEx' with INFINITE
  // CHECK-MESSAGES: :[[@LINE+13]]:19: note: this code runs on the thread
  SleepEx(INFINITE, TRUE);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SleepEx' with INFINITE sleeps until an APC arrives, so a stop request cannot wake the thread; cooperative replacement: coop::sleep_for(token, duration) in a loop that ends on coop::wait_status::stop_requested [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE+10]]:19: note: this code runs on the thread
  // Finite timeouts are fine.
  WaitForSingleObject(event, 0);
  WaitForSingleObject(event, 5000);
  WaitForMultipleObjects(2, both, FALSE, 100);
  SleepEx(10, FALSE);
  return 0;
}

int main() {
  HANDLE thread = CreateThread(nullptr, 0, worker, nullptr, 0, nullptr);
  WaitForSingleObject(thread, INFINITE);
  return 0;
}
