// C: the kill and suspend functions are reported with the C API's
// replacement; the thread-exit functions are not, since C has no destructors
// for them to skip.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c11 -nostdinc \
// RUN:   -isystem %S/../Inputs/terminate-thread
#include "windows-stand-in.h"

#define KILL_WORKER(h) TerminateThread(h, 1)

void kill(HANDLE worker) {
  TerminateThread(worker, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'TerminateThread' kills a thread at whatever instruction it is running: its cleanup never runs, and a lock it holds (even the heap's or the loader's) stays locked forever; cooperative replacement: coop_stop_source_request_stop() and a worker that checks coop_stop_requested() (coop_thread_start), or SetEvent on a stop event the worker waits for; a child process (coop_process_* on POSIX) for work that must be killable [coop-terminate-thread]
  NtTerminateThread(worker, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'NtTerminateThread' kills a thread
  KILL_WORKER(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'TerminateThread' kills a thread
  KILL_WORKER(worker); // NOLINT(coop-terminate-thread)
}

void address_taken(HANDLE worker) {
  BOOL (*stop)(HANDLE, DWORD) = &TerminateThread;
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'TerminateThread' kills a thread
  stop(worker, 1);
  FARPROC zw = GetProcAddress(GetModuleHandleA("ntdll.dll"), "ZwTerminateThread");
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: 'ZwTerminateThread' kills a thread
  (void)zw;
}

void suspend(HANDLE worker) {
  SuspendThread(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller can freeze it while it holds the heap or loader lock, and the next allocation or DLL load deadlocks the process; cooperative replacement: a request the thread honours at a safe point: coop_stop_requested() checks (coop_thread_start), or an event it waits for [coop-terminate-thread]
  SuspendThread(GetCurrentThread());
  HANDLE self = GetCurrentThread();
  NtSuspendThread(self, 0);
}

// Named without being run or having its address taken: not reported.
_Static_assert(sizeof(&TerminateThread) == sizeof(void *), "");
int is_kill_function(void *fn) {
  return _Generic(&TerminateThread, BOOL (*)(HANDLE, DWORD): 1, default: 0) &&
         sizeof(SuspendThread(fn)) == sizeof(DWORD);
}

// A C thread ends itself with ExitThread / _endthreadex: nothing to unwind.
unsigned c_thread_entry(void *arg) {
  if (!arg)
    _endthreadex(1);
  _endthread();
  ExitThread(0);
  void (*bail)(DWORD) = ExitThread;
  bail(0);
  GetProcAddress(GetModuleHandleA("kernel32.dll"), "ExitThread");
  return 0;
}
