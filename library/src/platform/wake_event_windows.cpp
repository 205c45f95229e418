#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>

#include <system_error>

#include "wake_event.hpp"

namespace coop::detail::platform {

wake_event::wake_event() : handle_(::CreateEventW(nullptr, FALSE, FALSE, nullptr)) {
  if (handle_ == nullptr)
    throw std::system_error(static_cast<int>(::GetLastError()), std::system_category(), "coop: CreateEvent");
}

wake_event::~wake_event() { ::CloseHandle(handle_); }

void wake_event::signal() noexcept { ::SetEvent(handle_); }

void wake_event::drain() noexcept { ::ResetEvent(handle_); }

}  // namespace coop::detail::platform
