// Stand-in declarations of boost::thread (Boost.Thread is not installed on
// the test machines); the check keys on the class name, not on a header.
#ifndef COOP_TEST_BOOST_THREAD_H
#define COOP_TEST_BOOST_THREAD_H
namespace boost {
class thread {
public:
  thread() noexcept;
  template <class F, class... Args> explicit thread(F &&f, Args &&...args);
  thread(thread &&) noexcept;
  ~thread();
  void join();
  void detach();
  void interrupt();
};
namespace this_thread {
void interruption_point();
bool interruption_requested() noexcept;
} // namespace this_thread
} // namespace boost
#endif
