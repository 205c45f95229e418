// Windows threads: _beginthread (always detached), CreateThread and
// _beginthreadex whose handle is closed without being waited for.
// With stand-in declarations, and with mingw-w64's real headers.
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c11 -I%S/../Inputs/detached-infinite-loop -DSTAND_IN
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c11 \
// RUN:   --target=x86_64-w64-mingw32
#ifdef STAND_IN
#include "windows-threads.h"
#define WINAPI
#define CALLBACK
#else
#include <windows.h>
#include <process.h>
#endif

int work(void);

static void ticker(void *arg) {
  for (;;)
    work();
}
void start_ticker(void) {
  _beginthread(ticker, 0, NULL);
}
// CHECK-MESSAGES: :[[@LINE-6]]:3: warning: thread entry 'ticker' runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively; cooperative replacement: coop_thread_start with a worker loop that checks coop_stop_requested() [coop-detached-infinite-loop]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: thread started here by '_beginthread', which always detaches it

static DWORD WINAPI listener(LPVOID arg) {
  while (1)
    work();
  return 0;
}
void start_listener(void) {
  HANDLE h = CreateThread(NULL, 0, listener, NULL, 0, NULL);
  CloseHandle(h);
}
// CHECK-MESSAGES: :[[@LINE-8]]:3: warning: thread entry 'listener' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-4]]:14: note: thread started here by 'CreateThread'
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: thread detached here

static unsigned WINAPI flusher(void *arg) {
  do
    work();
  while (1);
}
void start_flusher(void) {
  CloseHandle((HANDLE)_beginthreadex(NULL, 0, flusher, NULL, 0, NULL));
}
// CHECK-MESSAGES: :[[@LINE-7]]:3: warning: thread entry 'flusher' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-3]]:23: note: thread started here by '_beginthreadex'
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: thread detached here

// Waited for, then closed: joined, not detached.
static DWORD WINAPI waited(LPVOID arg) {
  for (;;)
    work();
}
void start_waited(void) {
  HANDLE h = CreateThread(NULL, 0, waited, NULL, 0, NULL);
  WaitForSingleObject(h, INFINITE);
  CloseHandle(h);
}

// Never closed: a handle someone can still wait for.
static DWORD WINAPI kept(LPVOID arg) {
  for (;;)
    work();
}
HANDLE start_kept(void) { return CreateThread(NULL, 0, kept, NULL, 0, NULL); }

// Stopped through a flag another thread sets.
static volatile long g_stop;
static void stoppable(void *arg) {
  for (;;)
    if (g_stop)
      return;
}
void start_stoppable(void) { _beginthread(stoppable, 0, NULL); }
