// A signal the program handles or ignores no longer ends the process:
// sending it interrupts the thread (how glibc's own cancellation tests wake a
// thread blocked in a system call). The handler may be installed after the
// pthread_kill in the file. SIG_DFL restores the default action; SIGKILL and
// SIGSTOP cannot be caught at all; a sigaction() that only reads installs
// nothing.
// RUN: %check_coop %s coop-pthread-cancel %t -- -- -std=gnu11
#include <pthread.h>
#include <signal.h>
#include <stddef.h>

void wake_blocked_reader(pthread_t reader) {
  pthread_kill(reader, SIGHUP);   // handled in main()
  pthread_kill(reader, SIGPIPE);  // ignored in main()
  pthread_kill(reader, SIGQUIT);  // handled through sigaction()
  pthread_kill(reader, SIGTERM);  // set back to the default
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGTERM terminates the whole process
  pthread_kill(reader, SIGINT);   // only queried
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGINT terminates the whole process
  pthread_kill(reader, SIGKILL);  // "handled" in vain
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGKILL terminates the whole process
}

static void on_signal(int sig) { (void)sig; }

int main(void) {
  signal(SIGHUP, on_signal);
  signal(SIGPIPE, SIG_IGN);
  struct sigaction sa = {0};
  sa.sa_handler = on_signal;
  sigaction(SIGQUIT, &sa, NULL);
  struct sigaction old;
  sigaction(SIGINT, NULL, &old);
  signal(SIGTERM, SIG_DFL);
  signal(SIGKILL, on_signal);
  return 0;
}
