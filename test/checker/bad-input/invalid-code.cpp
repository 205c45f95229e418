// Broken C++ around every construct the coop checks look at: thread launches
// with undeclared or malformed callables, loops with missing bodies, waits on
// unknown types, stop tokens of unknown types, half-written calls to the
// unsafe APIs. clang-tidy must report the compiler's errors and exit non-zero
// - never crash - through both the plugin and coop-tidy.
//
// The checks still report what is well-formed (the first pthread_cancel).
//
// RUN: not %clang_tidy --load=%coop_plugin %s -checks='-*,coop-*' -- -std=c++20 -ferror-limit=0 2>&1 | FileCheck %s
// RUN: not %coop_tidy %s -checks='-*,coop-*' -- -std=c++20 -ferror-limit=0 2>&1 | FileCheck %s
// CHECK-DAG: invalid-code.cpp:[[@LINE+11]]:33: warning: 'pthread_cancel' forcibly cancels a thread
// CHECK-DAG: invalid-code.cpp:[[@LINE+11]]:40: error: expected expression
// CHECK-DAG: invalid-code.cpp:[[@LINE+14]]:3: error: unknown type name 'UnknownFlag'
// CHECK-DAG: invalid-code.cpp:59:19: error: expected '}'
// CHECK: Found compiler error(s).

#include <thread>
#include <atomic>
#include <mutex>
#include <condition_variable>

void cancelValid(pthread_t t) { pthread_cancel(t); }
void halfCall(int t) { pthread_kill(t, ); }
void terminate(void *h) { TerminateThread(h, 0); }

struct Worker {
  UnknownFlag stop;
  std::atomic<bool> ok{undeclared_value};
  void run() {
    while (!stop) {
      std::unique_lock<std::mutex> lock(m_);
      cv_.wait(lock, [&] { return ready_ + ; });
    }
  }
  std::mutex m_;
  std::condition_variable cv_;
};

void launch() {
  std::thread t(doesNotExist);
  t.detach();
  std::thread([] { for (;;) }).detach();
  std::thread([](UnknownToken tok) { while (true) {} }, 1).detach();
  std::jthread j([](std::stop_token tok, int) { while (!tok.stop_requested()) {} });
  auto lambda = [](auto self) { while (1) self(self); };
  std::thread(lambda, lambda).detach();
}

template <typename T> void dependent(T t) {
  std::thread(T::run, t).detach();
  typename T::Flag flag;
  while (!flag.load()) t.wait_forever();
  pthread_cancel(t.handle);
}
template void dependent<int>(int);

void unfinished() {
  std::thread t([&] {
    while (true) {
