//===--- HeldLocks.h - which mutexes are held where a statement runs ------===//
//
// A lexical approximation, not a dataflow analysis: walking out from a
// statement to its function's body, each enclosing block contributes the
// locks taken by the statements before it in that block and not released
// since:
//   - a std::lock_guard / std::unique_lock / std::scoped_lock /
//     std::shared_lock (or a class of the same name in any namespace)
//     declared with a mutex (std::defer_lock and std::try_to_lock do not
//     lock; std::adopt_lock does), and its later `.unlock()` / `.lock()`;
//   - `m.lock()` / `m.lock_shared()` ... `m.unlock()` / `m.unlock_shared()`;
//   - pthread_mutex_lock / pthread_mutex_unlock, C11 mtx_lock / mtx_unlock,
//     EnterCriticalSection / LeaveCriticalSection on `&m`;
//   - a lock guard declared in the init-statement of an enclosing if, switch
//     or for (C++17).
// Locks taken in a branch, in a called function, or through a pointer the
// analysis cannot name are not seen. A mutex is identified by the variable
// or member that holds it (a member of any object of the class).
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_HELDLOCKS_H
#define COOP_CHECKER_UTILS_HELDLOCKS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "BodyParents.h"
#include "llvm/ADT/SmallVector.h"

namespace coop {

/// The mutexes (canonical VarDecl or FieldDecl) held where S, a statement
/// of Fn's body, executes. Nothing is held outside a body (Fn null, or S in
/// a constructor's member initializers).
llvm::SmallVector<const clang::ValueDecl *, 2>
heldMutexes(const clang::Stmt &S, const clang::FunctionDecl *Fn,
            BodyParents &Parents);

} // namespace coop

#endif // COOP_CHECKER_UTILS_HELDLOCKS_H
