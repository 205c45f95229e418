// coop::linked_stop_source: a child stop source that stops when any parent token stops.
//
//   coop::linked_stop_source child(parent_token, shutdown_token);
//   run(child.get_token());          // stops on either parent, or child.request_stop()
//
// The links are stop callbacks registered on the parents and removed in the destructor
// (RAII: nothing is left behind in a long-lived parent). The first two coop parents are
// linked without allocating; more parents, and std::stop_token parents (C++20), cost one
// allocation each. A child stopped through a parent takes the parent's stop_reason.
// Not copyable or movable: the parents point at it.
#pragma once

#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "detail/config.hpp"
#include "detail/stop_state.hpp"
#include "detail/token_traits.hpp"
#include "stop_token.hpp"

namespace coop {

namespace detail {

// One parent -> child edge: a callback node on the parent's list.
class parent_link : private callback_node {
 public:
  parent_link() noexcept : callback_node(&parent_link::run) {}
  ~parent_link() { detach(); }
  parent_link(const parent_link&) = delete;
  parent_link& operator=(const parent_link&) = delete;

  // Stops `child` at once if `parent` is already stopped.
  void attach(stop_state* parent, stop_source* child) noexcept;
  void detach() noexcept;  // waits if the parent is running the link on another thread

 private:
  static void run(callback_node* node) noexcept;

  stop_state* parent_ = nullptr;  // written before registration, then read-only
  stop_source* child_ = nullptr;
  bool attached_ = false;
};

// A link that owns itself (overflow and foreign parents).
struct owned_link {
  virtual ~owned_link() = default;
};

struct heap_parent_link final : owned_link {
  parent_link link;
};

#if COOP_HAS_STD_STOP_TOKEN
struct std_parent_link final : owned_link {
  struct stop_child {
    stop_source* child;
    void operator()() const noexcept { child->request_stop(); }
  };
  std_parent_link(const std::stop_token& parent, stop_source* child) : callback(parent, stop_child{child}) {}
  std::stop_callback<stop_child> callback;
};
#endif

}  // namespace detail

class linked_stop_source {
 public:
  // A source with no parents yet (link() adds them).
  linked_stop_source() = default;

  template <class... Tokens, std::enable_if_t<(sizeof...(Tokens) > 0 && (detail::is_stop_token_v<Tokens> && ...)), int> = 0>
  explicit linked_stop_source(const Tokens&... parents) {
    (link(parents), ...);
  }

  ~linked_stop_source() {
    // Unlink before source_ dies: a parent may be running a link right now.
    for (auto& l : inline_links_) l.detach();
    owned_links_.clear();
  }

  linked_stop_source(const linked_stop_source&) = delete;
  linked_stop_source& operator=(const linked_stop_source&) = delete;

  // Adds a parent.
  void link(const stop_token& parent) { link_state(detail::state_of(parent)); }
#if COOP_HAS_STD_STOP_TOKEN
  void link(const std::stop_token& parent) {
    if (!parent.stop_possible()) return;
    owned_links_.push_back(std::make_unique<detail::std_parent_link>(parent, &source_));
  }
#endif

  [[nodiscard]] stop_token get_token() const noexcept { return source_.get_token(); }
  [[nodiscard]] bool stop_requested() const noexcept { return source_.stop_requested(); }
  [[nodiscard]] stop_reason reason() const noexcept { return source_.reason(); }
  bool request_stop() noexcept { return source_.request_stop(); }
  bool request_stop(stop_reason why) noexcept { return source_.request_stop(why); }
  // The underlying source (copies of it keep the state alive, not the links).
  [[nodiscard]] const stop_source& source() const noexcept { return source_; }

 private:
  void link_state(detail::stop_state* parent);

  stop_source source_;
  detail::parent_link inline_links_[2];
  std::size_t inline_used_ = 0;
  std::vector<std::unique_ptr<detail::owned_link>> owned_links_;
};

}  // namespace coop
