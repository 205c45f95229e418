// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c++17 -I%S/Inputs
// The warning without the declaration fix, wherever std::atomic<T> would not
// compile or the rewrite would not be mechanical. The fixed file (unchanged)
// must still compile.
#include <thread>
#include "shared-flag.h"
// CHECK-FIXES-NOT: #include <atomic>

void set(bool *flag) { *flag = true; }
void set_ref(bool &flag) { flag = true; }
template <class T> void log_value(T) {}

bool by_pointer = false;      // its address is passed as bool*
bool by_reference = false;    // bound to bool&
bool deduced = false;         // copied into an `auto`
bool returned = false;        // returned from a lambda with a deduced type
bool templated = false;       // passed to a function template
bool compound = false;        // `|=` is not an operation of std::atomic<bool>
int multiplied = 1;           // nor `*=` of std::atomic<int>
bool first = false, second = false; // one declaration, two variables
bool header_flag = false;     // also declared in a header
#define DECLARE_FLAG(name) bool name = false
DECLARE_FLAG(from_macro);     // declared by a macro

void worker() {
  while (!by_pointer && !by_reference && !deduced && !returned && !templated &&
         !compound && multiplied < 100 && !second && !header_flag &&
         !from_macro) {
  }
}
// CHECK-MESSAGES: :[[@LINE-5]]:11: warning: 'by_pointer' is read by this loop
// CHECK-MESSAGES: :[[@LINE-19]]:6: note: 'by_pointer' is declared here
// CHECK-MESSAGES: :[[@LINE+31]]:8: note: a reference to 'by_pointer' escapes here, so another thread may write it
// CHECK-MESSAGES: :[[@LINE-8]]:26: warning: 'by_reference' is read by this loop
// CHECK-MESSAGES: :[[@LINE-21]]:6: note: 'by_reference' is declared here
// CHECK-MESSAGES: :[[@LINE+29]]:11: note: a reference to 'by_reference' escapes here, so another thread may write it
// CHECK-MESSAGES: :[[@LINE-11]]:43: warning: 'deduced' is read by this loop
// CHECK-MESSAGES: :[[@LINE-23]]:6: note: 'deduced' is declared here
// CHECK-MESSAGES: :[[@LINE+27]]:3: note: another thread writes 'deduced' here
// CHECK-MESSAGES: :[[@LINE-14]]:55: warning: 'returned' is read by this loop
// CHECK-MESSAGES: :[[@LINE-25]]:6: note: 'returned' is declared here
// CHECK-MESSAGES: :[[@LINE+26]]:3: note: another thread writes 'returned' here
// CHECK-MESSAGES: :[[@LINE-17]]:68: warning: 'templated' is read by this loop
// CHECK-MESSAGES: :[[@LINE-27]]:6: note: 'templated' is declared here
// CHECK-MESSAGES: :[[@LINE+25]]:3: note: another thread writes 'templated' here
// CHECK-MESSAGES: :[[@LINE-19]]:11: warning: 'compound' is read by this loop
// CHECK-MESSAGES: :[[@LINE-29]]:6: note: 'compound' is declared here
// CHECK-MESSAGES: :[[@LINE+24]]:3: note: another thread writes 'compound' here
// CHECK-MESSAGES: :[[@LINE-22]]:23: warning: 'multiplied' is read by this loop
// CHECK-MESSAGES: :[[@LINE-31]]:5: note: 'multiplied' is declared here
// CHECK-MESSAGES: :[[@LINE+22]]:3: note: another thread writes 'multiplied' here
// CHECK-MESSAGES: :[[@LINE-25]]:44: warning: 'second' is read by this loop
// CHECK-MESSAGES: :[[@LINE-33]]:21: note: 'second' is declared here
// CHECK-MESSAGES: :[[@LINE+20]]:3: note: another thread writes 'second' here
// CHECK-MESSAGES: :[[@LINE-28]]:55: warning: 'header_flag' is read by this loop
// CHECK-MESSAGES: :[[@LINE-35]]:6: note: 'header_flag' is declared here
// CHECK-MESSAGES: :[[@LINE+18]]:3: note: another thread writes 'header_flag' here
// CHECK-MESSAGES: :[[@LINE-30]]:11: warning: 'from_macro' is read by this loop
// CHECK-MESSAGES: :[[@LINE-36]]:14: note: 'from_macro' is declared here
// CHECK-MESSAGES: :[[@LINE+16]]:3: note: another thread writes 'from_macro' here

void controller() {
  std::thread t(worker);
  set(&by_pointer);
  set_ref(by_reference);
  deduced = true;
  auto snapshot = deduced;
  returned = true;
  auto get = [] { return returned; };
  templated = true;
  log_value(templated);
  compound |= true;
  multiplied *= 2;
  second = true;
  header_flag = true;
  from_macro = true;
  (void)snapshot;
  (void)get;
  t.join();
}

// A copy of the enclosing class would need std::atomic's deleted copy
// constructor.
class Copyable {
public:
  void run() {
    while (!stop_) {
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'stop_' is read by this loop
      // CHECK-MESSAGES: :[[@LINE+5]]:8: note: 'stop_' is declared here
      // CHECK-MESSAGES: :[[@LINE+3]]:17: note: another thread writes 'stop_' here
    }
  }
  void stop() { stop_ = true; }
  bool stop_ = false;
  // CHECK-FIXES: bool stop_ = false;
};

Copyable duplicate(const Copyable &c) { return c; }

void start_copyable(Copyable &c) {
  std::thread t(&Copyable::run, &c);
  c.stop();
  t.join();
}

// A local captured by copy by another lambda: the copy would be deleted.
void captures() {
  bool done = false;
  // CHECK-FIXES: bool done = false;
  std::thread t([&] { while (!done) {} });
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'done' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-4]]:8: note: 'done' is declared here
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: another thread writes 'done' here
  auto peek = [done] { return done; };
  done = true;
  (void)peek;
  t.join();
}
