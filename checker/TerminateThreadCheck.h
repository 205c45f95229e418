//===--- TerminateThreadCheck.h - coop-terminate-thread -------------------===//
#ifndef COOP_CHECKER_TERMINATETHREADCHECK_H
#define COOP_CHECKER_TERMINATETHREADCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/Locations.h"
#include "utils/SignalHandlers.h"
#include "utils/Signals.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace coop {

struct UnsafeApi;

/// Flags forced termination of a thread outside POSIX cancellation: any
/// reference to TerminateThread / NtTerminateThread / ZwTerminateThread,
/// SuspendThread (and its ntdll forms) on a thread other than the caller,
/// ExitThread / _endthread / _endthreadex in C++, QThread::terminate and
/// QThread::setTerminationEnabled(true), and syscall(SYS_tgkill / SYS_tkill)
/// with a signal that ends or stops the process.
///
/// For the user-facing documentation see docs/checks/terminate-thread.md.
class TerminateThreadCheck : public clang::tidy::ClangTidyCheck {
public:
  TerminateThreadCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void checkCall(const clang::CallExpr &Call,
                 const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkReference(const clang::Expr &Ref,
                      const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkFunctionReference(
      const clang::Expr &Ref, const clang::FunctionDecl &Function,
      const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkSuspendCall(
      const clang::CallExpr &Call, const clang::FunctionDecl &Function,
      const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkProcAddress(
      const clang::StringLiteral &Name,
      const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkQThreadTerminate(
      const clang::Expr &Ref, const clang::CXXMethodDecl &Method,
      const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkQThreadEnable(
      const clang::CallExpr &Call, const clang::CXXMethodDecl &Method,
      const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkSyscall(const clang::CallExpr &Call,
                    const clang::ast_matchers::MatchFinder::MatchResult &Result);

  /// Whether Api is reported at all in this translation unit, given the
  /// options and the language.
  bool reportsApi(const UnsafeApi &Api) const;
  /// Reports Api at Loc (once per location), highlighting Range, unless Use
  /// is in an unevaluated operand.
  void report(const UnsafeApi &Api, const clang::Expr &Use,
              clang::SourceLocation Loc, clang::SourceRange Range,
              clang::ASTContext &Ctx);

  const llvm::StringRef AllowedSignalsOption;
  const bool WarnOnSuspendThread;
  const clang::Preprocessor *PP = nullptr;
  SignalClassifier Signals;
  SignalHandlers Handlers;
  ReportedLocations Reported;
  /// A call each reference to SuspendThread is the callee of (the first
  /// seen: a template's callee may be shared by its instantiations).
  llvm::DenseMap<const clang::Expr *, const clang::CallExpr *> CallOf;
  /// References that are direct parts of code that does not compile.
  llvm::DenseSet<const clang::Expr *> InBrokenCode;
};

} // namespace coop

#endif // COOP_CHECKER_TERMINATETHREADCHECK_H
