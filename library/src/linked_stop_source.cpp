#include "coop/linked_stop_source.hpp"

namespace coop {
namespace detail {

void parent_link::attach(stop_state* parent, stop_source* child) noexcept {
  parent_ = parent;
  child_ = child;
  if (parent->try_add(this)) {
    attached_ = true;
  } else {
    child->request_stop(parent->reason());  // the parent was already stopped
  }
}

void parent_link::detach() noexcept {
  if (attached_) {
    attached_ = false;
    parent_->remove(this);  // waits while the parent runs us on another thread
  }
}

void parent_link::run(callback_node* node) noexcept {
  auto* self = static_cast<parent_link*>(node);
  // The parent is alive: its request_stop holds a reference while it runs callbacks.
  self->child_->request_stop(self->parent_->reason());
}

}  // namespace detail

void linked_stop_source::link_state(detail::stop_state* parent) {
  if (parent == nullptr) return;  // a token without state can never stop
  if (inline_used_ < std::size(inline_links_)) {
    inline_links_[inline_used_++].attach(parent, &source_);
    return;
  }
  auto owned = std::make_unique<detail::heap_parent_link>();
  owned->link.attach(parent, &source_);
  owned_links_.push_back(std::move(owned));
}

}  // namespace coop
