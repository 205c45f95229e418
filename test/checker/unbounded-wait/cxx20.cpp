// C++20: std::jthread's own std::stop_token, the stop_token overload of
// condition_variable_any::wait, semaphores, latches and barriers.
// RUN: %check_coop %s coop-unbounded-wait %t -- -- -std=c++20 -I %coop_include
#include <barrier>
#include <condition_variable>
#include <latch>
#include <mutex>
#include <semaphore>
#include <stop_token>
#include <thread>
// Each header the fixes need is added once, where it sorts.
// CHECK-FIXES: #include <condition_variable>
// CHECK-FIXES-NEXT: #include <coop/wait.hpp>
// CHECK-FIXES-NEXT: #include <coop/semaphore.hpp>
// CHECK-FIXES-NEXT: #include <latch>

std::mutex m;
std::condition_variable cv;
std::condition_variable_any cv_any;
std::counting_semaphore<8> slots(8);
std::binary_semaphore signal(0);
std::latch started(2);
std::barrier phase(2);
bool ready;

void jthread_own_token() {
  // The thread's own token: the lambda's first parameter.
  std::jthread worker([](std::stop_token st) {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk, [] { return ready; });
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait' waits for a notification with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop::wait(cv, lock, token[, pred]), which returns coop::wait_status::stop_requested on a stop [coop-unbounded-wait]
    // CHECK-MESSAGES: :[[@LINE-4]]:42: note: the fix passes the stop token 'st' declared here
    // CHECK-MESSAGES: :[[@LINE-5]]:16: note: this code runs on the thread that 'std::jthread' starts here
    // CHECK-FIXES: {{^}}    coop::wait(cv, lk, st, [] { return ready; });{{$}}

    // The std overload that takes the token is interruptible.
    cv_any.wait(lk, st, [] { return ready; });

    slots.acquire();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::counting_semaphore::acquire' waits for the semaphore with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop::acquire(sem, token), which returns coop::wait_status::stop_requested (without the permit) on a stop [coop-unbounded-wait]
    // CHECK-MESSAGES: :[[@LINE-13]]:42: note: the fix passes the stop token 'st' declared here
    // CHECK-MESSAGES: :[[@LINE-14]]:16: note: this code runs on the thread that 'std::jthread' starts here
    // CHECK-FIXES: {{^}}    coop::acquire(slots, st);{{$}}
    std::binary_semaphore *sig = &signal;
    sig->acquire();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::counting_semaphore::acquire' waits for the semaphore
    // CHECK-MESSAGES: :[[@LINE-19]]:42: note: the fix passes the stop token 'st' declared here
    // CHECK-MESSAGES: :[[@LINE-20]]:16: note: this code runs on the thread that 'std::jthread' starts here
    // CHECK-FIXES: {{^}}    coop::acquire(*sig, st);{{$}}
    // Timed and non-blocking acquisitions are fine.
    (void)slots.try_acquire();
    (void)slots.try_acquire_for(std::chrono::milliseconds(5));
    slots.release();

    // No interruptible replacement to rewrite into: a warning, no fix.
    started.arrive_and_wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::latch::arrive_and_wait' waits for the count to reach zero with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: count_down(), then a count guarded by a mutex waited on with coop::wait(cv, lock, token, pred) [coop-unbounded-wait]
    // CHECK-MESSAGES: :[[@LINE-30]]:16: note: this code runs on the thread that 'std::jthread' starts here
    started.wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::latch::wait' waits for the count to reach zero with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: a count guarded by a mutex, waited on with coop::wait(cv, lock, token, pred) [coop-unbounded-wait]
    // CHECK-MESSAGES: :[[@LINE-33]]:16: note: this code runs on the thread that 'std::jthread' starts here
    (void)started.try_wait();
    phase.arrive_and_wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::barrier::arrive_and_wait' waits for every participant with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: a phase count guarded by a mutex, waited on with coop::wait(cv, lock, token, pred); arrive_and_drop() when stopping [coop-unbounded-wait]
    // CHECK-MESSAGES: :[[@LINE-37]]:16: note: this code runs on the thread that 'std::jthread' starts here
    phase.wait(phase.arrive());
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::barrier::wait' waits for every participant
    // CHECK-MESSAGES: :[[@LINE-40]]:16: note: this code runs on the thread that 'std::jthread' starts here
  });
  // Joining from the thread that started it is how threads end: fine.
  worker.join();
}

// A std::stop_callback that notifies the condition variable is the std way
// of making a plain wait interruptible.
void woken_by_std_callback() {
  std::jthread worker([](std::stop_token st) {
    std::unique_lock<std::mutex> lk(m);
    std::stop_callback wake(st, [] { cv.notify_all(); });
    while (!ready && !st.stop_requested())
      cv.wait(lk);
  });
}

// Without a token in scope: no fix, a note with the form to use.
void no_token() {
  std::thread worker([] {
    slots.acquire();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::counting_semaphore::acquire' waits for the semaphore
    // CHECK-MESSAGES: :[[@LINE-2]]:11: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::acquire(slots, token)'
    // CHECK-MESSAGES: :[[@LINE-4]]:15: note: this code runs on the thread that 'std::thread' starts here
    // CHECK-FIXES: {{^}}    slots.acquire();{{$}}
  });
  worker.detach();
}

// Main-thread code is not reported by default.
int main() {
  slots.acquire();
  started.wait();
  jthread_own_token();
}
