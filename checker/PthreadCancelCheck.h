//===--- PthreadCancelCheck.h - coop-pthread-cancel -----------------------===//
#ifndef COOP_CHECKER_PTHREADCANCELCHECK_H
#define COOP_CHECKER_PTHREADCANCELCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/Locations.h"
#include "utils/SignalHandlers.h"
#include "utils/Signals.h"

namespace coop {

/// Flags POSIX forced termination of a thread: any reference to
/// pthread_cancel, asynchronous cancellation, and pthread_kill / tgkill /
/// pthread_sigqueue with a signal whose default action ends or stops the
/// process.
///
/// For the user-facing documentation see docs/checks/pthread-cancel.md.
class PthreadCancelCheck : public clang::tidy::ClangTidyCheck {
public:
  PthreadCancelCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void checkCancelReference(const clang::Expr &Ref,
                            const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkCancelType(const clang::CallExpr &Call,
                       const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkSignal(const clang::CallExpr &Call,
                   const clang::ast_matchers::MatchFinder::MatchResult &Result);

  const llvm::StringRef AllowedSignalsOption;
  const clang::Preprocessor *PP = nullptr;
  SignalClassifier Signals;
  SignalHandlers Handlers;
  ReportedLocations Reported;
};

} // namespace coop

#endif // COOP_CHECKER_PTHREADCANCELCHECK_H
