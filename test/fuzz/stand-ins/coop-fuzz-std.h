// Fuzzer stand-in for the C++ standard thread library: the classes and
// members the coop checks look for, declared as libstdc++ declares them
// (namespace std, no inline namespace), and nothing else.
#pragma GCC system_header
#ifndef COOP_FUZZ_STD_H
#define COOP_FUZZ_STD_H
#include "coop-fuzz-posix.h"
namespace std {
using size_t = decltype(sizeof 0);
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> struct remove_reference<T &&> { using type = T; };
template <class T> T &&forward(typename remove_reference<T>::type &t) noexcept { return static_cast<T &&>(t); }
template <class T> typename remove_reference<T>::type &&move(T &&t) noexcept { return static_cast<typename remove_reference<T>::type &&>(t); }
template <class T> struct atomic {
  atomic() noexcept = default;
  constexpr atomic(T v) noexcept : value(v) {}
  T load(int order = 5) const noexcept { return value; }
  void store(T v, int order = 5) noexcept { value = v; }
  T exchange(T v, int order = 5) noexcept { T old = value; value = v; return old; }
  operator T() const noexcept { return value; }
  T operator=(T v) noexcept { value = v; return v; }
  T value{};
};
using atomic_bool = atomic<bool>;
using atomic_int = atomic<int>;
struct atomic_flag {
  bool test_and_set(int order = 5) noexcept;
  bool test(int order = 5) const noexcept;
  void clear(int order = 5) noexcept;
};
enum memory_order { memory_order_relaxed, memory_order_acquire = 2, memory_order_release, memory_order_seq_cst = 5 };
namespace chrono {
template <class Rep, class Period = void> struct duration {
  constexpr duration() = default;
  constexpr explicit duration(Rep r) : count_(r) {}
  constexpr Rep count() const { return count_; }
  Rep count_{};
};
using nanoseconds = duration<long long, struct nano>;
using microseconds = duration<long long, struct micro>;
using milliseconds = duration<long long, struct milli>;
using seconds = duration<long long>;
template <class Clock, class Duration = typename Clock::duration> struct time_point {
  Duration d;
};
struct steady_clock {
  using duration = nanoseconds;
  using time_point = chrono::time_point<steady_clock>;
  static time_point now() noexcept;
};
using system_clock = steady_clock;
} // namespace chrono
inline namespace literals {
inline namespace chrono_literals {
constexpr chrono::milliseconds operator""ms(unsigned long long v) { return chrono::milliseconds(v); }
constexpr chrono::seconds operator""s(unsigned long long v) { return chrono::seconds(v); }
} // namespace chrono_literals
} // namespace literals
class stop_token {
public:
  stop_token() noexcept;
  bool stop_requested() const noexcept;
  bool stop_possible() const noexcept;
};
class stop_source {
public:
  stop_source();
  stop_token get_token() const noexcept;
  bool request_stop() noexcept;
  bool stop_requested() const noexcept;
};
template <class Callback> class stop_callback {
public:
  template <class C> explicit stop_callback(const stop_token &, C &&);
  ~stop_callback();
};
template <class F> stop_callback(stop_token, F) -> stop_callback<F>;
class thread {
public:
  class id {};
  thread() noexcept;
  template <class F, class... Args> explicit thread(F &&f, Args &&...args) {}
  thread(thread &&) noexcept;
  thread &operator=(thread &&) noexcept;
  ~thread();
  bool joinable() const noexcept;
  void join();
  void detach();
  id get_id() const noexcept;
  pthread_t native_handle();
};
class jthread {
public:
  jthread() noexcept;
  template <class F, class... Args> explicit jthread(F &&f, Args &&...args) {}
  jthread(jthread &&) noexcept;
  ~jthread();
  bool joinable() const noexcept;
  void join();
  void detach();
  stop_source get_stop_source() noexcept;
  stop_token get_stop_token() const noexcept;
  bool request_stop() noexcept;
};
namespace this_thread {
template <class R, class P> void sleep_for(const chrono::duration<R, P> &);
template <class C, class D> void sleep_until(const chrono::time_point<C, D> &);
void yield() noexcept;
thread::id get_id() noexcept;
} // namespace this_thread
class mutex {
public:
  void lock();
  bool try_lock();
  void unlock();
};
using recursive_mutex = mutex;
using timed_mutex = mutex;
template <class M> class lock_guard {
public:
  explicit lock_guard(M &);
  ~lock_guard();
};
template <class M> class unique_lock {
public:
  unique_lock() noexcept;
  explicit unique_lock(M &);
  ~unique_lock();
  void lock();
  void unlock();
  bool owns_lock() const noexcept;
};
template <class... M> class scoped_lock {
public:
  explicit scoped_lock(M &...);
};
enum class cv_status { no_timeout, timeout };
class condition_variable {
public:
  void notify_one() noexcept;
  void notify_all() noexcept;
  void wait(unique_lock<mutex> &);
  template <class P> void wait(unique_lock<mutex> &, P);
  template <class R, class Pe> cv_status wait_for(unique_lock<mutex> &, const chrono::duration<R, Pe> &);
  template <class R, class Pe, class P> bool wait_for(unique_lock<mutex> &, const chrono::duration<R, Pe> &, P);
  template <class C, class D> cv_status wait_until(unique_lock<mutex> &, const chrono::time_point<C, D> &);
  template <class C, class D, class P> bool wait_until(unique_lock<mutex> &, const chrono::time_point<C, D> &, P);
};
class condition_variable_any {
public:
  void notify_one() noexcept;
  void notify_all() noexcept;
  template <class L> void wait(L &);
  template <class L, class P> void wait(L &, P);
  template <class L, class P> bool wait(L &, stop_token, P);
  template <class L, class R, class Pe> cv_status wait_for(L &, const chrono::duration<R, Pe> &);
  template <class L, class R, class Pe, class P> bool wait_for(L &, const chrono::duration<R, Pe> &, P);
  template <class L, class R, class Pe, class P> bool wait_for(L &, stop_token, const chrono::duration<R, Pe> &, P);
};
enum class future_status { ready, timeout, deferred };
template <class T> class shared_future;
enum class launch { async = 1, deferred = 2 };
template <class T> class future {
public:
  T get();
  void wait() const;
  bool valid() const noexcept;
  template <class R, class P> future_status wait_for(const chrono::duration<R, P> &) const;
  shared_future<T> share();
};
template <> class future<void> {
public:
  void get();
  void wait() const;
  template <class R, class P> future_status wait_for(const chrono::duration<R, P> &) const;
};
template <class T> class shared_future {
public:
  const T &get() const;
  void wait() const;
  template <class R, class P> future_status wait_for(const chrono::duration<R, P> &) const;
};
template <class T> class promise {
public:
  future<T> get_future();
  void set_value(T);
};
template <class F, class... Args> auto async(F &&f, Args &&...args) -> future<decltype(f(args...))>;
template <class F, class... Args> auto async(launch, F &&f, Args &&...args) -> future<decltype(f(args...))>;
template <long long Max = 0x7fffffff> class counting_semaphore {
public:
  explicit counting_semaphore(long long);
  void release(long long = 1);
  void acquire();
  bool try_acquire() noexcept;
  template <class R, class P> bool try_acquire_for(const chrono::duration<R, P> &);
};
using binary_semaphore = counting_semaphore<1>;
class latch {
public:
  explicit latch(long long);
  void count_down(long long = 1);
  void wait() const;
  void arrive_and_wait(long long = 1);
  bool try_wait() const noexcept;
};
template <class F = void> class barrier {
public:
  explicit barrier(long long, F = F());
  void arrive_and_wait();
  void wait(int) const;
};
template <class T> struct reference_wrapper { T *p; operator T &() const; };
template <class T> reference_wrapper<T> ref(T &) noexcept;
template <class T> reference_wrapper<const T> cref(const T &) noexcept;
template <class F, class... A> auto bind(F &&, A &&...) -> F;
template <class Sig> class function;
template <class R, class... A> class function<R(A...)> {
public:
  function() noexcept;
  template <class F> function(F);
  R operator()(A...) const;
  explicit operator bool() const noexcept;
};
template <class T> class vector {
public:
  void push_back(const T &);
  template <class... A> T &emplace_back(A &&...);
  T &operator[](size_t);
  T *begin();
  T *end();
  size_t size() const;
  bool empty() const;
};
template <class T> class unique_ptr {
public:
  unique_ptr() noexcept;
  explicit unique_ptr(T *) noexcept;
  T *operator->() const noexcept;
  T &operator*() const;
  T *get() const noexcept;
};
template <class T> class shared_ptr {
public:
  shared_ptr() noexcept;
  T *operator->() const noexcept;
  T &operator*() const;
};
template <class T, class... A> unique_ptr<T> make_unique(A &&...);
template <class T, class... A> shared_ptr<T> make_shared(A &&...);
template <class T> class optional {
public:
  constexpr optional() noexcept;
  constexpr optional(T);
  constexpr bool has_value() const noexcept;
  constexpr T &operator*() &;
};
class exception { public: virtual ~exception(); virtual const char *what() const noexcept; };
class runtime_error : public exception { public: explicit runtime_error(const char *); };
using ::abort;
using ::exit;
using ::raise;
using ::signal;
using ::sig_atomic_t;
} // namespace std
#endif
