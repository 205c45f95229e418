//===--- FixTemplate.h - rewrite a call from a template in the table ------===//
//
// UnsafeApis.def spells each mechanical rewrite as a template:
//   {callee}    the callee as written (`pthread_setcanceltype`, `cv.wait`)
//   {object}    the object of a member call, as written: `cv` for `cv.wait()`,
//               `*p` for `p->wait()` (`*(a + i)` when the pointer needs
//               parentheses)
//   {argN}      the N-th argument (0-based), as written
//   {args}      all arguments, comma separated
//   {argsFromN} the arguments from the N-th on, each preceded by ", ", or
//               nothing when the call has fewer: `f({arg0}{argsFrom1})`
//   {token}     the C++ stop token (std::stop_token or coop::stop_token) the
//               check found in scope
//   {c_token}   the C API's coop_stop_token the check found in scope
// A template names at most one kind of token; fixTemplateTokenKind() tells the
// check which kind to look for. Text is copied from the source as written:
// {callee} only when no macro is involved; the object and the arguments may
// use macros (`NULL`, `MSG_NOSIGNAL`) as long as each begins and ends outside
// a macro's body. A call written inside a macro's body gets no fix: its
// rewrite would not be what the user wrote (the check must also make sure
// the call's own range is in the file before replacing it).
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_FIXTEMPLATE_H
#define COOP_CHECKER_UTILS_FIXTEMPLATE_H

#include "clang/AST/Expr.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include <optional>
#include <string>

namespace coop {

/// Which stop token a template needs.
enum class FixTemplateToken { None, Cxx, C };
FixTemplateToken fixTemplateTokenKind(llvm::StringRef Template);

/// The replacement text for Call, or nullopt when a placeholder cannot be
/// filled from plain source text (macros, missing arguments). Token fills
/// both {token} and {c_token}.
std::optional<std::string> instantiateFixTemplate(
    llvm::StringRef Template, const clang::CallExpr &Call,
    const clang::SourceManager &SM, const clang::LangOptions &LO,
    llvm::StringRef Token = {});

/// The source text of E, or nullopt if any part of it comes from a macro.
std::optional<llvm::StringRef> plainSourceText(const clang::Expr &E,
                                               const clang::SourceManager &SM,
                                               const clang::LangOptions &LO);

} // namespace coop

#endif // COOP_CHECKER_UTILS_FIXTEMPLATE_H
