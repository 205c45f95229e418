// Every way of creating and detaching a std::thread, and every form of entry,
// with the real <thread>.
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c++17
// RUN: %check_coop -check-suffix=JOIN %s coop-detached-infinite-loop %t -- -config="{CheckOptions: {coop-detached-infinite-loop.CheckJoinableThreads: true}}" -- -std=c++17
#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

int work();
std::atomic<bool> g_stop{false};

// --- a free function, a named thread ------------------------------------
void worker_main() {
  for (;;) {
    work();
  }
}
void start_named() {
  std::thread t(worker_main);
  t.detach();
}
// CHECK-MESSAGES: :[[@LINE-8]]:3: warning: thread entry 'worker_main' runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively; cooperative replacement: coop::jthread with a coop::stop_token checked in the loop condition [coop-detached-infinite-loop]
// CHECK-MESSAGES: :[[@LINE-4]]:15: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-11]]:3: warning: thread entry 'worker_main' runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:15: note: thread started here by 'std::thread'
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:5: note: thread detached here

// --- a lambda in a temporary --------------------------------------------
void start_lambda() {
  std::thread([] {
    while (true) {
      work();
    }
  }).detach();
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively; cooperative replacement: coop::jthread
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-4]]:6: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-8]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-10]]:3: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:6: note: thread detached here

// --- a capturing lambda, a brace-initialised temporary, do-while(1) -----
void start_capturing(int id) {
  std::thread{[id] {
    do {
      work();
    } while (1);
  }}.detach();
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: thread started here
// CHECK-MESSAGES: :[[@LINE-4]]:6: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-8]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-10]]:3: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:6: note: thread detached here

// --- a member function: a member thread started in the constructor and
// detached elsewhere ------------------------------------------------------
class Poller {
public:
  Poller() : thread_(&Poller::run, this) {}
  void release() { thread_.detach(); }

private:
  void run() {
    for (;;)
      poll_once();
  }
  void poll_once() { ++polls_; }
  int polls_ = 0;
  std::thread thread_;
};
// CHECK-MESSAGES: :[[@LINE-7]]:5: warning: thread entry 'Poller::run' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-13]]:14: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-13]]:28: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-10]]:5: warning: thread entry 'Poller::run' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-16]]:14: note: thread started here by 'std::thread'
// CHECK-MESSAGES-JOIN: :[[@LINE-16]]:28: note: thread detached here

// --- a default member initializer ---------------------------------------
class Heartbeat {
  void beat() {
    for (;;)
      work();
  }
  std::thread thread_{&Heartbeat::beat, this};
public:
  ~Heartbeat() { thread_.detach(); }
};
// CHECK-MESSAGES: :[[@LINE-7]]:5: warning: thread entry 'Heartbeat::beat' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-5]]:22: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-4]]:26: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-10]]:5: warning: thread entry 'Heartbeat::beat' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-8]]:22: note: thread started here by 'std::thread'
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:26: note: thread detached here

// --- a static member function -------------------------------------------
struct Service {
  static void serve() {
    while (true) {
      work();
    }
  }
};
void start_service() {
  std::thread(&Service::serve).detach();
}
// CHECK-MESSAGES: :[[@LINE-8]]:5: warning: thread entry 'Service::serve' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: thread started here
// CHECK-MESSAGES: :[[@LINE-4]]:32: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-11]]:5: warning: thread entry 'Service::serve' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-6]]:3: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:32: note: thread detached here

// --- a functor's operator() ---------------------------------------------
struct Ticker {
  void operator()(int period) const {
    for (;;) {
      work();
    }
  }
};
void start_ticker() {
  Ticker ticker;
  std::thread ticking(ticker, 100);
  ticking.detach();
  std::thread(Ticker{}, 5).detach();
}
// CHECK-MESSAGES: :[[@LINE-11]]:5: warning: thread entry 'Ticker::operator()' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-5]]:15: note: thread started here
// CHECK-MESSAGES: :[[@LINE-5]]:11: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-5]]:3: note: thread started here
// CHECK-MESSAGES: :[[@LINE-6]]:28: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-16]]:5: warning: thread entry 'Ticker::operator()' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-10]]:15: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-10]]:11: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-10]]:3: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-11]]:28: note: thread detached here

// --- std::bind ------------------------------------------------------------
void bound(int a, int b) {
  for (;;)
    work();
}
void start_bound() {
  std::thread binding(std::bind(bound, 1, 2));
  binding.detach();
}
// CHECK-MESSAGES: :[[@LINE-7]]:3: warning: thread entry 'bound' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-4]]:15: note: thread started here
// CHECK-MESSAGES: :[[@LINE-4]]:11: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-10]]:3: warning: thread entry 'bound' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:15: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:11: note: thread detached here

// --- a function pointer, passed directly and through a variable ----------
void through_pointer() {
  for (;;)
    work();
}
void start_pointer() {
  std::thread(&through_pointer).detach();
  void (*fp)() = through_pointer;
  std::thread pointing(fp);
  pointing.detach();
}
// CHECK-MESSAGES: :[[@LINE-9]]:3: warning: thread entry 'through_pointer' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: thread started here
// CHECK-MESSAGES: :[[@LINE-7]]:33: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-6]]:15: note: thread started here
// CHECK-MESSAGES: :[[@LINE-6]]:12: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-14]]:3: warning: thread entry 'through_pointer' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-11]]:3: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-12]]:33: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-11]]:15: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-11]]:12: note: thread detached here

// --- assigned to a declared thread ----------------------------------------
void assigned_entry() {
  for (;;)
    work();
}
void start_assigned() {
  std::thread later;
  later = std::thread(assigned_entry);
  later.detach();
}
// CHECK-MESSAGES: :[[@LINE-8]]:3: warning: thread entry 'assigned_entry' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-4]]:11: note: thread started here
// CHECK-MESSAGES: :[[@LINE-4]]:9: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-11]]:3: warning: thread entry 'assigned_entry' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:11: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:9: note: thread detached here

// --- on the heap ------------------------------------------------------------
void heap_entry() {
  for (;;)
    work();
}
void start_heap() {
  auto *heap = new std::thread(heap_entry);
  heap->detach();
}
// CHECK-MESSAGES: :[[@LINE-7]]:3: warning: thread entry 'heap_entry' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-4]]:20: note: thread started here
// CHECK-MESSAGES: :[[@LINE-4]]:9: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-10]]:3: warning: thread entry 'heap_entry' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:20: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:9: note: thread detached here

// --- in a container, detached in a range-for --------------------------------
void pooled_entry() {
  for (;;)
    work();
}
void start_pool() {
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back(pooled_entry);
  for (auto &t : pool)
    t.detach();
}
// CHECK-MESSAGES: :[[@LINE-10]]:3: warning: thread entry 'pooled_entry' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: thread started here
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-13]]:3: warning: thread entry 'pooled_entry' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-8]]:5: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:7: note: thread detached here

// --- owned by a smart pointer, or pushed into a container -------------------
void owned_entry() {
  for (;;)
    work();
}
void pushed_entry() {
  for (;;)
    work();
}
void start_owned() {
  auto owner = std::make_unique<std::thread>(owned_entry);
  owner->detach();
  std::vector<std::thread> threads;
  threads.push_back(std::thread(pushed_entry));
  threads.back().detach();
  for (std::thread &t : threads)
    t.detach();
}
// CHECK-MESSAGES: :[[@LINE-16]]:3: warning: thread entry 'owned_entry' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-9]]:16: note: thread started here
// CHECK-MESSAGES: :[[@LINE-9]]:10: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-15]]:3: warning: thread entry 'pushed_entry' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-9]]:21: note: thread started here
// CHECK-MESSAGES: :[[@LINE-9]]:18: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-22]]:3: warning: thread entry 'owned_entry' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-15]]:16: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-15]]:10: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-21]]:3: warning: thread entry 'pushed_entry' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-15]]:21: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-15]]:18: note: thread detached here

// --- a functor with a generic operator() ---------------------------------------
struct Generic {
  template <class T> void operator()(T value) {
    while (true)
      work();
  }
};
void start_generic() { std::thread(Generic{}, 42).detach(); }
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: thread entry 'Generic::operator()' runs an infinite loop
// CHECK-MESSAGES: :[[@LINE-2]]:24: note: thread started here
// CHECK-MESSAGES: :[[@LINE-3]]:51: note: thread detached here
// CHECK-MESSAGES-JOIN: :[[@LINE-8]]:5: warning: thread entry 'Generic::operator()' runs an infinite loop
// CHECK-MESSAGES-JOIN: :[[@LINE-5]]:24: note: thread started here
// CHECK-MESSAGES-JOIN: :[[@LINE-6]]:51: note: thread detached here

// --- not flagged: a stop path ------------------------------------------------
void start_stoppable() {
  std::thread([] {
    while (true) {
      if (g_stop.load())
        break;
      work();
    }
  }).detach();
  std::thread([] {
    while (!g_stop)
      work();
  }).detach();
  std::thread([] {
    for (;;) {
      if (work() < 0) // a call result
        return;
    }
  }).detach();
}

// --- a joined thread: only with CheckJoinableThreads ------------------------
void joined_entry() {
  for (;;)
    work();
}
void start_joined() {
  std::thread t(joined_entry);
  t.join();
}
// CHECK-MESSAGES-JOIN: :[[@LINE-7]]:3: warning: thread entry 'joined_entry' runs an infinite loop with no stop check; the thread can never be stopped cooperatively, and joining it blocks forever; cooperative replacement: coop::jthread with a coop::stop_token checked in the loop condition
// CHECK-MESSAGES-JOIN: :[[@LINE-4]]:15: note: thread started here by 'std::thread'

// A function that is never a thread's entry is not this check's business.
void not_a_thread() {
  for (;;)
    work();
}
