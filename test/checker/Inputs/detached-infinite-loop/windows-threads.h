// Stand-in declarations of the Windows thread APIs, as <windows.h> and
// <process.h> declare them, for hosts without the mingw-w64 headers.
#ifndef COOP_TEST_WINDOWS_THREADS_H
#define COOP_TEST_WINDOWS_THREADS_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif
typedef void *HANDLE;
typedef void *LPVOID;
typedef unsigned long DWORD;
typedef int BOOL;
typedef DWORD (*LPTHREAD_START_ROUTINE)(LPVOID);
#define INFINITE 0xFFFFFFFFul
HANDLE CreateThread(void *security, size_t stack, LPTHREAD_START_ROUTINE start,
                    LPVOID param, DWORD flags, DWORD *id);
BOOL CloseHandle(HANDLE object);
DWORD WaitForSingleObject(HANDLE object, DWORD ms);
uintptr_t _beginthread(void (*start)(void *), unsigned stack, void *arg);
uintptr_t _beginthreadex(void *security, unsigned stack,
                         unsigned (*start)(void *), void *arg, unsigned flags,
                         unsigned *id);
#ifdef __cplusplus
}
#endif
#endif
