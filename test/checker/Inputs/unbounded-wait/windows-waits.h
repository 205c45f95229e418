// Hand-written declarations of the Win32 wait functions, as a program that
// does not include <windows.h> writes them: the check keys on the global /
// extern "C" name, not on a header. DWORD is 32 bits, as on Windows.
#ifndef COOP_TEST_WINDOWS_WAITS_H
#define COOP_TEST_WINDOWS_WAITS_H

typedef void *HANDLE;
typedef int BOOL;
typedef unsigned int DWORD;
#define TRUE 1
#define FALSE 0
#define INFINITE 0xFFFFFFFF
#define QS_ALLINPUT 0x04FF

#ifdef __cplusplus
extern "C" {
#endif
DWORD WaitForSingleObject(HANDLE object, DWORD milliseconds);
DWORD WaitForSingleObjectEx(HANDLE object, DWORD milliseconds, BOOL alertable);
DWORD WaitForMultipleObjects(DWORD count, const HANDLE *objects, BOOL all,
                             DWORD milliseconds);
DWORD WaitForMultipleObjectsEx(DWORD count, const HANDLE *objects, BOOL all,
                               DWORD milliseconds, BOOL alertable);
DWORD MsgWaitForMultipleObjects(DWORD count, const HANDLE *objects, BOOL all,
                                DWORD milliseconds, DWORD wake_mask);
DWORD MsgWaitForMultipleObjectsEx(DWORD count, const HANDLE *objects,
                                  DWORD milliseconds, DWORD wake_mask,
                                  DWORD flags);
DWORD SleepEx(DWORD milliseconds, BOOL alertable);
HANDLE CreateThread(void *attributes, unsigned long long stack_size,
                    DWORD (*start)(void *), void *parameter, DWORD flags,
                    DWORD *thread_id);
#ifdef __cplusplus
}
#endif

#endif // COOP_TEST_WINDOWS_WAITS_H
