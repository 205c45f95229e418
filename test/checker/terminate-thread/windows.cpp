// The real declarations: mingw-w64's <windows.h> and <process.h> (Debian's
// mingw-w64-x86-64-dev), parsed for a Windows target.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c++17 \
// RUN:   --target=x86_64-w64-mingw32 \
// RUN:   -isystem /usr/x86_64-w64-mingw32/include
#include <windows.h>
#include <process.h>
#include <winternl.h>

// ntdll's functions are not in the SDK headers; programs declare them.
extern "C" NTSTATUS NTAPI NtTerminateThread(HANDLE thread, NTSTATUS status);

#define KILL_WORKER(h) TerminateThread(h, 1)

struct ScopedLock {
  explicit ScopedLock(CRITICAL_SECTION &cs) : cs_(cs) { EnterCriticalSection(&cs_); }
  ~ScopedLock() { LeaveCriticalSection(&cs_); }
  CRITICAL_SECTION &cs_;
};

unsigned __stdcall entry(void *arg) {
  ScopedLock lock(*static_cast<CRITICAL_SECTION *>(arg));
  if (!arg)
    _endthreadex(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: '_endthreadex' ends the calling thread without unwinding its stack: the destructors of its objects never run, so locks stay held and resources leak; cooperative replacement: return from the thread function once the coop::stop_token it checks is stopped (coop::jthread) [coop-terminate-thread]
  ExitThread(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ExitThread' ends the calling thread without unwinding its stack
  return 0;
}

void stop(HANDLE worker) {
  TerminateThread(worker, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'TerminateThread' kills a thread at whatever instruction it is running: its cleanup never runs, and a lock it holds (even the heap's or the loader's) stays locked forever; cooperative replacement: a coop::stop_source whose coop::stop_token the worker checks (coop::jthread does both), its waits on handles made stoppable with coop::wait_handle; a child process (coop::process_worker on POSIX) for work that must be killable [coop-terminate-thread]
  KILL_WORKER(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'TerminateThread' kills a thread
  NtTerminateThread(worker, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'NtTerminateThread' kills a thread
  FARPROC zw = GetProcAddress(GetModuleHandleA("ntdll.dll"), "ZwTerminateThread");
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: 'ZwTerminateThread' kills a thread
  (void)zw;
  SuspendThread(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SuspendThread' on a thread other than the caller can freeze it while it holds the heap or loader lock, and the next allocation or DLL load deadlocks the process; cooperative replacement: a request the thread honours at a safe point: a coop::stop_token it checks (coop::jthread) or waits on (coop::wait_handle) [coop-terminate-thread]
  TerminateThread(worker, 1); // NOLINT(coop-terminate-thread)
}

template <class Handle> void stop_later(Handle h) {
  TerminateThread(h, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'TerminateThread' kills a thread
}

// The cooperative shape: signal an event, let the worker return, wait.
void cooperative(HANDLE worker, HANDLE stop_event) {
  stop_later(worker);
  stop_later<void *>(worker);
  SuspendThread(GetCurrentThread());
  SetEvent(stop_event);
  WaitForSingleObject(worker, INFINITE);
  CloseHandle(worker);
  unsigned id = 0;
  HANDLE started = reinterpret_cast<HANDLE>(
      _beginthreadex(nullptr, 0, entry, nullptr, 0, &id));
  ResumeThread(started);
}
