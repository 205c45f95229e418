//===--- SignalHandlers.h - signals whose default action the TU replaces --===//
//
// A signal the program gives a handler (signal(), sigset(), bsd_signal(),
// sigaction()) or ignores (SIG_IGN) no longer ends the process: sending it to
// a thread runs the handler, which is how programs interrupt a thread's
// blocking call (glibc's own cancellation tests pthread_kill SIGHUP after
// installing a handler for it). Only SIG_DFL restores the default action.
//
// The handler may be installed anywhere in the translation unit, often in
// main() after the functions that send the signal, so checks defer their
// signal findings and report them at the end of the translation unit, when
// every installation has been seen.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_SIGNALHANDLERS_H
#define COOP_CHECKER_UTILS_SIGNALHANDLERS_H

#include "Signals.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/FunctionExtras.h"
#include <vector>

namespace coop {

class SignalHandlers {
public:
  /// The functions that install a disposition, for a check's call filter.
  static llvm::ArrayRef<llvm::StringRef> installFunctions();

  /// If Call installs a disposition, records the signal it handles (when it
  /// installs something other than SIG_DFL) and returns true.
  bool record(const clang::CallExpr &Call, clang::ASTContext &Ctx);

  /// Holds Report until the end of the translation unit: it runs then unless
  /// the translation unit handles or ignores Signal (SIGKILL and SIGSTOP
  /// cannot be caught or ignored, so their reports always run).
  void defer(const SignalInfo &Signal, llvm::unique_function<void()> Report);

  /// Runs the reports that still apply and forgets everything (call from
  /// onEndOfTranslationUnit).
  void reportAndClear();

private:
  llvm::DenseSet<int64_t> Handled;
  std::vector<std::pair<SignalInfo, llvm::unique_function<void()>>> Pending;
};

} // namespace coop

#endif // COOP_CHECKER_UTILS_SIGNALHANDLERS_H
