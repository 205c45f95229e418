//===--- PlatformConstants.h - the value of a named system constant -------===//
//
// Flags and sentinels (MSG_DONTWAIT, O_NONBLOCK, SO_RCVTIMEO, INFINITE, ...)
// differ between platforms, so a check compares an argument's value with the
// value the name has in the translation unit being checked: an enumerator
// (glibc makes MSG_DONTWAIT one) or an object-like macro whose body is a
// number or the name of another such constant. When the TU does not define
// the name (a header was not included), the caller supplies Linux's value.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_PLATFORMCONSTANTS_H
#define COOP_CHECKER_UTILS_PLATFORMCONSTANTS_H

#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include <optional>

namespace coop {

/// The value Name has in this translation unit, or nullopt if it is not an
/// enumerator at global scope nor a macro the function can read. PP may be
/// null (enumerators only).
std::optional<int64_t> platformConstant(llvm::StringRef Name,
                                        clang::ASTContext &Ctx,
                                        const clang::Preprocessor *PP);

/// platformConstant, or Fallback when the TU does not define Name.
inline int64_t platformConstantOr(llvm::StringRef Name, clang::ASTContext &Ctx,
                                  const clang::Preprocessor *PP,
                                  int64_t Fallback) {
  return platformConstant(Name, Ctx, PP).value_or(Fallback);
}

} // namespace coop

#endif // COOP_CHECKER_UTILS_PLATFORMCONSTANTS_H
