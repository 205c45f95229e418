// coop/io.hpp over socketpairs, pipes and loopback TCP.
#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "coop/io.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;

namespace {

struct socket_pair {
  int fd[2];
  socket_pair() { EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fd), 0); }
  ~socket_pair() {
    ::close(fd[0]);
    ::close(fd[1]);
  }
};

struct listener {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  listener() {
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    EXPECT_EQ(::listen(fd, 8), 0);
  }
  ~listener() { ::close(fd); }
};

void stop_after(coop::stop_source& s, std::chrono::milliseconds d, std::thread& t) {
  t = std::thread([&s, d] {
    std::this_thread::sleep_for(d);
    s.request_stop();
  });
}

}  // namespace

TEST(Io, WaitReadable) {
  socket_pair sp;
  coop::stop_source s;
  EXPECT_EQ(coop::wait_readable(sp.fd[0], s.get_token(), 10ms), coop::wait_status::timeout);
  EXPECT_EQ(coop::wait_writable(sp.fd[0], s.get_token(), 10ms), coop::wait_status::ready);
  ASSERT_EQ(::write(sp.fd[1], "x", 1), 1);
  EXPECT_EQ(coop::wait_readable(sp.fd[0], s.get_token()), coop::wait_status::ready);
  std::thread stopper;
  char c;
  ASSERT_EQ(::read(sp.fd[0], &c, 1), 1);
  stop_after(s, 20ms, stopper);
  const auto start = coop_test::clock::now();
  EXPECT_EQ(coop::wait_readable(sp.fd[0], s.get_token(), coop_test::long_timeout), coop::wait_status::stop_requested);
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
  stopper.join();
  EXPECT_EQ(coop::wait_readable(sp.fd[0], s.get_token()), coop::wait_status::stop_requested);
}

TEST(Io, RecvSendReadWrite) {
  socket_pair sp;
  coop::stop_source s;
  EXPECT_EQ(coop::send(sp.fd[1], "hello", 5, 0, s.get_token()), 5);
  char buf[16] = {};
  EXPECT_EQ(coop::recv(sp.fd[0], buf, sizeof buf, 0, s.get_token()), 5);
  EXPECT_EQ(std::string(buf, 5), "hello");
  EXPECT_EQ(coop::write(sp.fd[0], "ab", 2, s.get_token(), 1s), 2);
  EXPECT_EQ(coop::read(sp.fd[1], buf, sizeof buf, s.get_token(), 1s), 2);

  errno = 0;
  EXPECT_EQ(coop::recv(sp.fd[0], buf, sizeof buf, 0, s.get_token(), 10ms), -1);
  EXPECT_EQ(errno, ETIMEDOUT);
  errno = 0;
  EXPECT_EQ(coop::read(sp.fd[0], buf, sizeof buf, s.get_token(), 10ms), -1);
  EXPECT_EQ(errno, ETIMEDOUT);

  std::thread stopper;
  stop_after(s, 20ms, stopper);
  const auto start = coop_test::clock::now();
  EXPECT_EQ(coop::recv(sp.fd[0], buf, sizeof buf, 0, s.get_token()), -1);
  EXPECT_EQ(errno, ECANCELED);
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
  stopper.join();

  // A stopped token fails at once and leaves the data where it was.
  ASSERT_EQ(::write(sp.fd[1], "z", 1), 1);
  EXPECT_EQ(coop::recv(sp.fd[0], buf, sizeof buf, 0, s.get_token()), -1);
  EXPECT_EQ(errno, ECANCELED);
  EXPECT_EQ(::recv(sp.fd[0], buf, sizeof buf, MSG_DONTWAIT), 1);
}

TEST(Io, RecvfromSendtoRecvmsgSendmsg) {
  int fds[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, fds), 0);
  coop::stop_source s;
  EXPECT_EQ(coop::sendto(fds[1], "dg", 2, 0, nullptr, 0, s.get_token()), 2);
  char buf[8];
  EXPECT_EQ(coop::recvfrom(fds[0], buf, sizeof buf, 0, nullptr, nullptr, s.get_token(), 1s), 2);
  iovec iov{const_cast<char*>("msg"), 3};
  msghdr out{};
  out.msg_iov = &iov;
  out.msg_iovlen = 1;
  EXPECT_EQ(coop::sendmsg(fds[1], &out, 0, s.get_token()), 3);
  iovec in_iov{buf, sizeof buf};
  msghdr in{};
  in.msg_iov = &in_iov;
  in.msg_iovlen = 1;
  EXPECT_EQ(coop::recvmsg(fds[0], &in, 0, s.get_token()), 3);
  EXPECT_EQ(coop::recvmsg(fds[0], &in, 0, s.get_token(), 5ms), -1);
  EXPECT_EQ(errno, ETIMEDOUT);
  ::close(fds[0]);
  ::close(fds[1]);
}

TEST(Io, AcceptConnectOverLoopback) {
  listener l;
  coop::stop_source s;
  std::thread client([&] {
    const int c = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    EXPECT_EQ(coop::connect(c, reinterpret_cast<const sockaddr*>(&l.addr), sizeof l.addr, s.get_token(), 5s), 0);
    EXPECT_EQ(::fcntl(c, F_GETFL) & O_NONBLOCK, 0);  // blocking mode restored
    EXPECT_EQ(coop::send(c, "ping", 4, 0, s.get_token()), 4);
    ::close(c);
  });
  const int a = coop::accept(l.fd, nullptr, nullptr, s.get_token(), 5s);
  ASSERT_GE(a, 0);
  char buf[8];
  EXPECT_EQ(coop::recv(a, buf, sizeof buf, MSG_WAITALL, s.get_token(), 5s), 4);
  ::close(a);
  client.join();

  std::thread stopper;
  stop_after(s, 20ms, stopper);
  EXPECT_EQ(coop::accept4(l.fd, nullptr, nullptr, SOCK_CLOEXEC, s.get_token()), -1);
  EXPECT_EQ(errno, ECANCELED);
  stopper.join();

  const int c = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  EXPECT_EQ(coop::connect(c, reinterpret_cast<const sockaddr*>(&l.addr), sizeof l.addr, s.get_token()), -1);
  EXPECT_EQ(errno, ECANCELED);
  ::close(c);
}

TEST(Io, ConnectRefused) {
  sockaddr_in addr{};
  {
    listener l;  // grab a free port, then close it
    addr = l.addr;
  }
  coop::stop_source s;
  const int c = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  EXPECT_EQ(coop::connect(c, reinterpret_cast<const sockaddr*>(&addr), sizeof addr, s.get_token(), 5s), -1);
  EXPECT_EQ(errno, ECONNREFUSED);
  ::close(c);
}

TEST(Io, PollSeveralDescriptors) {
  socket_pair a, b;
  coop::stop_source s;
  pollfd fds[2] = {{a.fd[0], POLLIN, 0}, {b.fd[0], POLLIN, 0}};
  EXPECT_EQ(coop::poll(fds, 2, s.get_token(), 5ms), -1);
  EXPECT_EQ(errno, ETIMEDOUT);
  ASSERT_EQ(::write(b.fd[1], "x", 1), 1);
  EXPECT_EQ(coop::poll(fds, 2, s.get_token()), 1);
  EXPECT_EQ(fds[0].revents, 0);
  EXPECT_NE(fds[1].revents & POLLIN, 0);
}

TEST(Io, BadDescriptor) {
  coop::stop_source s;
  int p[2];
  socket_pair warm;  // creates this thread's wake fd before the descriptor number below is freed
  EXPECT_EQ(coop::wait_readable(warm.fd[0], s.get_token(), 0ms), coop::wait_status::timeout);
  ASSERT_EQ(::pipe(p), 0);
  ::close(p[0]);
  ::close(p[1]);
  char c;
  EXPECT_EQ(coop::read(p[0], &c, 1, s.get_token(), 1s), -1);  // a closed descriptor: POLLNVAL
  EXPECT_EQ(errno, EBADF);
}

TEST(Io, WaitsReuseOneDescriptorPerThread) {
  socket_pair sp;
  coop::stop_source s;
  EXPECT_EQ(coop::wait_writable(sp.fd[0], s.get_token()), coop::wait_status::ready);  // warm up
  const int before = coop_test::open_fd_count();
  for (int i = 0; i < 200; ++i) EXPECT_EQ(coop::wait_writable(sp.fd[0], s.get_token()), coop::wait_status::ready);
  for (int i = 0; i < 50; ++i) {
    coop::stop_source each;
    std::thread stopper([&] { each.request_stop(); });
    coop::wait_readable(sp.fd[0], each.get_token(), 5s);
    stopper.join();
  }
  EXPECT_EQ(coop_test::open_fd_count(), before);
}

TEST(IoStress, StopVersusWaitReadable) {
  const int n = coop_test::iterations(2000);
  socket_pair sp;
  for (int i = 0; i < n; ++i) {
    coop::stop_source s;
    coop::wait_status status{};
    double took = 0;
    std::thread waiter([&] {
      const auto start = coop_test::clock::now();
      status = coop::wait_readable(sp.fd[0], s.get_token(), coop_test::long_timeout);
      took = coop_test::seconds_since(start);
    });
    if (i % 3 == 1) std::this_thread::yield();
    if (i % 3 == 2) std::this_thread::sleep_for(std::chrono::microseconds(50));
    s.request_stop();
    waiter.join();
    ASSERT_EQ(status, coop::wait_status::stop_requested) << i;
    ASSERT_LT(took, coop_test::prompt_seconds) << i;
  }
  // The stale wake-ups were drained: a fresh wait on this fd times out instead of waking.
  coop::stop_source fresh;
  EXPECT_EQ(coop::wait_readable(sp.fd[0], fresh.get_token(), 5ms), coop::wait_status::timeout);
}
