// pthread_create in C++: a captureless lambda as the entry, a member id.
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c++17
// RUN: %check_coop -check-suffix=JOIN %s coop-detached-infinite-loop %t -- -config="{CheckOptions: {coop-detached-infinite-loop.CheckJoinableThreads: true}}" -- -std=c++17
#include <pthread.h>

int work();

void start_lambda() {
  pthread_t tid;
  pthread_create(&tid, nullptr, [](void *) -> void * {
    for (;;)
      work();
  }, nullptr);
  pthread_detach(tid);
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively; cooperative replacement: coop::jthread with a coop::stop_token checked in the loop condition [coop-detached-infinite-loop]
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: thread started here by 'pthread_create'
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-8]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-10]]:3: note: thread started here by 'pthread_create'
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:3: note: thread detached here

class Monitor {
public:
  void start() {
    pthread_create(&thread_, nullptr, &Monitor::trampoline, this);
    pthread_detach(thread_);
  }
private:
  static void *trampoline(void *self) {
    static_cast<Monitor *>(self)->watch();
    return nullptr;
  }
  void watch() {
    while (true)
      work();
  }
  pthread_t thread_;
};
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: thread entry 'Monitor::trampoline' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-15]]:5: note: thread started here by 'pthread_create'
// CHECK-MESSAGES: :[[@LINE-15]]:5: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-12]]:5: note: reached from 'Monitor::trampoline' via this call
// CHECK-MESSAGES-JOIN: :[[@LINE-9]]:5: warning: thread entry 'Monitor::trampoline' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-19]]:5: note: thread started here by 'pthread_create'
// CHECK-MESSAGES-JOIN: :[[@LINE-19]]:5: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-16]]:5: note: reached from 'Monitor::trampoline' via this call

// Joined: silent by default.
void start_joined() {
  pthread_t tid;
  pthread_create(&tid, nullptr, +[](void *) -> void * {
    for (;;)
      work();
  }, nullptr);
  pthread_join(tid, nullptr);
}
// CHECK-MESSAGES-JOIN: :[[@LINE-5]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check; the thread can never be stopped cooperatively, and joining it blocks forever
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:3: note: thread started here by 'pthread_create'
