// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c++17
// A flag read and written only under the same mutex is not a race. The
// analysis is lexical: locks taken earlier in an enclosing block (and not
// released since) count.
#include <mutex>
#include <thread>

std::mutex m, other;

bool guarded = false;
void guarded_reader() {
  std::unique_lock<std::mutex> lock(m);
  while (!guarded) {
    lock.unlock();
    lock.lock();
  }
}
void guarded_writer() {
  std::lock_guard<std::mutex> hold(m);
  guarded = true;
}

bool scoped = false;
void scoped_reader() {
  for (;;) {
    std::lock_guard<std::mutex> hold(other);
    if (scoped)
      break;
  }
}
void scoped_writer() {
  std::scoped_lock both(m, other);
  scoped = true;
}

bool manual = false;
void manual_reader() {
  while (true) {
    m.lock();
    if (manual) {
      m.unlock();
      return;
    }
    m.unlock();
  }
}
void manual_writer() {
  m.lock();
  manual = true;
  m.unlock();
}

bool in_init = false;
void init_reader() {
  while (true) {
    if (std::lock_guard<std::mutex> hold(m); in_init)
      break;
  }
}
void init_writer() {
  std::unique_lock<std::mutex> lock(m);
  in_init = true;
}

// Flagged: another mutex, a write without the lock, a condition evaluated
// before the lock is taken, a lock that was released, a deferred lock.
bool wrong_mutex = false;
void wrong_reader() {
  std::lock_guard<std::mutex> hold(other);
  while (!wrong_mutex) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'wrong_mutex' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-6]]:6: note: 'wrong_mutex' is declared here
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: another thread writes 'wrong_mutex' here
}
void wrong_writer() {
  std::lock_guard<std::mutex> hold(m);
  wrong_mutex = true;
}

bool one_unlocked = false;
void one_reader() {
  std::lock_guard<std::mutex> hold(m);
  while (!one_unlocked) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'one_unlocked' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-6]]:6: note: 'one_unlocked' is declared here
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: another thread writes 'one_unlocked' here
}
void one_writer() {
  std::lock_guard<std::mutex> hold(m);
  one_unlocked = true;
}
void sloppy_writer() {
  one_unlocked = false;
}

bool late_lock = false;
void late_reader() {
  while (!late_lock) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'late_lock' is read by this loop
    // CHECK-MESSAGES: :[[@LINE-4]]:6: note: 'late_lock' is declared here
    // CHECK-MESSAGES: :[[@LINE+18]]:3: note: another thread writes 'late_lock' here
    std::lock_guard<std::mutex> hold(m);
  }
}

bool released = false;
void released_reader() {
  std::unique_lock<std::mutex> lock(m);
  lock.unlock();
  while (!released) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'released' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-7]]:6: note: 'released' is declared here
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: another thread writes 'released' here
}

void late_writer() {
  std::lock_guard<std::mutex> hold(m);
  late_lock = true;
  released = true;
}

bool deferred = false;
void deferred_reader() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  while (!deferred) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'deferred' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-6]]:6: note: 'deferred' is declared here
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: another thread writes 'deferred' here
}
void deferred_writer() {
  std::lock_guard<std::mutex> hold(m);
  deferred = true;
}

int main() {
  std::thread readers[] = {
      std::thread(guarded_reader), std::thread(scoped_reader),
      std::thread(manual_reader),  std::thread(init_reader),
      std::thread(wrong_reader),   std::thread(one_reader),
      std::thread(late_reader),    std::thread(released_reader),
      std::thread(deferred_reader)};
  guarded_writer();
  scoped_writer();
  manual_writer();
  init_writer();
  wrong_writer();
  one_writer();
  sloppy_writer();
  late_writer();
  deferred_writer();
  for (std::thread &t : readers)
    t.join();
}
