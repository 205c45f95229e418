//===--- DetachedInfiniteLoopCheck.h - coop-detached-infinite-loop --------===//
#ifndef COOP_CHECKER_DETACHEDINFINITELOOPCHECK_H
#define COOP_CHECKER_DETACHEDINFINITELOOPCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/InfiniteLoops.h"
#include "utils/Locations.h"
#include "utils/ThreadEntries.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace coop {

/// Flags an infinite loop with no stop check that runs on a detached thread:
/// in the thread's entry, or in a function of the translation unit the entry
/// calls (to CallDepth calls deep). Such a thread can never be stopped
/// cooperatively.
///
/// For the user-facing documentation see docs/checks/detached-infinite-loop.md.
class DetachedInfiniteLoopCheck : public clang::tidy::ClangTidyCheck {
public:
  DetachedInfiniteLoopCheck(llvm::StringRef Name,
                            clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  /// Judges the loops of the functions that run on a thread, once the
  /// finder has listed the TU's top-level declarations.
  void checkTranslationUnit(clang::ASTContext &Ctx);
  void checkLoop(const clang::Stmt &Loop, const clang::FunctionDecl &Fn,
                 const clang::SourceManager &SM);
  void report(const clang::Stmt &Loop, const LoopInfo &Info,
              llvm::ArrayRef<const WorkerReach *> Reaches,
              const clang::SourceManager &SM);

  const unsigned CallDepth;
  const std::string StopCheckFunctionsOption;
  const bool StrictMode;
  const bool CheckJoinableThreads;
  const std::string ExtraThreadFunctionsOption;

  ThreadEntryOptions ThreadOpts;
  LoopAnalysisOptions LoopOpts;
  /// The TU being analysed, from the check's match of it.
  clang::ASTContext *Context = nullptr;
  ThreadEntryAnalysis Threads;
  std::unique_ptr<LoopAnalyzer> Loops;
  ReportedLocations Reported;
  /// Loops nested in a reported loop: the outer report covers them.
  llvm::DenseSet<clang::SourceLocation> Covered;
};

} // namespace coop

#endif // COOP_CHECKER_DETACHEDINFINITELOOPCHECK_H
