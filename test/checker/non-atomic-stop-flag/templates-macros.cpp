// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c++17
// Templates are reported once (in the template, not per instantiation);
// reads written in macros are reported where the user wrote them; NOLINT
// works.
#include <thread>
// CHECK-FIXES: #include <atomic>

template <class Task> class Pool {
public:
  void start() { worker_ = std::thread(&Pool::run, this); }
  void stop() {
    done_ = true;
    worker_.join();
  }

private:
  void run() {
    while (!done_)
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'done_' is read by this loop
      // CHECK-MESSAGES: :[[@LINE+4]]:8: note: 'done_' is declared here
      // CHECK-MESSAGES: :[[@LINE-9]]:5: note: another thread writes 'done_' here
      Task()();
  }
  bool done_ = false;
  // CHECK-FIXES: std::atomic<bool> done_ = false;
  std::thread worker_;
};

struct Noop {
  void operator()() {}
};
struct Other {
  void operator()() {}
};

void use_pools() {
  Pool<Noop> a;
  Pool<Other> b;
  a.start();
  b.start();
  a.stop();
  b.stop();
}

// A function template run on a thread, with the flag as a global.
bool tick_stop = false;
// CHECK-FIXES: std::atomic<bool> tick_stop = false;
template <int N> void ticker() {
  for (int i = 0; !tick_stop; i += N) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: 'tick_stop' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-6]]:6: note: 'tick_stop' is declared here
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: another thread writes 'tick_stop' here
}

void use_ticker() {
  std::thread one(ticker<1>);
  std::thread two(ticker<2>);
  std::thread again(ticker<1>);
  tick_stop = true;
  one.join();
  two.join();
  again.join();
}

// Macros: the read inside a macro body is reported at the macro's use, a
// read passed as an argument where it is written.
bool macro_stop = false;
// CHECK-FIXES: std::atomic<bool> macro_stop = false;
#define SPIN_UNTIL_STOPPED() while (!macro_stop) {}
#define SPIN_UNTIL(cond) while (!(cond)) {}
void macro_worker() {
  SPIN_UNTIL_STOPPED();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'macro_stop' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-7]]:6: note: 'macro_stop' is declared here
  // CHECK-MESSAGES: :[[@LINE+10]]:3: note: another thread writes 'macro_stop' here
  SPIN_UNTIL(macro_stop);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'macro_stop' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-11]]:6: note: 'macro_stop' is declared here
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: another thread writes 'macro_stop' here
  SPIN_UNTIL(macro_stop); // NOLINT(coop-non-atomic-stop-flag)
}

void use_macros() {
  std::thread t(macro_worker);
  macro_stop = true;
  t.join();
}

// Two flags read by one macro are two findings at the same place.
bool first_flag = false, second_flag = false; // one declaration: no fix
#define SPIN_WHILE_BOTH_CLEAR() while (!first_flag && !second_flag) {}
void two_flags() {
  SPIN_WHILE_BOTH_CLEAR();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'first_flag' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-5]]:6: note: 'first_flag' is declared here
  // CHECK-MESSAGES: :[[@LINE+8]]:3: note: another thread writes 'first_flag' here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: 'second_flag' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-8]]:26: note: 'second_flag' is declared here
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: another thread writes 'second_flag' here
}

void set_both() {
  std::thread t(two_flags);
  first_flag = true;
  second_flag = true;
  t.join();
}
