// Hand-written declarations of the Windows, ntdll and CRT thread functions,
// as a program that does not include <windows.h> writes them: the check keys
// on the global / extern "C" name, not on a header.
#ifndef COOP_TEST_WINDOWS_STAND_IN_H
#define COOP_TEST_WINDOWS_STAND_IN_H

typedef void *HANDLE;
typedef void *HMODULE;
typedef int BOOL;
typedef unsigned long DWORD;
typedef long NTSTATUS;
typedef long long LONG_PTR;
typedef long long (*FARPROC)(void);

#ifdef __cplusplus
extern "C" {
#endif
BOOL TerminateThread(HANDLE thread, DWORD exit_code);
DWORD SuspendThread(HANDLE thread);
DWORD ResumeThread(HANDLE thread);
void ExitThread(DWORD exit_code);
HANDLE GetCurrentThread(void);
DWORD GetCurrentThreadId(void);
HANDLE OpenThread(DWORD access, BOOL inherit, DWORD thread_id);
BOOL CloseHandle(HANDLE object);
FARPROC GetProcAddress(HMODULE module, const char *name);
HMODULE GetModuleHandleA(const char *name);
DWORD WaitForSingleObject(HANDLE object, DWORD milliseconds);
BOOL SetEvent(HANDLE event);

NTSTATUS NtTerminateThread(HANDLE thread, NTSTATUS exit_status);
NTSTATUS ZwTerminateThread(HANDLE thread, NTSTATUS exit_status);
NTSTATUS NtSuspendThread(HANDLE thread, unsigned long *previous_count);
NTSTATUS ZwSuspendThread(HANDLE thread, unsigned long *previous_count);

void _endthread(void);
void _endthreadex(unsigned exit_code);
#ifdef __cplusplus
}
#endif

#define THREAD_SUSPEND_RESUME 0x0002
#define INFINITE 0xFFFFFFFF
// As ntddk.h / wdm.h define it: the pseudo-handle GetCurrentThread returns.
#define NtCurrentThread() ((HANDLE)(LONG_PTR)-2)

#endif
