// Raw tgkill / tkill system calls with a signal whose default action ends or
// stops the process. Signal and system call numbers come from the headers.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c++17
// RUN: %check_coop -check-suffix=ALLOW-TERM %s coop-terminate-thread %t \
// RUN:   -- -config="{CheckOptions: {coop-terminate-thread.AllowedSignals: 'SIGTERM;SIGUSR1'}}" \
// RUN:   -- -std=c++17
#include <signal.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#define KILL_THREAD(tid, sig) syscall(SYS_tgkill, getpid(), tid, sig)

constexpr long kTgkill = SYS_tgkill;

namespace app {
long syscall(long, ...); // not libc's
}

void kill_threads(pid_t tid) {
  syscall(SYS_tgkill, getpid(), tid, SIGKILL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGKILL terminates the whole process, not only the target thread, and no cleanup runs; cooperative replacement: a coop::stop_source whose coop::stop_token the worker checks (coop::jthread does both) [coop-terminate-thread]
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGKILL terminates
  syscall(SYS_tgkill, getpid(), tid, SIGTERM);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGTERM terminates
  syscall(SYS_tkill, tid, SIGABRT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tkill, ...)' with SIGABRT terminates the whole process, not only the target thread, and no cleanup runs; cooperative replacement: a coop::stop_source whose coop::stop_token the worker checks (coop::jthread does both) [coop-terminate-thread]
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'syscall(SYS_tkill, ...)' with SIGABRT terminates
  syscall(SYS_tkill, tid, SIGSTOP);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tkill, ...)' with SIGSTOP stops the whole process
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'syscall(SYS_tkill, ...)' with SIGSTOP stops the whole process
  ::syscall(__NR_tgkill, getpid(), tid, 9);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGKILL terminates
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGKILL terminates
  syscall(kTgkill, getpid(), tid, SIGQUIT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGQUIT terminates
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGQUIT terminates
  long number = SYS_tkill;
  int sig = SIGINT;
  syscall(number, tid, sig);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tkill, ...)' with SIGINT terminates
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'syscall(SYS_tkill, ...)' with SIGINT terminates
  KILL_THREAD(tid, SIGSEGV);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGSEGV terminates
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'syscall(SYS_tgkill, ...)' with SIGSEGV terminates
  KILL_THREAD(tid, SIGKILL); // NOLINT(coop-terminate-thread)
}

void harmless(pid_t tid, int runtime_signal, long runtime_number) {
  syscall(SYS_tgkill, getpid(), tid, 0);        // existence probe
  syscall(SYS_tgkill, getpid(), tid, SIGUSR1);  // wake-up idiom
  syscall(SYS_tkill, tid, SIGUSR2);
  // The option replaces the default list, so SIGUSR2 is no longer allowed.
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'syscall(SYS_tkill, ...)' with SIGUSR2 terminates
  syscall(SYS_tgkill, getpid(), tid, SIGCHLD);
  syscall(SYS_tgkill, getpid(), tid, SIGRTMIN);
  syscall(SYS_tgkill, getpid(), tid, runtime_signal);
  syscall(runtime_number, getpid(), tid, SIGKILL);
  syscall(SYS_kill, getpid(), SIGKILL);          // the process: not this check
  syscall(SYS_gettid);
  syscall(SYS_tgkill);                           // malformed: no signal
  app::syscall(SYS_tgkill, getpid(), tid, SIGKILL);
}

template <int Sig> void send(pid_t tid) {
  syscall(SYS_tkill, tid, Sig);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'syscall(SYS_tkill, ...)' with SIGKILL terminates
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'syscall(SYS_tkill, ...)' with SIGKILL terminates
}
void instantiate(pid_t tid) {
  send<SIGUSR1>(tid);
  send<SIGKILL>(tid);
  send<SIGKILL>(tid);
}
