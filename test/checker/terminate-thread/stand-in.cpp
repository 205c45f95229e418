// The Windows, ntdll and CRT functions declared by hand (no <windows.h>):
// every reference is reported, in C++ also the thread-exit functions.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c++17 -nostdinc \
// RUN:   -isystem %S/../Inputs/terminate-thread
#include "windows-stand-in.h"

namespace std {
class type_info;
}

#define KILL_WORKER(h) TerminateThread(h, 1)
#define CALL_WITH(fn, h) fn(h, 0)

namespace app {
// A user function of the same name is not the Windows one...
BOOL TerminateThread(HANDLE, DWORD);
void ExitThread(DWORD);
} // namespace app

struct Pool {
  BOOL TerminateThread(HANDLE, DWORD); // ...nor is a member.
  static void _endthreadex(unsigned);
};

void kill(HANDLE worker) {
  TerminateThread(worker, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'TerminateThread' kills a thread at whatever instruction it is running: its cleanup never runs, and a lock it holds (even the heap's or the loader's) stays locked forever; cooperative replacement: a coop::stop_source whose coop::stop_token the worker checks (coop::jthread does both), its waits on handles made stoppable with coop::wait_handle; a child process (coop::process_worker on POSIX) for work that must be killable [coop-terminate-thread]
  ::TerminateThread(worker, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'TerminateThread' kills a thread at whatever instruction
  NtTerminateThread(worker, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'NtTerminateThread' kills a thread at whatever instruction it is running: its cleanup never runs, and a lock it holds (even the heap's or the loader's) stays locked forever; cooperative replacement: a coop::stop_source whose coop::stop_token the worker checks (coop::jthread does both), its waits on handles made stoppable with coop::wait_handle; a child process (coop::process_worker on POSIX) for work that must be killable [coop-terminate-thread]
  ZwTerminateThread(worker, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ZwTerminateThread' kills a thread at whatever instruction
}

void address_taken(HANDLE worker) {
  BOOL (*stop)(HANDLE, DWORD) = TerminateThread;
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'TerminateThread' kills a thread
  auto *stop_nt = &NtTerminateThread;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'NtTerminateThread' kills a thread
  stop(worker, 1);
  stop_nt(worker, 1);
}

// The usual way to reach ntdll: looked up by name.
void looked_up(HANDLE worker) {
  HMODULE ntdll = GetModuleHandleA("ntdll.dll");
  auto *nt_kill = reinterpret_cast<NTSTATUS (*)(HANDLE, NTSTATUS)>(
      GetProcAddress(ntdll, "NtTerminateThread"));
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'NtTerminateThread' kills a thread
  nt_kill(worker, 0);
  GetProcAddress(ntdll, "ZwSuspendThread");
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'ZwSuspendThread' on a thread other than the caller can freeze it while it holds the heap or loader lock, and the next allocation or DLL load deadlocks the process; cooperative replacement: a request the thread honours at a safe point: a coop::stop_token it checks (coop::jthread) or waits on (coop::wait_handle) [coop-terminate-thread]
  GetProcAddress(ntdll, "NtQueryInformationThread");
  GetProcAddress(ntdll, "TerminateThreadPool");
}

void through_macros(HANDLE worker) {
  // A name inside a macro body is reported where the macro is used...
  KILL_WORKER(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'TerminateThread' kills a thread
  // ...and a name passed as a macro argument where it is written.
  CALL_WITH(ZwTerminateThread, worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'ZwTerminateThread' kills a thread
}

// In C++ ending a thread from inside skips its destructors.
void exit_early(bool failed) {
  if (failed)
    ExitThread(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'ExitThread' ends the calling thread without unwinding its stack: the destructors of its objects never run, so locks stay held and resources leak; cooperative replacement: return from the thread function once the coop::stop_token it checks is stopped (coop::jthread) [coop-terminate-thread]
  _endthreadex(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '_endthreadex' ends the calling thread without unwinding its stack
  _endthread();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '_endthread' ends the calling thread without unwinding its stack
  void (*bail)(DWORD) = &ExitThread;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'ExitThread' ends the calling thread
  bail(3);
}

void not_windows(HANDLE worker, Pool &pool) {
  app::TerminateThread(worker, 1);
  app::ExitThread(0);
  pool.TerminateThread(worker, 1);
  Pool::_endthreadex(0);
}

void suppressed(HANDLE worker) {
  TerminateThread(worker, 1); // NOLINT(coop-terminate-thread)
  // NOLINTNEXTLINE(coop-*)
  TerminateThread(worker, 1);
  KILL_WORKER(worker); // NOLINT
}

// Reported once for the template, not once per instantiation...
template <class Handle> void kill_later(Handle h) {
  TerminateThread(h, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'TerminateThread' kills a thread
}
// ...and also when it is never instantiated.
template <class Handle> void never_instantiated(Handle h) {
  ZwTerminateThread(h, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ZwTerminateThread' kills a thread
}
template <class T> struct Worker {
  HANDLE handle;
  ~Worker() { TerminateThread(handle, 0); }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'TerminateThread' kills a thread
};
void instantiate(HANDLE worker) {
  kill_later(worker);
  kill_later<void *>(worker);
  Worker<int> a{worker};
  Worker<long> b{worker};
}

// Code at namespace scope has no enclosing function.
BOOL (*const global_stop)(HANDLE, DWORD) = &TerminateThread;
// CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'TerminateThread' kills a thread

// Named without being run or having its address taken: not reported.
using KillFunction = decltype(&TerminateThread);
static_assert(sizeof(&ZwTerminateThread) == sizeof(void *), "");
void unevaluated(HMODULE ntdll, HANDLE worker) {
  auto *nt_kill = reinterpret_cast<decltype(&NtTerminateThread)>(
      GetProcAddress(ntdll, "NtTerminateThread"));
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'NtTerminateThread' kills a thread
  (void)nt_kill;
  decltype(SuspendThread(worker)) previous = 0;
  bool no_throw = noexcept(ExitThread(0));
  const auto &type = typeid(TerminateThread(worker, 0));
  (void)previous, (void)no_throw, (void)type;
}

// The cooperative way is silent.
void cooperative(HANDLE worker, HANDLE stop_event) {
  SetEvent(stop_event);
  WaitForSingleObject(worker, INFINITE);
  CloseHandle(worker);
}
