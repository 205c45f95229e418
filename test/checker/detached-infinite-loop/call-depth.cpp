// Loops in functions the entry calls: found to CallDepth calls deep (default
// 3), with a note at each call on the way; not beyond.
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c++17
// RUN: %check_coop -check-suffix=DEPTH1 %s coop-detached-infinite-loop %t -- -config="{CheckOptions: {coop-detached-infinite-loop.CallDepth: 1}}" -- -std=c++17
// RUN: %check_coop -check-suffix=DEPTH0 %s coop-detached-infinite-loop %t -- -config="{CheckOptions: {coop-detached-infinite-loop.CallDepth: 0}}" -- -std=c++17
#include <thread>

int work();
void external_loop(); // defined in another translation unit: not followed

void depth4() {
  for (;;) // four calls away: beyond the default depth
    work();
}
void depth3() {
  depth4();
  while (true)
    work();
}
void depth2() {
  depth3();
}
void depth1() {
  for (;;) {
    depth2();
  }
}
void entry() {
  depth1();
  external_loop();
}
void start() {
  std::thread t(entry);
  t.detach();
}
// CHECK-MESSAGES: :[[@LINE-19]]:3: warning: thread entry 'entry' runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively
// CHECK-MESSAGES: :[[@LINE-4]]:15: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-10]]:3: note: reached from 'entry' via this call
// CHECK-MESSAGES: :[[@LINE-15]]:5: note: reached from 'depth1' via this call
// CHECK-MESSAGES: :[[@LINE-20]]:3: note: reached from 'depth2' via this call
// CHECK-MESSAGES: :[[@LINE-18]]:3: warning: thread entry 'entry' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-10]]:15: note: thread started here
// CHECK-MESSAGES: :[[@LINE-10]]:5: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-16]]:3: note: reached from 'entry' via this call
// CHECK-MESSAGES-DEPTH1: :[[@LINE-22]]:3: warning: thread entry 'entry' runs an infinite loop with no stop check
// CHECK-MESSAGES-DEPTH1: :[[@LINE-14]]:15: note: thread started here
// CHECK-MESSAGES-DEPTH1: :[[@LINE-14]]:5: note: thread detached here
// CHECK-MESSAGES-DEPTH1: :[[@LINE-20]]:3: note: reached from 'entry' via this call

// A loop in a lambda the entry calls; a member function called on an object.
struct Pump {
  void spin() {
    for (;;)
      work();
  }
};
void start_lambda_calls() {
  std::thread([] {
    Pump pump;
    auto forever = [&] { pump.spin(); };
    forever();
  }).detach();
}
// CHECK-MESSAGES: :[[@LINE-11]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: thread started here
// CHECK-MESSAGES: :[[@LINE-4]]:6: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-6]]:5: note: reached from the thread's lambda via this call
// CHECK-MESSAGES: :[[@LINE-8]]:26: note: reached from a lambda via this call

// A function reached from two threads is reported once, with both.
void shared_loop() {
  for (;;)
    work();
}
void first() { shared_loop(); }
void second() { shared_loop(); }
void start_both() {
  std::thread(first).detach();
  std::thread(second).detach();
  std::thread(shared_loop).detach();
}
// CHECK-MESSAGES: :[[@LINE-10]]:3: warning: thread entry 'shared_loop' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-5]]:3: note: thread started here
// CHECK-MESSAGES: :[[@LINE-6]]:22: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: thread started here
// CHECK-MESSAGES: :[[@LINE-7]]:23: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: thread started here
// CHECK-MESSAGES: :[[@LINE-8]]:28: note: thread detached here
// CHECK-MESSAGES-DEPTH1: :[[@LINE-17]]:3: warning: thread entry 'shared_loop' runs an infinite loop
// CHECK-MESSAGES-DEPTH1: :[[@LINE-12]]:3: note: thread started here
// CHECK-MESSAGES-DEPTH1: :[[@LINE-13]]:22: note: thread detached here
// CHECK-MESSAGES-DEPTH1: :[[@LINE-13]]:3: note: thread started here
// CHECK-MESSAGES-DEPTH1: :[[@LINE-14]]:23: note: thread detached here
// CHECK-MESSAGES-DEPTH1: :[[@LINE-14]]:3: note: thread started here
// CHECK-MESSAGES-DEPTH1: :[[@LINE-15]]:28: note: thread detached here
// CHECK-MESSAGES-DEPTH0: :[[@LINE-24]]:3: warning: thread entry 'shared_loop' runs an infinite loop
// CHECK-MESSAGES-DEPTH0: :[[@LINE-17]]:3: note: thread started here
// CHECK-MESSAGES-DEPTH0: :[[@LINE-18]]:28: note: thread detached here

// Recursion does not loop the analysis.
void ping(int n);
void pong(int n) { ping(n - 1); }
void ping(int n) {
  if (n)
    pong(n);
}
void start_recursive() { std::thread(ping, 10).detach(); }

// Names are shown as written: no "(anonymous namespace)::".
namespace {
void hidden() {
  for (;;)
    work();
}
} // namespace
void start_hidden() { std::thread(hidden).detach(); }
// CHECK-MESSAGES: :[[@LINE-5]]:3: warning: thread entry 'hidden' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-2]]:23: note: thread started here
// CHECK-MESSAGES: :[[@LINE-3]]:43: note: thread detached here
// CHECK-MESSAGES-DEPTH1: :[[@LINE-8]]:3: warning: thread entry 'hidden' runs an infinite loop
// CHECK-MESSAGES-DEPTH1: :[[@LINE-5]]:23: note: thread started here
// CHECK-MESSAGES-DEPTH1: :[[@LINE-6]]:43: note: thread detached here
// CHECK-MESSAGES-DEPTH0: :[[@LINE-11]]:3: warning: thread entry 'hidden' runs an infinite loop
// CHECK-MESSAGES-DEPTH0: :[[@LINE-8]]:23: note: thread started here
// CHECK-MESSAGES-DEPTH0: :[[@LINE-9]]:43: note: thread detached here
