// A raw tgkill of a signal the program handles interrupts the thread and ends
// nothing; the handler is installed (with std::signal) after the call in the
// file. An unhandled one is still reported.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c++17 -D_GNU_SOURCE
#include <csignal>
#include <sys/syscall.h>
#include <unistd.h>

void interrupt(pid_t tid) {
  syscall(SYS_tgkill, getpid(), tid, SIGHUP);
  syscall(SYS_tgkill, getpid(), tid, SIGTERM);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGTERM terminates the whole process
}

void install() {
  std::signal(SIGHUP, [](int) {});
}
