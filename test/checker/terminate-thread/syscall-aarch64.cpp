// System call numbers are read from the translation unit's macros, as signal
// numbers are: here AArch64's (tgkill 131, tkill 130), where 234 and 200 are
// other calls.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c++17 -nostdinc
#define __NR_tkill 130
#define __NR_tgkill 131
#define SYS_tkill __NR_tkill
#define SYS_tgkill __NR_tgkill
extern "C" long syscall(long number, ...);

void f(int tid) {
  syscall(131, 1, tid, 9);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGKILL terminates the whole process
  syscall(SYS_tkill, tid, 6);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tkill, ...)' with SIGABRT terminates the whole process
  syscall(234, 1, tid, 9);
  syscall(200, tid, 9);
}
