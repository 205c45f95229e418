// Which types count as a stop token for coop's waits, and how to read one.
#pragma once

#include <type_traits>

#include "../stop_token.hpp"
#include "config.hpp"

namespace coop::detail {

// A non-owning view of a coop stop state: what the C API's coop_stop_token carries.
struct borrowed_token {
  stop_state* state = nullptr;
};

template <class T>
struct is_stop_token : std::false_type {};
template <>
struct is_stop_token<stop_token> : std::true_type {};
template <>
struct is_stop_token<borrowed_token> : std::true_type {};
#if COOP_HAS_STD_STOP_TOKEN
template <>
struct is_stop_token<std::stop_token> : std::true_type {};
#endif

template <class T>
inline constexpr bool is_stop_token_v = is_stop_token<std::remove_cv_t<std::remove_reference_t<T>>>::value;

template <class T>
using enable_if_token_t = std::enable_if_t<is_stop_token_v<T>, int>;

inline stop_state* state_of(const stop_token& t) noexcept { return token_access::state(t); }
inline stop_state* state_of(borrowed_token t) noexcept { return t.state; }

inline bool stop_requested(const stop_token& t) noexcept { return t.stop_requested(); }
inline bool stop_requested(borrowed_token t) noexcept { return t.state != nullptr && t.state->stop_requested(); }
#if COOP_HAS_STD_STOP_TOKEN
inline bool stop_requested(const std::stop_token& t) noexcept { return t.stop_requested(); }
#endif

}  // namespace coop::detail
