// Receives on sockets: reported unless the same function bounds them, and
// rewritten into coop::recv & co. where a stop token is in scope. `read` is
// only a receive on a descriptor the function shows is a socket.
// RUN: %check_coop %s coop-unbounded-wait %t -- \
// RUN:   -config="{CheckOptions: {coop-unbounded-wait.CheckAllFunctions: true}}" \
// RUN:   -- -std=c++17 -I %coop_include
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>
#include <coop/stop_token.hpp>
// CHECK-FIXES: #include <unistd.h>
// CHECK-FIXES-NEXT: #include <coop/io.hpp>
// CHECK-FIXES-NEXT: #include <coop/stop_token.hpp>

struct Connection {
  int fd;
};

void serve(coop::stop_token tok, int listener) {
  char buf[64];
  int client = accept(listener, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'accept' waits for a connection with no timeout, non-blocking mode or readiness wait, so a stop request cannot wake the thread; cooperative replacement: coop::accept(fd, addr, addrlen, token), which fails with errno ECANCELED on a stop [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE-4]]:29: note: the fix passes the stop token 'tok' declared here
  // CHECK-FIXES: {{^}}  int client = coop::accept(listener, nullptr, nullptr, tok);{{$}}
  ssize_t n = recv(client, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'recv' waits for data with no timeout, MSG_DONTWAIT, non-blocking mode or readiness wait, so a stop request cannot wake the thread; cooperative replacement: coop::recv(fd, buf, len, flags, token), which fails with errno ECANCELED on a stop [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE-8]]:29: note: the fix passes the stop token 'tok' declared here
  // CHECK-FIXES: {{^}}  ssize_t n = coop::recv(client, buf, sizeof buf, 0, tok);{{$}}
  n = ::recvfrom(client, buf, sizeof buf, 0, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recvfrom' waits for data
  // CHECK-MESSAGES: :[[@LINE-12]]:29: note: the fix passes the stop token 'tok' declared here
  // CHECK-FIXES: {{^}}  n = coop::recvfrom(client, buf, sizeof buf, 0, nullptr, nullptr, tok);{{$}}
  msghdr msg{};
  n = recvmsg(client, &msg, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recvmsg' waits for data
  // CHECK-MESSAGES: :[[@LINE-17]]:29: note: the fix passes the stop token 'tok' declared here
  // CHECK-FIXES: {{^}}  n = coop::recvmsg(client, &msg, 0, tok);{{$}}
  // `client` came from accept(): a socket, so read() is a receive too.
  n = read(client, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on a socket waits for data with no timeout, non-blocking mode or readiness wait, so a stop request cannot wake the thread; cooperative replacement: coop::read(fd, buf, len, token), which fails with errno ECANCELED on a stop [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE-22]]:29: note: the fix passes the stop token 'tok' declared here
  // CHECK-FIXES: {{^}}  n = coop::read(client, buf, sizeof buf, tok);{{$}}
  int conn = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'accept4' waits for a connection
  // CHECK-MESSAGES: :[[@LINE-26]]:29: note: the fix passes the stop token 'tok' declared here
  // CHECK-FIXES: {{^}}  int conn = coop::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC, tok);{{$}}
  // Non-blocking receives are fine.
  n = recv(client, buf, sizeof buf, MSG_DONTWAIT);
  n = recv(client, buf, sizeof buf, MSG_NOSIGNAL | MSG_DONTWAIT);
  close(conn);
  close(client);
}

// Flags judged by value; unknown flags might hold MSG_DONTWAIT.
void flags(int fd, int unknown_flags) {
  char buf[16];
  const int none = 0;
  recv(fd, buf, sizeof buf, none);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' waits for data
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::recv(fd, buf, sizeof buf, none, token)'
  constexpr int dontwait = MSG_DONTWAIT;
  recv(fd, buf, sizeof buf, dontwait);
  recv(fd, buf, sizeof buf, unknown_flags);
}

// What bounds a receive, in the same function, before it.
void non_blocking_socket() {
  char buf[16];
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  recv(fd, buf, sizeof buf, 0);
  int client = accept4(fd, nullptr, nullptr, SOCK_NONBLOCK);
  recv(client, buf, sizeof buf, 0);
}

void fcntl_non_blocking(int fd) {
  char buf[16];
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  recv(fd, buf, sizeof buf, 0);
  read(fd, buf, sizeof buf);
}

void ioctl_non_blocking(int fd) {
  char buf[16];
  int on = 1;
  ioctl(fd, FIONBIO, &on);
  recv(fd, buf, sizeof buf, 0);
}

void receive_timeout(int fd) {
  char buf[16];
  timeval tv{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  recv(fd, buf, sizeof buf, 0);
  accept(fd, nullptr, nullptr);
}

void after_poll(int fd, Connection &c) {
  char buf[16];
  pollfd pfd{fd, POLLIN, 0};
  if (poll(&pfd, 1, 1000) > 0)
    recv(fd, buf, sizeof buf, 0);
  pollfd member_pfd;
  member_pfd.fd = c.fd;
  member_pfd.events = POLLIN;
  if (poll(&member_pfd, 1, 1000) > 0)
    recv(c.fd, buf, sizeof buf, 0);
}

void after_select(int fd) {
  char buf[16];
  fd_set readable;
  FD_ZERO(&readable);
  FD_SET(fd, &readable);
  timeval tv{1, 0};
  if (select(fd + 1, &readable, nullptr, nullptr, &tv) > 0)
    recv(fd, buf, sizeof buf, 0);
}

void after_epoll(int fd) {
  char buf[16];
  int ep = epoll_create1(0);
  epoll_event ev{};
  ev.events = EPOLLIN;
  epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
  epoll_event ready[1];
  if (epoll_wait(ep, ready, 1, 500) > 0)
    recv(fd, buf, sizeof buf, 0);
}

// A readiness wait on another descriptor, or after the receive, does not
// bound it.
void not_bounded(int fd, int other) {
  char buf[16];
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' waits for data
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::recv(fd, buf, sizeof buf, 0, token)'
  pollfd pfd{other, POLLIN, 0};
  poll(&pfd, 1, 100);
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' waits for data
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::recv(fd, buf, sizeof buf, 0, token)'
  pollfd late{fd, POLLIN, 0};
  poll(&late, 1, 100);
}

// A stop callback that shuts the socket down wakes the receive.
void shut_down_on_stop(coop::stop_token tok, int fd) {
  char buf[16];
  coop::stop_callback on_stop(tok, [fd] { shutdown(fd, SHUT_RDWR); });
  recv(fd, buf, sizeof buf, 0);
}

// `read` on anything the function does not show to be a socket is a file
// read, and not reported.
void reads(int param_fd, const char *path) {
  char buf[16];
  read(param_fd, buf, sizeof buf);
  int file = open(path, O_RDONLY);
  read(file, buf, sizeof buf);
  int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  read(sock, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on a socket waits for data
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::read(sock, buf, sizeof buf, token)'
  int pair[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, pair);
  read(pair[0], buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on a socket waits for data
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::read(pair[0], buf, sizeof buf, token)'
  Connection c{socket(AF_INET, SOCK_DGRAM, 0)};
  c.fd = socket(AF_INET, SOCK_DGRAM, 0);
  read(c.fd, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on a socket waits for data
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::read(c.fd, buf, sizeof buf, token)'
  close(file);
}

// A descriptor the function sends on is a socket.
void request_reply(int fd) {
  char buf[16];
  send(fd, "x", 1, 0);
  read(fd, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on a socket waits for data
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::read(fd, buf, sizeof buf, token)'
}
