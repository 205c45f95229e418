// Readiness waits with an infinite timeout, judged by value; and C receives,
// which have no drop-in C replacement (no fix, no note). CheckAllFunctions,
// so plain functions are checked.
// RUN: %check_coop %s coop-unbounded-wait %t -- \
// RUN:   -config="{CheckOptions: {coop-unbounded-wait.CheckAllFunctions: true}}" \
// RUN:   -- -std=c11 -D_GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>

#define FOREVER (-1)
#define POLL_ALL(fds, n) poll(fds, n, -1)
static const int kForever = -1;
enum { NO_TIMEOUT = -1 };

void polls(struct pollfd *fds, int n, int timeout_ms) {
  poll(fds, n, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' with an infinite timeout waits for descriptor events with no stop token, so a stop request cannot wake the thread; cooperative replacement: coop_wait_fd(fd, events, token, -1), or a finite timeout in a loop that checks coop_stop_requested(token) [coop-unbounded-wait]
  poll(fds, n, FOREVER);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' with an infinite timeout
  poll(fds, n, kForever);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' with an infinite timeout
  poll(fds, n, NO_TIMEOUT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' with an infinite timeout
  poll(fds, n, -5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' with an infinite timeout
  int forever = -1;
  poll(fds, n, forever);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' with an infinite timeout
  POLL_ALL(fds, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' with an infinite timeout
  poll(fds, n, -1); // NOLINT(coop-unbounded-wait)
  // Finite or unknown timeouts are fine.
  poll(fds, n, 0);
  poll(fds, n, 250);
  poll(fds, n, timeout_ms);
  int changed = -1;
  changed = 100;
  poll(fds, n, changed);
}

void ppolls(struct pollfd *fds, int n, const sigset_t *mask) {
  ppoll(fds, n, NULL, mask);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ppoll' with a null timeout waits for descriptor events with no stop token, so a stop request cannot wake the thread; cooperative replacement: coop_wait_fd(fd, events, token, -1), or a finite timeout in a loop that checks coop_stop_requested(token) [coop-unbounded-wait]
  const struct timespec *none = 0;
  ppoll(fds, n, none, mask);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ppoll' with a null timeout
  struct timespec ts = {1, 0};
  ppoll(fds, n, &ts, mask);
}

void epolls(int ep, struct epoll_event *events, const sigset_t *mask) {
  epoll_wait(ep, events, 8, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'epoll_wait' with an infinite timeout waits for descriptor events with no stop token, so a stop request cannot wake the thread; cooperative replacement: coop_wait_fd(epfd, POLLIN, token, -1) before epoll_wait(epfd, events, n, 0), or a finite timeout in a loop that checks coop_stop_requested(token) [coop-unbounded-wait]
  epoll_pwait(ep, events, 8, -1, mask);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'epoll_pwait' with an infinite timeout
  epoll_wait(ep, events, 8, 100);
}

void selects(int fd, fd_set *readable, const sigset_t *mask) {
  select(fd + 1, readable, NULL, NULL, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'select' with a null timeout waits for descriptor events with no stop token, so a stop request cannot wake the thread; cooperative replacement: coop_wait_fd(fd, events, token, -1), or a finite timeout in a loop that checks coop_stop_requested(token) [coop-unbounded-wait]
  pselect(fd + 1, readable, NULL, NULL, NULL, mask);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pselect' with a null timeout
  struct timeval tv = {0, 500000};
  select(fd + 1, readable, NULL, NULL, &tv);
  struct timespec ts = {0, 500000000};
  pselect(fd + 1, readable, NULL, NULL, &ts, mask);
}

// A readiness wait is its own blocking point: the receives on the polled
// descriptor after it are not reported again.
void receives(int fd, int listener) {
  char buf[16];
  struct pollfd pfd = {fd, POLLIN, 0};
  poll(&pfd, 1, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' with an infinite timeout
  recv(fd, buf, sizeof buf, 0);
  int client = accept(listener, NULL, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'accept' waits for a connection with no timeout, non-blocking mode or readiness wait, so a stop request cannot wake the thread; cooperative replacement: coop_wait_fd(fd, POLLIN, token, -1) == COOP_READY before accept() [coop-unbounded-wait]
  recv(client, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' waits for data with no timeout, MSG_DONTWAIT, non-blocking mode or readiness wait, so a stop request cannot wake the thread; cooperative replacement: coop_wait_fd(fd, POLLIN, token, -1) == COOP_READY before recv() [coop-unbounded-wait]
}
