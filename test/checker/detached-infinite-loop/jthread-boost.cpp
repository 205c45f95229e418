// std::jthread (C++20), coop::jthread and boost::thread.
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c++20 -I%coop_include -I%S/../Inputs/detached-infinite-loop
// RUN: %check_coop -check-suffix=JOIN %s coop-detached-infinite-loop %t -- -config="{CheckOptions: {coop-detached-infinite-loop.CheckJoinableThreads: true}}" -- -std=c++20 -I%coop_include -I%S/../Inputs/detached-infinite-loop
#include <stop_token>
#include <thread>
#include <coop/jthread.hpp>
#include "boost-thread.h"

int work();

// A jthread whose loop ignores the token it is given, then detached.
void start_detached_jthread() {
  std::jthread j([](std::stop_token) {
    for (;;)
      work();
  });
  j.detach();
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively; cooperative replacement: keep the std::jthread (or a coop::jthread) joinable and check its stop_token in the loop condition [coop-detached-infinite-loop]
// CHECK-MESSAGES: :[[@LINE-7]]:16: note: thread started here by 'std::jthread'
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-8]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-10]]:16: note: thread started here by 'std::jthread'
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:5: note: thread detached here

// Checking the token is the stop check.
void start_checked_jthreads() {
  std::jthread([](std::stop_token token) {
    for (;;) {
      if (token.stop_requested())
        return;
      work();
    }
  }).detach();
  coop::jthread([](coop::stop_token token) {
    while (true) {
      if (token.stop_requested())
        break;
      work();
    }
  });
}

// Joinable jthreads: their destructor asks them to stop and joins, which
// hangs when the loop ignores the token.
void start_joinable_jthreads() {
  std::jthread forever([] {
    while (true)
      work();
  });
  coop::jthread ignoring([](coop::stop_token) {
    for (;;)
      work();
  });
}
// CHECK-MESSAGES-JOIN: :[[@LINE-8]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check; the thread can never be stopped cooperatively, and joining it blocks forever; cooperative replacement: keep the std::jthread (or a coop::jthread) joinable and check its stop_token in the loop condition
// CHECK-MESSAGES-JOIN: :[[@LINE-10]]:16: note: thread started here by 'std::jthread'
// CHECK-MESSAGES-JOIN: :[[@LINE-6]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check; the thread can never be stopped cooperatively, and joining it blocks forever
// CHECK-MESSAGES-JOIN: :[[@LINE-8]]:17: note: thread started here by 'coop::jthread'

// boost::thread: detached; an interruption point is a stop check.
void boost_loop() {
  for (;;)
    work();
}
void boost_interruptible() {
  for (;;) {
    boost::this_thread::interruption_point();
    work();
  }
}
void boost_polling() {
  while (true)
    if (boost::this_thread::interruption_requested())
      return;
}
void start_boost() {
  boost::thread b(boost_loop);
  b.detach();
  boost::thread(boost_interruptible).detach();
  boost::thread(boost_polling).detach();
}
// CHECK-MESSAGES: :[[@LINE-20]]:3: warning: thread entry 'boost_loop' runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively; cooperative replacement: coop::jthread with a coop::stop_token checked in the loop condition
// CHECK-MESSAGES: :[[@LINE-6]]:17: note: thread started here by 'boost::thread'
// CHECK-MESSAGES: :[[@LINE-6]]:5: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-23]]:3: warning: thread entry 'boost_loop' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-9]]:17: note: thread started here by 'boost::thread'
// CHECK-MESSAGES-JOIN: :[[@LINE-9]]:5: note: thread detached here
