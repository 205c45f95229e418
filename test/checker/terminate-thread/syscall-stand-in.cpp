// Without the headers, Linux x86-64's numbers are the fallback: tgkill is
// system call 234, tkill 200, and SIGKILL is 9.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c++17 -nostdinc
extern "C" long syscall(long number, ...);

void f(int tid) {
  syscall(234, 1, tid, 9);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGKILL terminates the whole process
  syscall(200, tid, 15);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tkill, ...)' with SIGTERM terminates the whole process
  syscall(62, 1, 9); // kill(2): a process, not a thread
  syscall(234, 1, tid, 10); // SIGUSR1
}
