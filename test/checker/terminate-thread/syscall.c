// C, with the C API's replacement in the message.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c11 -D_GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

void kill_thread(pid_t tid) {
  syscall(SYS_tgkill, getpid(), tid, SIGKILL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGKILL terminates the whole process, not only the target thread, and no cleanup runs; cooperative replacement: coop_stop_source_request_stop() and a worker that checks coop_stop_requested() (coop_thread_start) [coop-terminate-thread]
  const int sig = SIGTERM;
  syscall(SYS_tkill, tid, sig);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tkill, ...)' with SIGTERM terminates
  syscall(SYS_tkill, tid, SIGUSR1);
  syscall(SYS_getpid);
}
