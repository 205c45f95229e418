// RUN: %check_coop %s coop-pthread-cancel %t -- -- -std=c++17 -D_GNU_SOURCE
// RUN: %check_coop -check-suffix=ALLOW-TERM %s coop-pthread-cancel %t \
// RUN:   -- -config="{CheckOptions: {coop-pthread-cancel.AllowedSignals: 'SIGTERM;SIGUSR1'}}" \
// RUN:   -- -std=c++17 -D_GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <sys/types.h>

extern "C" int tgkill(pid_t, pid_t, int);

constexpr int kShutdown = SIGTERM;

void kill_signals(pthread_t t, pid_t pid, pid_t tid) {
  pthread_kill(t, SIGKILL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGKILL terminates the whole process, not only the target thread, and no cleanup runs; cooperative replacement: a coop::stop_source whose coop::stop_token the worker checks (coop::jthread does both) [coop-pthread-cancel]
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'pthread_kill' with SIGKILL terminates
  pthread_kill(t, SIGTERM);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGTERM terminates
  pthread_kill(t, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGINT terminates
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'pthread_kill' with SIGINT terminates
  pthread_kill(t, kShutdown);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGTERM terminates
  pthread_kill(t, SIGSTOP);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGSTOP stops the whole process
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'pthread_kill' with SIGSTOP stops the whole process
  pthread_kill(t, SIGIOT); // an alias of SIGABRT
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGABRT terminates
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'pthread_kill' with SIGABRT terminates
  tgkill(pid, tid, SIGQUIT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tgkill' with SIGQUIT terminates
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'tgkill' with SIGQUIT terminates
  union sigval value{};
  pthread_sigqueue(t, SIGHUP, value);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_sigqueue' with SIGHUP terminates
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'pthread_sigqueue' with SIGHUP terminates
}

void signal_in_a_variable(pthread_t t) {
  int sig = SIGKILL; // never changed: always SIGKILL
  pthread_kill(t, sig);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGKILL terminates
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'pthread_kill' with SIGKILL terminates
}

void harmless(pthread_t t, int runtime_signal) {
  pthread_kill(t, 0);       // existence probe
  pthread_kill(t, SIGUSR1); // wake-up idiom: the thread has a handler
  pthread_kill(t, SIGUSR2);
  // The option replaces the default list, so SIGUSR2 is no longer allowed.
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'pthread_kill' with SIGUSR2 terminates
  pthread_kill(t, SIGCHLD);
  pthread_kill(t, SIGCONT);
  pthread_kill(t, SIGRTMIN);
  pthread_kill(t, runtime_signal); // unknown value: not guessed at
  int changed = SIGKILL;
  changed = SIGUSR1;
  pthread_kill(t, changed);
}

// Read through a reference or pointer to const: still never changed.
void read_only_uses(pthread_t t, void (*log_signal)(const int *)) {
  int sig = SIGKILL;
  const int &alias = sig;
  log_signal(&sig);
  (void)alias;
  pthread_kill(t, sig);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGKILL terminates
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'pthread_kill' with SIGKILL terminates
  int escapes = SIGKILL;
  int *writable = &escapes;
  *writable = SIGUSR1;
  pthread_kill(t, escapes);
}

template <int Sig> void send(pthread_t t) {
  pthread_kill(t, Sig);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_kill' with SIGKILL terminates
  // CHECK-MESSAGES-ALLOW-TERM: :[[@LINE-2]]:3: warning: 'pthread_kill' with SIGKILL terminates
}
void instantiate(pthread_t t) {
  send<SIGUSR1>(t);
  send<SIGKILL>(t);
  send<SIGKILL>(t);
}
