// Windows counterpart of wake_fd: an auto-reset event the stop callback sets, waited on
// with WaitForMultipleObjects next to the caller's handles.
#pragma once

namespace coop::detail::platform {

class wake_event {
 public:
  wake_event();  // throws std::system_error
  ~wake_event();
  wake_event(const wake_event&) = delete;
  wake_event& operator=(const wake_event&) = delete;

  void* handle() const noexcept { return handle_; }  // a HANDLE
  void signal() noexcept;
  void drain() noexcept;  // clear a signal nobody consumed

 private:
  void* handle_;
};

}  // namespace coop::detail::platform
