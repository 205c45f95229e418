// coop::process_worker: results, exit codes, terminate(grace), process groups, and
// thousands of spawn/terminate cycles that must leave no zombie and no descriptor.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "coop/process.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;

namespace {

bool no_children_left() {
  int status;
  return ::waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD;
}

// Gone, or a zombie about to be reaped by init.
bool process_gone(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  if (!stat) return true;
  std::string line;
  std::getline(stat, line);
  const auto close_paren = line.rfind(')');
  return close_paren != std::string::npos && close_paren + 2 < line.size() && line[close_paren + 2] == 'Z';
}

}  // namespace

TEST(ProcessWorker, FunctionResultComesBack) {
  auto w = coop::process_worker::spawn([] { return std::string("result from pid ") + std::to_string(::getpid()); });
  EXPECT_TRUE(w.running());
  w.wait();
  EXPECT_FALSE(w.running());
  EXPECT_TRUE(w.result().success());
  EXPECT_EQ(w.result().output, "result from pid " + std::to_string(w.pid()));
  EXPECT_TRUE(no_children_left());
}

TEST(ProcessWorker, LargeResultIsDrainedWhileWaiting) {
  const std::size_t size = 4 << 20;  // far beyond the pipe buffer
  auto w = coop::process_worker::spawn([] { return std::string(4 << 20, 'x'); });
  coop::stop_source s;
  EXPECT_EQ(w.wait(s.get_token(), 30s), coop::wait_status::ready);
  EXPECT_EQ(w.result().output.size(), size);
}

TEST(ProcessWorker, VoidFunctionAndExceptions) {
  auto ok = coop::process_worker::spawn([] {});
  ok.wait();
  EXPECT_TRUE(ok.result().success());
  EXPECT_TRUE(ok.result().output.empty());
  auto throws = coop::process_worker::spawn([]() -> std::string { throw std::runtime_error("boom"); });
  throws.wait();
  EXPECT_TRUE(throws.result().exited);
  EXPECT_EQ(throws.result().exit_code, coop::process_worker::exception_exit_code);
}

TEST(ProcessWorker, Commands) {
  auto t = coop::process_worker::spawn_command({"true"});
  t.wait();
  EXPECT_TRUE(t.result().success());
  auto f = coop::process_worker::spawn_command({"sh", "-c", "exit 3"});
  f.wait();
  EXPECT_EQ(f.result().exit_code, 3);
  coop::process_options capture;
  capture.capture_stdout = true;
  auto echo = coop::process_worker::spawn_command({"echo", "hello"}, capture);
  echo.wait();
  EXPECT_EQ(echo.result().output, "hello\n");
  EXPECT_THROW(coop::process_worker::spawn_command({"/nonexistent/coop-no-such-binary"}), std::system_error);
  EXPECT_THROW(coop::process_worker::spawn_command({}), std::system_error);
  EXPECT_TRUE(no_children_left());
}

TEST(ProcessWorker, WaitTimesOutAndStops) {
  auto w = coop::process_worker::spawn([] { ::pause(); });
  coop::stop_source s;
  EXPECT_EQ(w.wait(s.get_token(), 20ms), coop::wait_status::timeout);
  std::thread stopper([&] {
    std::this_thread::sleep_for(20ms);
    s.request_stop();
  });
  const auto start = coop_test::clock::now();
  EXPECT_EQ(w.wait(s.get_token()), coop::wait_status::stop_requested);
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
  stopper.join();
  EXPECT_TRUE(w.running());
  const auto& r = w.terminate(1s);
  EXPECT_FALSE(r.exited);
  EXPECT_EQ(r.term_signal, SIGTERM);
  EXPECT_TRUE(no_children_left());
}

TEST(ProcessWorker, TerminateEscalatesToSigkillAfterTheGrace) {
  auto w = coop::process_worker::spawn([] {
    ::signal(SIGTERM, SIG_IGN);
    for (;;) ::pause();
  });
  std::this_thread::sleep_for(20ms);  // let it install the handler
  const auto start = coop_test::clock::now();
  const auto& r = w.terminate(std::chrono::duration<double>(0.1));  // any duration type
  EXPECT_GE(coop_test::seconds_since(start), 0.09);
  EXPECT_EQ(r.term_signal, SIGKILL);
  EXPECT_TRUE(no_children_left());
}

TEST(ProcessWorker, TerminateKillsTheWholeGroup) {
  int pipefd[2];
  ASSERT_EQ(::pipe2(pipefd, O_CLOEXEC), 0);
  auto w = coop::process_worker::spawn([&] {
    const pid_t grandchild = ::fork();
    if (grandchild == 0) {
      for (;;) ::pause();
    }
    [[maybe_unused]] ssize_t n = ::write(pipefd[1], &grandchild, sizeof grandchild);
    for (;;) ::pause();
  });
  ::close(pipefd[1]);
  pid_t grandchild = 0;
  ASSERT_EQ(::read(pipefd[0], &grandchild, sizeof grandchild), static_cast<ssize_t>(sizeof grandchild));
  ::close(pipefd[0]);
  EXPECT_EQ(::getpgid(grandchild), w.pid());
  w.terminate(0ms);
  const auto start = coop_test::clock::now();
  while (!process_gone(grandchild) && coop_test::seconds_since(start) < 5) std::this_thread::sleep_for(1ms);
  EXPECT_TRUE(process_gone(grandchild));
}

TEST(ProcessWorker, DestructorKillsAndReaps) {
  pid_t pid;
  {
    auto w = coop::process_worker::spawn([] { ::pause(); });
    pid = w.pid();
  }
  EXPECT_TRUE(process_gone(pid));
  EXPECT_TRUE(no_children_left());
}

TEST(ProcessWorker, MoveKeepsOwnership) {
  auto a = coop::process_worker::spawn([] { return std::string("moved"); });
  coop::process_worker b(std::move(a));
  EXPECT_FALSE(a.running());  // NOLINT(bugprone-use-after-move)
  coop::process_worker c;
  c = std::move(b);
  c.wait();
  EXPECT_EQ(c.result().output, "moved");
}

TEST(ProcessWorkerStress, SpawnTerminateCyclesLeaveNoZombieNorFd) {
  // >= 1000 cycles by default (COOP_STRESS_SCALE multiplies).
  const int cycles = coop_test::iterations(1000);
  { auto warm = coop::process_worker::spawn([] {}); warm.wait(); }  // per-thread wake fd
  const int fds_before = coop_test::open_fd_count();
  for (int i = 0; i < cycles; ++i) {
    switch (i % 4) {
      case 0: {  // kill right after fork: races the child's own setpgid
        auto w = coop::process_worker::spawn([] { ::pause(); });
        w.terminate(0ms);
        break;
      }
      case 1: {  // graceful: SIGTERM is enough
        auto w = coop::process_worker::spawn([] { ::pause(); });
        const auto& r = w.terminate(1s);
        ASSERT_EQ(r.term_signal, SIGTERM) << i;
        break;
      }
      case 2: {  // finishes on its own
        auto w = coop::process_worker::spawn([] { return std::string("x"); });
        w.wait();
        ASSERT_EQ(w.result().output, "x") << i;
        break;
      }
      case 3: {  // destructor does it
        auto w = coop::process_worker::spawn_command({"sleep", "10"});
        break;
      }
    }
  }
  EXPECT_TRUE(no_children_left());
  EXPECT_EQ(coop_test::open_fd_count(), fds_before);
}
