// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c++17
// An access inside an operand that is never evaluated (sizeof, decltype,
// noexcept, typeid of a non-polymorphic operand) does not run: an assignment
// there writes nothing, so it does not make a flag shared with another
// thread. Such a use still names the variable's type, so it keeps the
// declaration fix away: `decltype(flag) copy = flag;` would not compile with
// std::atomic<bool>.
#include <thread>
#include <typeinfo>
// CHECK-FIXES-NOT: #include <atomic>

bool sized_stop = false;
bool typed_stop = false;
bool noexcept_stop = false;
bool typeid_stop = false;
bool copied_type = false;

struct Worker {
  bool member_stop = false;
  void run() {
    while (!member_stop) {
    }
  }
  void stop() { (void)sizeof(member_stop = true); }
};

void worker() {
  while (!sized_stop && !typed_stop && !noexcept_stop && !typeid_stop) {
  }
  while (!copied_type) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'copied_type' is read by this loop while another thread writes it
    // CHECK-MESSAGES: :[[@LINE-16]]:6: note: 'copied_type' is declared here
    // CHECK-MESSAGES: :[[@LINE+13]]:3: note: another thread writes 'copied_type' here
  }
}
// CHECK-FIXES: bool copied_type = false;

void stop_all() {
  (void)sizeof(sized_stop = true);
  using Assigned = decltype(typed_stop = true);
  (void)sizeof(Assigned);
  (void)noexcept(noexcept_stop = true);
  (void)typeid(typeid_stop = true);
  decltype(copied_type) copy = copied_type;
  (void)copy;
  copied_type = true;
}

int main() {
  Worker w;
  std::thread t(worker);
  std::thread m(&Worker::run, &w);
  stop_all();
  w.stop();
  t.join();
  m.join();
}
