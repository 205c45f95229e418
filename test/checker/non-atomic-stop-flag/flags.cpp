// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c++17
// The flags a worker polls: globals, statics, volatile, integers, members,
// locals captured by reference; in the loop condition or in the condition
// guarding a break. The fixed file must compile with every use of each flag.
#include <mutex>
#include <thread>
// CHECK-FIXES: #include <atomic>
// CHECK-FIXES-NEXT: #include <mutex>

bool stop = false;
// CHECK-FIXES: std::atomic<bool> stop = false;
volatile bool vstop = false;
// CHECK-FIXES: std::atomic<bool> vstop = false;
static int running = 1;
// CHECK-FIXES: static std::atomic<int> running = 1;
unsigned long generation;
// CHECK-FIXES: std::atomic<unsigned long> generation;
bool quit = false;
// CHECK-FIXES: std::atomic<bool> quit = false;

void spin_worker() {
  while (!stop) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'stop' is read by this loop while another thread writes it, with no synchronisation: a data race, so the compiler may hoist the load and the loop never end; cooperative replacement: std::atomic<bool> (or a coop::stop_token) [coop-non-atomic-stop-flag]
    // CHECK-MESSAGES: :[[@LINE-14]]:6: note: 'stop' is declared here
    // CHECK-MESSAGES: :[[@LINE+46]]:3: note: another thread writes 'stop' here
  }
  while (!vstop) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'vstop' is volatile, which does not synchronise threads: this loop reads it while another thread writes it, a data race that orders no other memory; cooperative replacement: std::atomic<bool> (or a coop::stop_token) [coop-non-atomic-stop-flag]
    // CHECK-MESSAGES: :[[@LINE-17]]:15: note: 'vstop' is declared here
    // CHECK-MESSAGES: :[[@LINE+42]]:3: note: another thread writes 'vstop' here
  }
  do {
  } while (running == 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'running' is read by this loop while another thread writes it, with no synchronisation: a data race, so the compiler may hoist the load and the loop never end; cooperative replacement: std::atomic<int> (or a coop::stop_token) [coop-non-atomic-stop-flag]
  // CHECK-MESSAGES: :[[@LINE-21]]:12: note: 'running' is declared here
  // CHECK-MESSAGES: :[[@LINE+37]]:3: note: another thread writes 'running' here
  for (unsigned long seen = generation; seen == generation;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'generation' is read by this loop
    // CHECK-MESSAGES: :[[@LINE-23]]:15: note: 'generation' is declared here
    // CHECK-MESSAGES: :[[@LINE+35]]:7: note: another thread writes 'generation' here
  }
  // A condition guarding the loop's way out.
  for (;;) {
    if (quit)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'quit' is read by this loop
      // CHECK-MESSAGES: :[[@LINE-28]]:6: note: 'quit' is declared here
      // CHECK-MESSAGES: :[[@LINE+27]]:8: note: another thread writes 'quit' here
      break;
  }
  while (true) {
    if (stop == true)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'stop' is read by this loop
      // CHECK-MESSAGES: :[[@LINE-43]]:6: note: 'stop' is declared here
      // CHECK-MESSAGES: :[[@LINE+17]]:3: note: another thread writes 'stop' here
      return;
  }
}

// Every kind of use the fixed flags must keep compiling with.
bool snapshot() { return stop; }
void take(bool) {}
void uses() {
  if (stop && !vstop)
    take(stop);
  bool copy = vstop;
  (void)copy;
}

void controller() {
  std::thread t(spin_worker);
  stop = true;
  vstop = true;
  running = 0;
  if ((quit = snapshot()))
    ++generation;
  generation += 2;
  running--;
  t.join();
}

// A member read by the thread's entry, written by the owner.
class Worker {
public:
  void start() { thread_ = std::thread(&Worker::run, this); }
  void finish() {
    stopping_ = true;
    thread_.join();
  }
  bool stopping() const { return stopping_; }

private:
  void run() {
    while (!stopping_) {
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'stopping_' is read by this loop
      // CHECK-MESSAGES: :[[@LINE+5]]:8: note: 'stopping_' is declared here
      // CHECK-MESSAGES: :[[@LINE-10]]:5: note: another thread writes 'stopping_' here
    }
    stopping_ = false; // the worker's own write is not a race with itself
  }
  bool stopping_ = false;
  // CHECK-FIXES: std::atomic<bool> stopping_ = false;
  std::thread thread_;
};

// A local shared with the thread through a by-reference capture, in both
// directions.
void captured() {
  bool done = false;
  // CHECK-FIXES: std::atomic<bool> done = false;
  std::thread t([&] {
    while (!done) {
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'done' is read by this loop
      // CHECK-MESSAGES: :[[@LINE-5]]:8: note: 'done' is declared here
      // CHECK-MESSAGES: :[[@LINE+3]]:3: note: another thread writes 'done' here
    }
  });
  done = true;
  t.join();

  int ready = 0;
  // CHECK-FIXES: std::atomic<int> ready = 0;
  std::thread producer([&ready] { ready = 1; });
  while (ready == 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'ready' is read by this loop
    // CHECK-MESSAGES: :[[@LINE-5]]:7: note: 'ready' is declared here
    // CHECK-MESSAGES: :[[@LINE-4]]:35: note: another thread writes 'ready' here
  }
  producer.join();
}

// Not flagged.
std::mutex m;
bool guarded = false;
void locked_worker() {
  std::unique_lock<std::mutex> lock(m);
  while (!guarded) { // read under m, as every write is
    lock.unlock();
    lock.lock();
  }
}
void locked_writer() {
  std::lock_guard<std::mutex> hold(m);
  guarded = true;
}

void local_only() {
  bool finished = false; // nobody else can see it
  int n = 0;
  while (!finished)
    finished = ++n > 10;
}

void start_locked() {
  std::thread t(locked_worker);
  locked_writer();
  t.join();
}
