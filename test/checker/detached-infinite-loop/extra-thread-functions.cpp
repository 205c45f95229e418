// ExtraThreadFunctions: a project's own thread wrappers, as create:detach
// pairs ("create:" for one that always detaches; a class name for a thread
// class, whose detach is a member function).
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c++17
// RUN: %check_coop -check-suffix=EXTRA %s coop-detached-infinite-loop %t -- -config="{CheckOptions: {coop-detached-infinite-loop.ExtraThreadFunctions: 'os::spawn:os::forget;run_in_background:;WorkerThread:release;Scheduler::launch:Scheduler::drop'}}" -- -std=c++17
#include <thread>

int work();

namespace os {
struct handle { int id; };
int spawn(handle *out, void (*entry)(void *), void *arg);
void forget(handle h);
} // namespace os
void run_in_background(void (*entry)());

class WorkerThread {
public:
  template <class F> explicit WorkerThread(F f) { start(new F(f)); }
  void release();
private:
  void start(void *callable);
};

void pumper(void *) {
  for (;;)
    work();
}
void start_pumper() {
  os::handle h;
  os::spawn(&h, pumper, nullptr);
  os::forget(h);
}
// CHECK-MESSAGES-EXTRA: :[[@LINE-8]]:3: warning: thread entry 'pumper' runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively; cooperative replacement: coop::jthread with a coop::stop_token checked in the loop condition
// CHECK-MESSAGES-EXTRA: :[[@LINE-4]]:3: note: thread started here by 'os::spawn'
// CHECK-MESSAGES-EXTRA: :[[@LINE-4]]:3: note: thread detached here

void background() {
  while (true)
    work();
}
void start_background() { run_in_background(background); }
// CHECK-MESSAGES-EXTRA: :[[@LINE-4]]:3: warning: thread entry 'background' runs an infinite loop with no stop check
// CHECK-MESSAGES-EXTRA: :[[@LINE-2]]:27: note: thread started here by 'run_in_background'

void start_worker_thread() {
  WorkerThread w([] {
    for (;;)
      work();
  });
  w.release();
}
// CHECK-MESSAGES-EXTRA: :[[@LINE-5]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES-EXTRA: :[[@LINE-7]]:16: note: thread started here by 'WorkerThread'
// CHECK-MESSAGES-EXTRA: :[[@LINE-4]]:5: note: thread detached here

// A member function pair: the id is returned, then dropped.
class Scheduler {
public:
  int launch(void (*job)());
  void drop(int id);
};
void job_loop() {
  do
    work();
  while (true);
}
void start_job(Scheduler &s) {
  int id = s.launch(job_loop);
  s.drop(id);
}
// CHECK-MESSAGES-EXTRA: :[[@LINE-8]]:3: warning: thread entry 'job_loop' runs an infinite loop with no stop check
// CHECK-MESSAGES-EXTRA: :[[@LINE-4]]:12: note: thread started here by 'Scheduler::launch'
// CHECK-MESSAGES-EXTRA: :[[@LINE-4]]:5: note: thread detached here

// Spawned but kept: not detached.
void kept(void *) {
  for (;;)
    work();
}
void start_kept() {
  os::handle h;
  os::spawn(&h, kept, nullptr);
}

// Without the option only the standard APIs count: this is found either way.
void standard() {
  for (;;)
    work();
}
void start_standard() { std::thread(standard).detach(); }
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: thread entry 'standard' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-2]]:25: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-3]]:47: note: thread detached here
// CHECK-MESSAGES-EXTRA: :[[@LINE-7]]:3: warning: thread entry 'standard' runs an infinite loop
// CHECK-MESSAGES-EXTRA: :[[@LINE-5]]:25: note: thread started here by 'std::thread'
// CHECK-MESSAGES-EXTRA: :[[@LINE-6]]:47: note: thread detached here
