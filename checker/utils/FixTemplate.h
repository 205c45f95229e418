//===--- FixTemplate.h - rewrite a call from a template in the table ------===//
//
// UnsafeApis.def spells each mechanical rewrite as a template:
//   {callee}  the callee as written (`pthread_setcanceltype`, `cv.wait`)
//   {object}  the object of a member call, as written (`cv`, `*p`)
//   {argN}    the N-th argument (0-based), as written
//   {args}    all arguments, comma separated
//   {token}   the stop token expression the check found in scope
// Text is copied from the source, so a call that involves a macro expansion
// gets no fix: its rewrite would not be what the user wrote.
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

/// The replacement text for Call, or nullopt when a placeholder cannot be
/// filled from plain source text (macros, missing arguments).
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
