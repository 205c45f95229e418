// RUN: %check_coop %s coop-ignored-stop-token %t -- -- -std=c++20
// std::jthread hands its callable a stop token and, in its destructor,
// requests stop and joins: a callable that never looks at the token, or
// takes none and loops forever, makes that join wait forever.
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

void work();
bool more_work();

// The token is taken and ignored while the function loops.
void ignores(std::stop_token token) {
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: stop token 'token' is never used, so a stop request cannot end the loop in 'ignores', and the 'std::jthread' running it hangs in its destructor, which requests stop and then joins; cooperative replacement: check token.stop_requested() in the loop, or pass the token to the wait (coop::wait, coop::sleep_for, coop::recv, ...) [coop-ignored-stop-token]
  while (true) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this loop does not end by itself and never checks the token
    // CHECK-FIXES: while (!token.stop_requested()) {
    work();
  }
}
void start_ignores() {
  std::jthread worker(ignores);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: note: the 'std::jthread' is given this callable here
}

// An unnamed token is named, so that the loop can check it.
void unnamed(std::stop_token) {
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: the unnamed stop token is never used, so a stop request cannot end the loop in 'unnamed', and the 'std::jthread' running it hangs in its destructor
  // CHECK-FIXES: void unnamed(std::stop_token token) {
  for (;;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this loop does not end by itself and never checks the token
    // CHECK-FIXES: for (; !token.stop_requested();) {
    work();
  }
}
void start_unnamed() {
  std::jthread worker(unnamed);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: note: the 'std::jthread' is given this callable here
}

// A loop that ends on something else still ignores stop requests; there is
// no mechanical rewrite of its condition.
void other_exit(std::stop_token stoken) {
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: stop token 'stoken' is never used, so a stop request cannot end the loop in 'other_exit', and the 'std::jthread' running it hangs in its destructor, which requests stop and then joins; cooperative replacement: check stoken.stop_requested() in the loop
  while (more_work())
    // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this loop does not end by itself and never checks the token
    // CHECK-FIXES: while (more_work())
    work();
}
void start_other_exit() {
  std::jthread worker(other_exit);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: note: the 'std::jthread' is given this callable here
}

// `(void)token` says "unused" out loud; it still hangs.
void voided(std::stop_token token) {
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: stop token 'token' is never used
  (void)token;
  do {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this loop does not end by itself and never checks the token
    work();
  } while (true);
  // CHECK-FIXES: } while (!token.stop_requested());
}
void start_voided() {
  std::jthread worker(voided);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: note: the 'std::jthread' is given this callable here
}

// The name `token` is taken: no fix.
int token = 0;
void name_taken(std::stop_token) {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: the unnamed stop token is never used
  // CHECK-FIXES: void name_taken(std::stop_token) {
  while (1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this loop does not end by itself and never checks the token
    // CHECK-FIXES: while (1) {
    token++;
  }
}
void start_name_taken() {
  std::jthread worker(name_taken);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: note: the 'std::jthread' is given this callable here
}

// Tokens that are used, in any way: checked, passed on, watched by a stop
// callback, copied.
void checks(std::stop_token token) {
  while (!token.stop_requested())
    work();
}
void passes(std::stop_token token, std::condition_variable_any &cv,
            std::mutex &m) {
  std::unique_lock lock(m);
  while (true)
    cv.wait(lock, token, [] { return more_work(); });
}
void watches(std::stop_token token, std::condition_variable &cv) {
  std::stop_callback wake(token, [&cv] { cv.notify_all(); });
  for (;;)
    work();
}
void copies(std::stop_token token) {
  std::stop_token mine = token;
  while (!mine.stop_requested())
    work();
}

// Bounded work needs no stop check.
void bounded(std::stop_token token) {
  for (int i = 0; i < 10; ++i)
    work();
}
void start_quiet(std::condition_variable_any &cva, std::condition_variable &cv,
                 std::mutex &m) {
  std::jthread f(checks);
  std::jthread g(passes, std::ref(cva), std::ref(m));
  std::jthread h(watches, std::ref(cv));
  std::jthread i(copies);
  std::jthread j(bounded);
}

// A lambda that ignores its token.
void start_lambda() {
  std::jthread worker([](std::stop_token st) {
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: stop token 'st' is never used, so a stop request cannot end the loop in this lambda, and the 'std::jthread' running it hangs in its destructor, which requests stop and then joins; cooperative replacement: check st.stop_requested() in the loop
    while (true)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this loop does not end by itself and never checks the token
      // CHECK-FIXES: while (!st.stop_requested())
      work();
    // CHECK-MESSAGES: :[[@LINE-6]]:23: note: the 'std::jthread' is given this callable here
  });
}

// A callable with no token parameter that loops forever: the jthread passes
// no token and its destructor hangs. A lambda written at the launch gets the
// token as its parameter.
void forever() {
  while (true)
    work();
}
void tokenless() {
  std::jthread a([] {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'std::jthread' runs a callable that loops forever and takes no stop token, so its destructor, which requests stop and then joins, waits forever; cooperative replacement: take a 'std::stop_token' as the callable's first parameter and end the loop when stop_requested() returns true [coop-ignored-stop-token]
    // CHECK-FIXES: std::jthread a([](std::stop_token token) {
    for (;;) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this loop never ends
      // CHECK-FIXES: for (; !token.stop_requested();) {
      work();
    }
  });
  std::jthread b([&]() { while (true) work(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'std::jthread' runs a callable that loops forever and takes no stop token
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: this loop never ends
  // CHECK-FIXES: std::jthread b([&](std::stop_token token) { while (!token.stop_requested()) work(); });
  std::jthread c(forever);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'std::jthread' runs a callable that loops forever and takes no stop token
  // CHECK-MESSAGES: :[[@LINE-19]]:3: note: this loop never ends
  // CHECK-FIXES: std::jthread c(forever);
  // Not flagged: a loop with a way out, a detached jthread (nobody joins
  // it), a std::thread (no token to ignore).
  std::jthread d([] { while (more_work()) work(); });
  std::jthread e([] { while (true) work(); });
  e.detach();
  std::thread f([] { while (true) work(); });
  f.join();
}

// A generic lambda's `auto` parameter receives the token.
void generic() {
  std::jthread worker([](auto token) {
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: stop token 'token' is never used, so a stop request cannot end the loop in this lambda, and the 'std::jthread' running it hangs in its destructor
    while (true)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this loop does not end by itself and never checks the token
      // CHECK-FIXES: while (!token.stop_requested())
      work();
    // CHECK-MESSAGES: :[[@LINE-6]]:23: note: the 'std::jthread' is given this callable here
  });
  std::jthread quiet([](auto token) {
    while (!token.stop_requested())
      work();
  });
}

// A `for` with an init-statement and no condition gets one.
void counted_forever(std::stop_token token) {
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: stop token 'token' is never used, so a stop request cannot end the loop in 'counted_forever'
  for (int round = 0;; ++round)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this loop does not end by itself and never checks the token
    // CHECK-FIXES: for (int round = 0; !token.stop_requested(); ++round)
    work();
}
