// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c++17
// RUN: %check_coop -check-suffix=ALL %s coop-non-atomic-stop-flag %t \
// RUN:   -- -config="{CheckOptions: {coop-non-atomic-stop-flag.CheckAllFunctions: true}}" -- -std=c++17
// RUN: %check_coop -check-suffix=SHALLOW %s coop-non-atomic-stop-flag %t \
// RUN:   -- -config="{CheckOptions: {coop-non-atomic-stop-flag.CallDepth: 1}}" -- -std=c++17
// Which reader/writer pairs are on different threads: the shared
// thread-entry analysis says which functions run on a worker.
#include <atomic>
#include <csignal>
#include <pthread.h>
#include <thread>
#include <vector>

// No thread in sight: both functions may well run on the same thread, unless
// CheckAllFunctions assumes otherwise.
bool idle = false;
void idle_wait() {
  while (!idle) {
  }
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:11: warning: 'idle' is read by this loop
  // CHECK-MESSAGES-ALL: :[[@LINE-5]]:6: note: 'idle' is declared here
  // CHECK-MESSAGES-ALL: :[[@LINE+2]]:19: note: another thread writes 'idle' here
}
void idle_set() { idle = true; }

// A worker that writes its own flag from a function it calls runs on one
// thread: no race.
bool finished = false;
void step() { finished = true; }
void self_stopping() {
  while (!finished)
    step();
}

// The same entry started in a loop runs on several threads: a sibling's
// write races with this read.
bool claimed = false;
void claim_worker() {
  while (!claimed) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'claimed' is read by this loop
    // CHECK-MESSAGES: :[[@LINE-4]]:6: note: 'claimed' is declared here
    // CHECK-MESSAGES: :[[@LINE+7]]:5: note: another thread writes 'claimed' here
    // CHECK-MESSAGES-ALL: :[[@LINE-4]]:11: warning: 'claimed' is read by this loop
    // CHECK-MESSAGES-ALL: :[[@LINE-7]]:6: note: 'claimed' is declared here
    // CHECK-MESSAGES-ALL: :[[@LINE+4]]:5: note: another thread writes 'claimed' here
    // CHECK-MESSAGES-SHALLOW: :[[@LINE-7]]:11: warning: 'claimed' is read by this loop
    // CHECK-MESSAGES-SHALLOW: :[[@LINE-10]]:6: note: 'claimed' is declared here
    // CHECK-MESSAGES-SHALLOW: :[[@LINE+1]]:5: note: another thread writes 'claimed' here
    claimed = true;
  }
}

// A loop two calls below the entry: found with the default CallDepth (3),
// not with CallDepth 1.
bool deep_stop = false;
void deep_loop() {
  while (!deep_stop) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'deep_stop' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-5]]:6: note: 'deep_stop' is declared here
  // CHECK-MESSAGES: :[[@LINE+59]]:3: note: another thread writes 'deep_stop' here
  // CHECK-MESSAGES-ALL: :[[@LINE-5]]:11: warning: 'deep_stop' is read by this loop
  // CHECK-MESSAGES-ALL: :[[@LINE-8]]:6: note: 'deep_stop' is declared here
  // CHECK-MESSAGES-ALL: :[[@LINE+56]]:3: note: another thread writes 'deep_stop' here
}
void middle() { deep_loop(); }
void deep_entry() { middle(); }

// pthread_create, and the loop on the starting thread waiting for the
// worker: the writer is the worker.
int ready = 0;
void *pthread_worker(void *) {
  ready = 1;
  return nullptr;
}
void wait_ready() {
  pthread_t t;
  pthread_create(&t, nullptr, pthread_worker, nullptr);
  while (ready == 0) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'ready' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-11]]:5: note: 'ready' is declared here
  // CHECK-MESSAGES: :[[@LINE-10]]:3: note: another thread writes 'ready' here
  // CHECK-MESSAGES-ALL: :[[@LINE-5]]:10: warning: 'ready' is read by this loop
  // CHECK-MESSAGES-ALL: :[[@LINE-14]]:5: note: 'ready' is declared here
  // CHECK-MESSAGES-ALL: :[[@LINE-13]]:3: note: another thread writes 'ready' here
  // CHECK-MESSAGES-SHALLOW: :[[@LINE-8]]:10: warning: 'ready' is read by this loop
  // CHECK-MESSAGES-SHALLOW: :[[@LINE-17]]:5: note: 'ready' is declared here
  // CHECK-MESSAGES-SHALLOW: :[[@LINE-16]]:3: note: another thread writes 'ready' here
  pthread_join(t, nullptr);
}

// Never flagged: what a thread cannot share or a compiler cannot hoist.
thread_local bool per_thread = false;
std::atomic<bool> atomic_flag{false};
const bool constant = false;
enum class Mode { Run, Stop };
Mode mode = Mode::Run;
double level = 0;
volatile std::sig_atomic_t signalled = 0; // what a signal handler may write
void on_signal(int) { signalled = 1; }
void never_flagged() {
  while (!per_thread && !atomic_flag && !constant && mode == Mode::Run &&
         level < 1.0) {
  }
}
void wait_for_signal() {
  std::signal(SIGINT, on_signal);
  while (!signalled) {
  }
}

void start() {
  std::thread a(self_stopping);
  std::vector<std::thread> claimers;
  for (int i = 0; i < 4; ++i)
    claimers.emplace_back(claim_worker);
  std::thread deep(deep_entry);
  std::thread b(never_flagged);
  deep_stop = true;
  per_thread = true;
  atomic_flag = true;
  mode = Mode::Stop;
  level = 2;
  a.join();
  deep.join();
  b.join();
  for (std::thread &t : claimers)
    t.join();
}
