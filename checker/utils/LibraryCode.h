//===--- LibraryCode.h - what whole-TU walks may skip ---------------------===//
//
// The thread-entry walk and the shared-variable index visit a whole
// translation unit; in a TU of headers nearly all of it is library code that
// can neither start the program's threads nor name its variables. These
// tests let both walks skip it at the same places.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_LIBRARYCODE_H
#define COOP_CHECKER_UTILS_LIBRARYCODE_H

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"

namespace coop {

/// True if Loc, after macro expansion, is in a system header: code a user's
/// macro spells out from a library's is the user's.
bool isInSystemHeader(const clang::SourceManager &SM, clang::SourceLocation Loc);

/// True if D is written in a system header (its location after macro
/// expansion: a declaration a user's macro spells out is the user's).
bool isInSystemHeader(const clang::Decl &D);

/// True for a declaration a walk over the program's code can skip with
/// everything in it: a system header's declaration at namespace scope (a
/// namespace block, class, function or template of a library, with the
/// instantiations it holds) or a function body in a system header. Asked
/// only there, not of every declaration nested in user code, so the test
/// costs one look-up per library declaration the walk meets.
bool isLibraryInternal(const clang::Decl &D);

} // namespace coop

#endif // COOP_CHECKER_UTILS_LIBRARYCODE_H
