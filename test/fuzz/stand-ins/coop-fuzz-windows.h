/* Fuzzer stand-in for <windows.h>, <process.h> and <winternl.h>. */
#ifndef COOP_FUZZ_WINDOWS_H
#define COOP_FUZZ_WINDOWS_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef void *HANDLE;
typedef unsigned long DWORD;
typedef int BOOL;
typedef long NTSTATUS;
typedef void *LPVOID;
typedef DWORD (*LPTHREAD_START_ROUTINE)(LPVOID);
#define WINAPI
#define INFINITE 0xFFFFFFFF
#define WAIT_OBJECT_0 0
#define WAIT_TIMEOUT 258
#define TRUE 1
#define FALSE 0
HANDLE CreateThread(void *, unsigned long, LPTHREAD_START_ROUTINE, LPVOID, DWORD, DWORD *);
BOOL TerminateThread(HANDLE, DWORD);
DWORD SuspendThread(HANDLE);
DWORD ResumeThread(HANDLE);
void ExitThread(DWORD) __attribute__((noreturn));
HANDLE GetCurrentThread(void);
BOOL CloseHandle(HANDLE);
DWORD WaitForSingleObject(HANDLE, DWORD);
DWORD WaitForSingleObjectEx(HANDLE, DWORD, BOOL);
DWORD WaitForMultipleObjects(DWORD, const HANDLE *, BOOL, DWORD);
DWORD WaitForMultipleObjectsEx(DWORD, const HANDLE *, BOOL, DWORD, BOOL);
DWORD MsgWaitForMultipleObjects(DWORD, const HANDLE *, BOOL, DWORD, DWORD);
DWORD MsgWaitForMultipleObjectsEx(DWORD, const HANDLE *, DWORD, DWORD, DWORD);
DWORD SleepEx(DWORD, BOOL);
void Sleep(DWORD);
void *GetProcAddress(HANDLE, const char *);
HANDLE GetModuleHandleA(const char *);
unsigned long _beginthread(void (*)(void *), unsigned, void *);
unsigned long _beginthreadex(void *, unsigned, unsigned (*)(void *), void *, unsigned, unsigned *);
void _endthread(void) __attribute__((noreturn));
void _endthreadex(unsigned) __attribute__((noreturn));
NTSTATUS NtTerminateThread(HANDLE, NTSTATUS);
NTSTATUS NtSuspendThread(HANDLE, unsigned long *);
NTSTATUS ZwTerminateThread(HANDLE, NTSTATUS);
NTSTATUS ZwSuspendThread(HANDLE, unsigned long *);
#ifdef __cplusplus
}
#endif
#endif
