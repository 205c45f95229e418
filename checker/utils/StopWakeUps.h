//===--- StopWakeUps.h - is a blocking wait already woken by a stop? ------===//
//
// A wait with no stop token can still be interruptible: the classic way to
// make a std::condition_variable wait stoppable is a stop callback that
// notifies it, and a blocking recv a callback that shuts the socket down.
// Such code needs no rewrite, so the checks that flag waits ask this first.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_STOPWAKEUPS_H
#define COOP_CHECKER_UTILS_STOPWAKEUPS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace coop {

/// True if Body, before Wait, registers a stop callback that refers to
/// WaitedOn (the condition variable, semaphore or descriptor the wait
/// blocks on): a std::stop_callback or coop::stop_callback variable whose
/// constructor arguments mention it (inside a lambda, or a local lambda they
/// name), or coop_stop_callback_create(token, fn, arg) whose arg does.
bool stopCallbackWakes(const clang::Stmt &Body, const clang::Expr &Wait,
                       const clang::Expr *WaitedOn, clang::ASTContext &Ctx);

} // namespace coop

#endif // COOP_CHECKER_UTILS_STOPWAKEUPS_H
