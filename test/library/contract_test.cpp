// Every spelling in docs/api-contract.md, written exactly as the checker's fix-its write
// it, compiled as C++17 and run with an already-stopped token (so each call returns at once).
#include <gtest/gtest.h>
#include <semaphore.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>

#include <coop/coop.hpp>
#include <coop/deadline.hpp>
#include <coop/future.hpp>
#include <coop/io.hpp>
#include <coop/jthread.hpp>
#include <coop/linked_stop_source.hpp>
#include <coop/process.hpp>
#include <coop/queue.hpp>
#include <coop/semaphore.hpp>
#include <coop/sleep.hpp>
#include <coop/stop_token.hpp>
#include <coop/wait.hpp>

using namespace std::chrono_literals;

TEST(Contract, EverySpellingCompilesAndReturnsOnStop) {
  coop::stop_source source;
  coop::stop_token token = source.get_token();
  coop::stop_callback callback(token, [] {});
  coop::stop_source none(coop::nostopstate);
  EXPECT_TRUE(source.request_stop());

  coop::linked_stop_source child(token);
  coop::linked_stop_source child2(token, none.get_token());
  EXPECT_TRUE(child.stop_requested());
  coop::deadline_source deadline(1s);
  coop::deadline_source deadline_at(std::chrono::steady_clock::now() + 1s);

  coop::jthread thread([](coop::stop_token) {});
  thread.request_stop();
  (void)thread.get_stop_token();
  EXPECT_TRUE(thread.stop_and_join(1s));

  std::mutex m;
  std::condition_variable cv;
  std::condition_variable_any cv_any;
  std::unique_lock<std::mutex> lock(m);
  auto pred = [] { return false; };
  coop::wait_status s = coop::wait(cv, lock, token);
  s = coop::wait(cv, lock, token, pred);
  s = coop::wait_for(cv, lock, token, 1s);
  s = coop::wait_for(cv, lock, token, 1s, pred);
  s = coop::wait_until(cv, lock, token, std::chrono::steady_clock::now() + 1s);
  s = coop::wait_until(cv, lock, token, std::chrono::steady_clock::now() + 1s, pred);
  s = coop::wait(cv_any, lock, token);
  s = coop::wait(cv_any, lock, token, pred);
  s = coop::wait_for(cv_any, lock, token, 1s);
  s = coop::wait_for(cv_any, lock, token, 1s, pred);
  s = coop::wait_until(cv_any, lock, token, std::chrono::system_clock::now() + 1s);
  s = coop::wait_until(cv_any, lock, token, std::chrono::system_clock::now() + 1s, pred);
  EXPECT_EQ(s, coop::wait_status::stop_requested);
  lock.unlock();
  EXPECT_NE(coop::wait_status::ready, coop::wait_status::timeout);

  EXPECT_EQ(coop::sleep_for(token, 1s), coop::wait_status::stop_requested);
  EXPECT_EQ(coop::sleep_until(token, std::chrono::steady_clock::now() + 1s), coop::wait_status::stop_requested);

  int fds[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
  const int fd = fds[0];
  char buf[4];
  sockaddr_storage addr{};
  socklen_t addrlen = sizeof addr;
  msghdr msg{};
  EXPECT_EQ(coop::wait_readable(fd, token), coop::wait_status::stop_requested);
  EXPECT_EQ(coop::wait_readable(fd, token, 1s), coop::wait_status::stop_requested);
  EXPECT_EQ(coop::wait_writable(fd, token), coop::wait_status::stop_requested);
  EXPECT_EQ(coop::wait_writable(fd, token, 1s), coop::wait_status::stop_requested);
  EXPECT_EQ(coop::recv(fd, buf, sizeof buf, 0, token), -1);
  EXPECT_EQ(errno, ECANCELED);
  EXPECT_EQ(coop::recvfrom(fd, buf, sizeof buf, 0, reinterpret_cast<sockaddr*>(&addr), &addrlen, token), -1);
  EXPECT_EQ(coop::recvmsg(fd, &msg, 0, token), -1);
  EXPECT_EQ(coop::accept(fd, reinterpret_cast<sockaddr*>(&addr), &addrlen, token), -1);
  EXPECT_EQ(coop::accept4(fd, reinterpret_cast<sockaddr*>(&addr), &addrlen, SOCK_CLOEXEC, token), -1);
  EXPECT_EQ(coop::read(fd, buf, sizeof buf, token), -1);
  EXPECT_EQ(coop::send(fd, buf, sizeof buf, 0, token), -1);
  EXPECT_EQ(coop::write(fd, buf, sizeof buf, token), -1);
  EXPECT_EQ(coop::connect(fd, reinterpret_cast<sockaddr*>(&addr), addrlen, token), -1);
  EXPECT_EQ(errno, ECANCELED);
  ::close(fds[0]);
  ::close(fds[1]);

  coop::counting_semaphore<8> csem(0);
  coop::binary_semaphore bsem(0);
  EXPECT_EQ(coop::acquire(csem, token), coop::wait_status::stop_requested);
  EXPECT_EQ(coop::acquire(bsem, token, 1s), coop::wait_status::stop_requested);
  sem_t psem;
  ::sem_init(&psem, 0, 0);
  EXPECT_EQ(coop::sem_wait(&psem, token), -1);
  EXPECT_EQ(errno, ECANCELED);
  ::sem_destroy(&psem);

  std::promise<int> promise;
  std::future<int> future = promise.get_future();
  std::promise<int> promise2;
  std::shared_future<int> shared = promise2.get_future().share();
  EXPECT_EQ(coop::wait(future, token), coop::wait_status::stop_requested);
  EXPECT_EQ(coop::wait(future, token, 1s), coop::wait_status::stop_requested);
  EXPECT_EQ(coop::wait(shared, token), coop::wait_status::stop_requested);

  coop::bounded_queue<int> queue(1);
  EXPECT_FALSE(queue.pop(token).has_value());
  EXPECT_TRUE(queue.push(1, token));  // room: proceeds even when stopped
  queue.close();

  coop::process_worker worker = coop::process_worker::spawn([] {});
  worker.terminate(std::chrono::milliseconds(100));
}
