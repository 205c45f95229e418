// The thread-entry walk starts from the TU's top-level declarations that can
// hold code, as checker/utils/TopLevelDecls.h lists them: an
// entry, or a launch, in each kind of them is found.
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c++17
#include <thread>

int work();

// --- a lambda in a namespace-scope variable's initializer ---------------
auto spin = [] {
  for (;;)
    work();
};
void start_variable() { std::thread(spin).detach(); }
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: the lambda run by the thread runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively; cooperative replacement: coop::jthread with a coop::stop_token checked in the loop condition [coop-detached-infinite-loop]
// CHECK-MESSAGES: :[[@LINE-2]]:25: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-3]]:43: note: thread detached here

// --- a variable template -------------------------------------------------
template <class T> auto spin_template = [] {
  for (;;)
    work();
};
void start_variable_template() { std::thread(spin_template<int>).detach(); }
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-2]]:34: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-3]]:66: note: thread detached here

// --- a linkage specification ---------------------------------------------
extern "C++" {
void in_linkage() {
  for (;;)
    work();
}
}
void start_linkage() { std::thread(in_linkage).detach(); }
// CHECK-MESSAGES: :[[@LINE-5]]:3: warning: thread entry 'in_linkage' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-2]]:24: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-3]]:48: note: thread detached here

// --- a namespace -----------------------------------------------------------
namespace ns {
void in_namespace() {
  for (;;)
    work();
}
} // namespace ns
void start_namespace() { std::thread(ns::in_namespace).detach(); }
// CHECK-MESSAGES: :[[@LINE-5]]:3: warning: thread entry 'ns::in_namespace' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-2]]:26: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-3]]:56: note: thread detached here

// --- a class: a method defined in it, and one defined out of line ---------
struct Pool {
  static void in_class() {
    for (;;)
      work();
  }
  static void out_of_line();
};
void Pool::out_of_line() {
  for (;;)
    work();
}
void start_class() {
  std::thread(&Pool::in_class).detach();
  std::thread(&Pool::out_of_line).detach();
}
// CHECK-MESSAGES: :[[@LINE-13]]:5: warning: thread entry 'Pool::in_class' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-5]]:32: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-10]]:3: warning: thread entry 'Pool::out_of_line' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-7]]:35: note: thread detached here

// --- a class template, a function template ---------------------------------
template <class T> struct Box {
  static void in_class_template() {
    for (;;)
      work();
  }
};
template <class T> void in_function_template() {
  for (;;)
    work();
}
void start_templates() {
  std::thread(&Box<int>::in_class_template).detach();
  std::thread(in_function_template<int>).detach();
}
// CHECK-MESSAGES: :[[@LINE-12]]:5: warning: thread entry 'Box::in_class_template' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-5]]:45: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-10]]:3: warning: thread entry 'in_function_template' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-7]]:42: note: thread detached here

// --- a launch in a namespace-scope variable's initializer -----------------
void started_by_initializer() {
  for (;;)
    work();
}
static bool started = (std::thread(started_by_initializer).detach(), true);
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: thread entry 'started_by_initializer' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-2]]:24: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-3]]:60: note: thread detached here

// --- declarations that hold no code: nothing to report -------------------
void declared_only();
struct Forward;
extern int uninitialised;
void start_declared() { std::thread(declared_only).detach(); }
