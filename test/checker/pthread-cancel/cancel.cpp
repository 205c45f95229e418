// RUN: %check_coop %s coop-pthread-cancel %t -- -- -std=c++17
#include <pthread.h>
#include <signal.h>

#define STOP_WORKER(t) pthread_cancel(t)
#define CALL_WITH(fn, t) fn(t)

namespace app {
// A user function of the same name is not the POSIX one.
int pthread_cancel(pthread_t);
} // namespace app

struct Pool {
  int pthread_cancel(pthread_t); // nor is a member
};

void direct(pthread_t worker) {
  pthread_cancel(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_cancel' forcibly cancels a thread, which can leave mutexes locked, cleanup skipped and shared objects half-updated; cooperative replacement: a coop::stop_source whose coop::stop_token the worker checks (coop::jthread does both) [coop-pthread-cancel]
  ::pthread_cancel(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pthread_cancel' forcibly cancels a thread
}

void address_taken(pthread_t worker) {
  int (*kill_fn)(pthread_t) = pthread_cancel;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'pthread_cancel' forcibly cancels a thread
  auto *alias = &pthread_cancel;
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'pthread_cancel' forcibly cancels a thread
  kill_fn(worker);
  alias(worker);
}

void through_macros(pthread_t worker) {
  // A name inside a macro body is reported where the macro is used...
  STOP_WORKER(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_cancel' forcibly cancels a thread
  // ...and a name passed as a macro argument where it is written.
  CALL_WITH(pthread_cancel, worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'pthread_cancel' forcibly cancels a thread
}

void not_posix(pthread_t worker, Pool &pool) {
  app::pthread_cancel(worker);
  pool.pthread_cancel(worker);
}

void suppressed(pthread_t worker) {
  pthread_cancel(worker); // NOLINT(coop-pthread-cancel)
  // NOLINTNEXTLINE(coop-*)
  pthread_cancel(worker);
}

// Reported once for the template, not once per instantiation.
template <class Handle> void cancel_later(Handle h) {
  pthread_cancel(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_cancel' forcibly cancels a thread
}
template <class Handle> void never_instantiated(Handle h) {
  pthread_cancel(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_cancel' forcibly cancels a thread
}
void instantiate(pthread_t worker) {
  cancel_later(worker);
  cancel_later<unsigned long>(worker);
}

// Cooperative code is silent.
void cooperative(pthread_t worker) {
  pthread_join(worker, nullptr);
}

// Naming the functions where nothing is evaluated cancels and kills nothing.
using cancel_type = decltype(&pthread_cancel);
constexpr auto cancel_result_size = sizeof(pthread_cancel(pthread_t()));
constexpr bool kill_is_noexcept = noexcept(pthread_kill(pthread_t(), 9));
void unevaluated(pthread_t worker) {
  int old;
  (void)sizeof(pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old));
  (void)worker;
}
