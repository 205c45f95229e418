// The real declarations in C: TerminateThread and SuspendThread are
// reported with the C API's replacement; ExitThread and _endthreadex, the
// normal end of a C thread, are not.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c11 \
// RUN:   --target=x86_64-w64-mingw32 \
// RUN:   -isystem /usr/x86_64-w64-mingw32/include
#include <windows.h>
#include <process.h>

unsigned __stdcall entry(void *arg) {
  if (!arg)
    _endthreadex(1);
  ExitThread(0);
  return 0;
}

void stop(HANDLE worker) {
  TerminateThread(worker, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'TerminateThread' kills a thread at whatever instruction it is running: its cleanup never runs, and a lock it holds (even the heap's or the loader's) stays locked forever; cooperative replacement: coop_stop_source_request_stop() and a worker that checks coop_stop_requested() (coop_thread_start), or SetEvent on a stop event the worker waits for; a child process (coop_process_* on POSIX) for work that must be killable [coop-terminate-thread]
  SuspendThread(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller can freeze it while it holds the heap or loader lock, and the next allocation or DLL load deadlocks the process; cooperative replacement: a request the thread honours at a safe point: coop_stop_requested() checks (coop_thread_start), or an event it waits for [coop-terminate-thread]
  HANDLE self = GetCurrentThread();
  SuspendThread(self);
  BOOL (WINAPI *kill)(HANDLE, DWORD) = TerminateThread;
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'TerminateThread' kills a thread
  kill(worker, 0);
}
