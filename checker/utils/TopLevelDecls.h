//===--- TopLevelDecls.h - the TU's own code, where the walks start -------===//
//
// The whole-TU analyses (the thread-entry walk, the shared-variable index)
// start from the translation unit's top-level declarations that hold code.
// They are listed from the AST's traversal scope when a walk needs them,
// not collected by matchers while the finder runs: a matcher is tried on
// every function, variable and parameter of the TU, where the list costs one
// test per top-level declaration, and nothing at all in the many C files
// that start no thread and so are never walked (docs/performance.md, ninth
// round). The scope is what the finder traverses too: the whole TU in
// clang-tidy, the main file's declarations in clangd, whose preamble is so
// never read back.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_TOPLEVELDECLS_H
#define COOP_CHECKER_UTILS_TOPLEVELDECLS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclBase.h"
#include <vector>

namespace coop {

/// The declarations of Ctx's traversal scope written at the top level of
/// the TU (as its lexical declaration list holds them: an out-of-line member
/// definition, not a template's pattern) that can hold code: function
/// definitions, initialised variables, and in C++ the namespaces, linkage
/// specifications, classes and templates around them. In the TU's order.
/// Declarations in system headers are left out: a walk over the program's
/// code skips the library's (LibraryCode.h).
std::vector<clang::Decl *> topLevelCode(clang::ASTContext &Ctx);

} // namespace coop

#endif // COOP_CHECKER_UTILS_TOPLEVELDECLS_H
