// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c++17
// From the real-world corpus (libstdc++'s testsuite, docs/real-world.md): its
// VERIFY macro is `do { if (!(cond)) abort(); } while (false)`. That body
// runs once; a flag checked in it is not polled, whatever thread wrote it.
// A real loop around the same macro still is.
#include <cstdlib>
#include <thread>

#define VERIFY(cond)                                                           \
  do {                                                                         \
    if (!(cond))                                                               \
      std::abort();                                                            \
  } while (false)
#define CHECK_ZERO(cond)                                                       \
  do {                                                                         \
    if (cond)                                                                  \
      return;                                                                  \
  } while (0)

void verify_after_join() {
  bool b = true;
  bool started = false;
  std::thread t([&] {
    b = false;
    started = true;
  });
  t.join();
  VERIFY(!b);
  CHECK_ZERO(started);
}

void poll_in_a_real_loop() {
  bool stop = false;
  std::thread t([&] { stop = true; });
  for (;;)
    VERIFY(!stop);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'stop' is read by this loop while another thread writes it
  // CHECK-MESSAGES: :[[@LINE-5]]:8: note: 'stop' is declared here
  // CHECK-MESSAGES: :[[@LINE-5]]:23: note: another thread writes 'stop' here
}
