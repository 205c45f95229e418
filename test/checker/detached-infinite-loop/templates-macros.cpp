// Templates are reported once, not once per instantiation; macros are
// reported where they are used.
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c++17
#include <atomic>
#include <thread>

int work();
std::atomic<bool> g_stop{false};

// --- a function template entry, two specialisations -------------------------
template <class T> void pump() {
  for (;;)
    work();
}
void start_pumps() {
  std::thread(pump<int>).detach();
  std::thread(pump<long>).detach();
}
// CHECK-MESSAGES: :[[@LINE-7]]:3: warning: thread entry 'pump' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: thread started here
// CHECK-MESSAGES: :[[@LINE-5]]:26: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-5]]:3: note: thread started here
// CHECK-MESSAGES: :[[@LINE-6]]:27: note: thread detached here

// --- a member of a class template, started in the constructor ----------------
template <class Msg> class Mailbox {
public:
  Mailbox() { std::thread(&Mailbox::drain, this).detach(); }
private:
  void drain() {
    while (true)
      work();
  }
};
Mailbox<int> g_ints;
Mailbox<char> g_chars;
// CHECK-MESSAGES: :[[@LINE-6]]:5: warning: thread entry 'Mailbox::drain' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-10]]:15: note: thread started here
// CHECK-MESSAGES: :[[@LINE-11]]:50: note: thread detached here

// --- a lambda in a function template -------------------------------------------
template <class T> void spawn(T arg) {
  std::thread([arg] {
    for (;;)
      work();
  }).detach();
}
void start_spawns() {
  spawn(1);
  spawn('c');
  spawn(2.0);
}
// CHECK-MESSAGES: :[[@LINE-9]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-11]]:3: note: thread started here
// CHECK-MESSAGES: :[[@LINE-9]]:6: note: thread detached here

// --- a condition that depends on the template argument ---------------------------
template <bool Forever> void maybe() {
  while (Forever)
    work();
}
void start_maybe() {
  std::thread(maybe<false>).detach();
  std::thread(maybe<true>).detach();
}
// CHECK-MESSAGES: :[[@LINE-7]]:3: warning: thread entry 'maybe' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: thread started here
// CHECK-MESSAGES: :[[@LINE-4]]:28: note: thread detached here

// --- a stop check that depends on the template argument --------------------------
template <class Flag> void watch(Flag *flag) {
  for (;;)
    if (flag->load())
      return;
}
void start_watch() { std::thread(watch<std::atomic<bool>>, &g_stop).detach(); }

// --- a template never instantiated: no thread is ever started ----------------------
template <class T> void never(T) {
  std::thread([] {
    for (;;)
      work();
  }).detach();
}

// --- macros -------------------------------------------------------------------------
#define FOREVER for (;;)
#define SPAWN_DETACHED(fn) std::thread(fn).detach()
#define STOP_IF_REQUESTED()                                                     \
  if (g_stop.load())                                                           \
  break

void macro_loop() {
  FOREVER {
    work();
  }
}
void macro_checked() {
  FOREVER {
    STOP_IF_REQUESTED();
    work();
  }
}
void macro_suppressed() {
  FOREVER // NOLINT(coop-detached-infinite-loop)
    work();
}
void start_macros() {
  SPAWN_DETACHED(macro_loop);
  SPAWN_DETACHED(macro_checked);
  SPAWN_DETACHED(macro_suppressed);
}
// CHECK-MESSAGES: :[[@LINE-19]]:3: warning: thread entry 'macro_loop' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-5]]:3: note: thread started here
