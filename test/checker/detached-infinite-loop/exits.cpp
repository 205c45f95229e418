// Which ways out of a loop are a stop path, in the default mode, with
// StopCheckFunctions, and in StrictMode.
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c++17
// RUN: %check_coop -check-suffix=FN %s coop-detached-infinite-loop %t -- -config="{CheckOptions: {coop-detached-infinite-loop.StopCheckFunctions: 'WorkQueue::pop;::closed'}}" -- -std=c++17
// RUN: %check_coop -check-suffix=STRICT %s coop-detached-infinite-loop %t -- -config="{CheckOptions: {coop-detached-infinite-loop.StrictMode: true, coop-detached-infinite-loop.StopCheckFunctions: 'WorkQueue::pop'}}" -- -std=c++17
#include <atomic>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <thread>

int work();
int read_sensor();
[[noreturn]] void fatal(const char *);
bool closed();
std::atomic<bool> g_stop{false};
volatile bool g_volatile_stop = false;
bool g_plain_stop = false;

struct WorkQueue {
  std::optional<int> pop(); // returns nothing once the queue is closed
};
WorkQueue g_queue;

template <class F> void detached(F f) { std::thread(f).detach(); }

// ---- no way out at all -----------------------------------------------------
void no_exit() {
  detached([] {
    for (;;) {
      work();
      continue;
    }
  });
}
// CHECK-MESSAGES: :[[@LINE-6]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively
// CHECK-MESSAGES: :[[@LINE-12]]:41: note: thread started here by 'std::thread'
// CHECK-MESSAGES: :[[@LINE-13]]:56: note: thread detached here
// CHECK-MESSAGES-FN: :[[@LINE-9]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES-FN: :[[@LINE-15]]:41: note: thread started here
// CHECK-MESSAGES-FN: :[[@LINE-16]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-12]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-18]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-19]]:56: note: thread detached here

// ---- breaks that leave only an inner loop or a switch ----------------------
void inner_breaks() {
  detached([] {
    while (true) {
      for (int i = 0; i < 10; ++i)
        if (work())
          break;
      switch (read_sensor()) {
      case 0:
        break;
      default:
        work();
      }
      do {
        if (work())
          break;
      } while (false);
    }
  });
}
// CHECK-MESSAGES: :[[@LINE-17]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-42]]:41: note: thread started here
// CHECK-MESSAGES: :[[@LINE-43]]:56: note: thread detached here
// CHECK-MESSAGES-FN: :[[@LINE-20]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-FN: :[[@LINE-45]]:41: note: thread started here
// CHECK-MESSAGES-FN: :[[@LINE-46]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-23]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-STRICT: :[[@LINE-48]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-49]]:56: note: thread detached here

// ---- exits that depend on local arithmetic only -----------------------------
void local_arithmetic() {
  detached([] {
    unsigned x = 1;
    for (;;) {
      x = x * 1103515245u + 12345u;
      if (x == 42)
        break;
      if (false)
        return;
      work();
    }
  });
}
// CHECK-MESSAGES: :[[@LINE-10]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-66]]:41: note: thread started here
// CHECK-MESSAGES: :[[@LINE-67]]:56: note: thread detached here
// CHECK-MESSAGES-FN: :[[@LINE-13]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-FN: :[[@LINE-69]]:41: note: thread started here
// CHECK-MESSAGES-FN: :[[@LINE-70]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-16]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-STRICT: :[[@LINE-72]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-73]]:56: note: thread detached here

// A by-value parameter is fixed for the whole loop: not a stop path either.
void loop_invariant(bool once) {
  for (;;) {
    work();
    if (once)
      return;
  }
}
void start_invariant() { std::thread(loop_invariant, false).detach(); }
// CHECK-MESSAGES: :[[@LINE-7]]:3: warning: thread entry 'loop_invariant' runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-2]]:26: note: thread started here
// CHECK-MESSAGES: :[[@LINE-3]]:61: note: thread detached here
// CHECK-MESSAGES-FN: :[[@LINE-10]]:3: warning: thread entry 'loop_invariant' runs an infinite loop
// CHECK-MESSAGES-FN: :[[@LINE-5]]:26: note: thread started here
// CHECK-MESSAGES-FN: :[[@LINE-6]]:61: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-13]]:3: warning: thread entry 'loop_invariant' runs an infinite loop
// CHECK-MESSAGES-STRICT: :[[@LINE-8]]:26: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-9]]:61: note: thread detached here

// ---- a loop that ends by itself is not infinite ------------------------------
void bounded() {
  detached([] {
    int tries = 0;
    for (;;) {
      if (++tries > 5)
        break;
      work();
    }
  });
  detached([] {
    for (int left = 10;;) {
      work();
      if (--left == 0)
        return;
    }
  });
  detached([] {
    while (true) {
      work();
      break; // runs once
    }
  });
}

// ---- a stop path: a call result, a non-local, an atomic, an exception ------
struct Worker {
  bool stopping_ = false;
  void run() {
    for (;;) {
      if (stopping_) // a member
        return;
      work();
    }
  }
};
void stop_paths(Worker *w, bool *flag) {
  detached([] {
    for (;;) {
      int n = read_sensor(); // a call result, through a local
      if (n < 0)
        break;
    }
  });
  detached([] {
    for (;;) {
      auto item = g_queue.pop();
      if (!item)
        return;
    }
  });
  detached([] {
    while (true)
      if (g_plain_stop) // a global (coop-non-atomic-stop-flag's business)
        break;
  });
  detached([] {
    for (;;)
      if (g_volatile_stop)
        break;
  });
  detached([flag] {
    for (;;)
      if (*flag) // memory behind a pointer
        break;
  });
  bool local_stop = false;
  detached([&local_stop] {
    for (;;)
      if (local_stop) // captured by reference
        break;
  });
  detached([] {
    for (;;) {
      int status = 0;
      read_sensor();
      if (status) // never changed: local arithmetic...
        break;
      try {
        work();
      } catch (const std::exception &) {
        return; // ...but an exception from a call is a way out
      }
    }
  });
  std::thread(&Worker::run, w).detach();
}
// CHECK-MESSAGES-STRICT: :[[@LINE-58]]:5: warning: thread entry 'Worker::run' runs a loop whose ways out include no recognised stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-3]]:3: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-4]]:32: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-52]]:5: warning: the lambda run by the thread runs a loop whose ways out include no recognised stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-185]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-186]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-41]]:5: warning: the lambda run by the thread runs a loop whose ways out include no recognised stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-188]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-189]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-39]]:5: warning: the lambda run by the thread runs a loop whose ways out include no recognised stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-191]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-192]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-37]]:5: warning: the lambda run by the thread runs a loop whose ways out include no recognised stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-194]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-195]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-34]]:5: warning: the lambda run by the thread runs a loop whose ways out include no recognised stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-197]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-198]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-32]]:5: warning: the lambda run by the thread runs a loop whose ways out include no recognised stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-200]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-201]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE+16]]:5: warning: the lambda run by the thread runs a loop whose ways out include no recognised stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-203]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-204]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE+18]]:5: warning: the lambda run by the thread runs a loop whose ways out include no recognised stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-206]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-207]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE+22]]:5: warning: the lambda run by the thread runs a loop whose ways out include no recognised stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-209]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-210]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE+24]]:5: warning: the lambda run by the thread runs a loop whose ways out include no recognised stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-212]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-213]]:56: note: thread detached here

// ---- throw, goto, [[noreturn]] ------------------------------------------------
void other_exits() {
  detached([] {
    for (;;)
      if (read_sensor() > 100)
        throw std::runtime_error("overheat");
  });
  detached([] {
    for (;;)
      if (read_sensor() > 100)
        goto out;
  out:
    work();
  });
  detached([] {
    for (;;)
      if (read_sensor() > 100)
        fatal("overheat");
  });
  detached([] {
    for (;;)
      if (read_sensor() > 100)
        std::exit(1);
  });
}

// A throw caught inside the loop is not a way out; a goto to a label inside
// the loop neither.
void caught_inside() {
  detached([] {
    for (;;) {
      try {
        throw 42;
      } catch (...) {
      }
    again:
      if (work())
        goto again;
    }
  });
}
// CHECK-MESSAGES: :[[@LINE-11]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-257]]:41: note: thread started here
// CHECK-MESSAGES: :[[@LINE-258]]:56: note: thread detached here
// CHECK-MESSAGES-FN: :[[@LINE-14]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-FN: :[[@LINE-260]]:41: note: thread started here
// CHECK-MESSAGES-FN: :[[@LINE-261]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-17]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-STRICT: :[[@LINE-263]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-264]]:56: note: thread detached here

// ---- recognised stop checks: silent even in StrictMode ------------------------
void recognised() {
  detached([] {
    for (;;)
      if (g_stop.load(std::memory_order_relaxed))
        break;
  });
  detached([] {
    while (true) {
      std::optional<int> item = g_queue.pop(); // a StopCheckFunctions call
      if (!item)
        break;
    }
  });
}

// ---- StopCheckFunctions: a call that is a stop check wherever it is ---------
void configured() {
  detached([] {
    for (;;) {
      closed(); // may throw once the queue closes, say
      work();
    }
  });
}
// CHECK-MESSAGES: :[[@LINE-6]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-292]]:41: note: thread started here
// CHECK-MESSAGES: :[[@LINE-293]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-9]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES-STRICT: :[[@LINE-295]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-296]]:56: note: thread detached here

// ---- StrictMode: other ways out do not count ----------------------------------
void strict_only() {
  detached([] {
    for (;;) {
      if (g_plain_stop)
        break;
      if (read_sensor() < 0)
        return;
    }
  });
}
// CHECK-MESSAGES-STRICT: :[[@LINE-8]]:5: warning: the lambda run by the thread runs a loop whose ways out include no recognised stop check (an atomic, a stop token or a StopCheckFunctions call); the detached thread can never be stopped cooperatively; cooperative replacement: coop::jthread with a coop::stop_token checked in the loop condition
// CHECK-MESSAGES-STRICT: :[[@LINE-310]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-311]]:56: note: thread detached here

// ---- conditions that are always true -------------------------------------------
constexpr bool kForever = true;
void always_true() {
  detached([] {
    while (kForever)
      work();
  });
  detached([] {
    bool running = true; // never changes
    while (running)
      work();
  });
  detached([] {
    bool running = true;
    while (running) // changes: not this check's business
      running = work() != 0;
  });
}
// CHECK-MESSAGES: :[[@LINE-14]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-332]]:41: note: thread started here
// CHECK-MESSAGES: :[[@LINE-333]]:56: note: thread detached here
// CHECK-MESSAGES: :[[@LINE-12]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-335]]:41: note: thread started here
// CHECK-MESSAGES: :[[@LINE-336]]:56: note: thread detached here
// CHECK-MESSAGES-FN: :[[@LINE-20]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-FN: :[[@LINE-338]]:41: note: thread started here
// CHECK-MESSAGES-FN: :[[@LINE-339]]:56: note: thread detached here
// CHECK-MESSAGES-FN: :[[@LINE-18]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-FN: :[[@LINE-341]]:41: note: thread started here
// CHECK-MESSAGES-FN: :[[@LINE-342]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-26]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-STRICT: :[[@LINE-344]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-345]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-24]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-STRICT: :[[@LINE-347]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-348]]:56: note: thread detached here

// ---- nested infinite loops: one finding, at the outer loop ----------------------
void nested() {
  detached([] {
    for (;;) {
      while (true)
        work();
    }
  });
}
// CHECK-MESSAGES: :[[@LINE-6]]:5: warning: the lambda run by the thread runs an infinite loop with no stop check
// CHECK-MESSAGES: :[[@LINE-360]]:41: note: thread started here
// CHECK-MESSAGES: :[[@LINE-361]]:56: note: thread detached here
// CHECK-MESSAGES-FN: :[[@LINE-9]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-FN: :[[@LINE-363]]:41: note: thread started here
// CHECK-MESSAGES-FN: :[[@LINE-364]]:56: note: thread detached here
// CHECK-MESSAGES-STRICT: :[[@LINE-12]]:5: warning: the lambda run by the thread runs an infinite loop
// CHECK-MESSAGES-STRICT: :[[@LINE-366]]:41: note: thread started here
// CHECK-MESSAGES-STRICT: :[[@LINE-367]]:56: note: thread detached here

// ---- NOLINT sits on the loop ----------------------------------------------------
void suppressed() {
  detached([] {
    for (;;) // NOLINT(coop-detached-infinite-loop)
      work();
  });
  detached([] {
    // NOLINTNEXTLINE(coop-*)
    while (true)
      work();
  });
}
