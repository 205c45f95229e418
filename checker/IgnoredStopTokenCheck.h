//===--- IgnoredStopTokenCheck.h - coop-ignored-stop-token ----------------===//
#ifndef COOP_CHECKER_IGNOREDSTOPTOKENCHECK_H
#define COOP_CHECKER_IGNOREDSTOPTOKENCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/IncludeFixes.h"
#include "utils/InfiniteLoops.h"
#include "utils/Locations.h"
#include "utils/ThreadEntries.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace coop {

/// Flags threads that are handed a stop token and never look at it:
///   - a function (a std::jthread / coop::jthread callable, or any other)
///     whose stop-token parameter is never used while it loops or blocks;
///   - a std::jthread / coop::jthread whose callable takes no token and loops
///     forever, so the jthread's destructor (request stop, then join) hangs.
///
/// For the user-facing documentation see docs/checks/ignored-stop-token.md.
class IgnoredStopTokenCheck : public clang::tidy::ClangTidyCheck {
public:
  IgnoredStopTokenCheck(llvm::StringRef Name,
                        clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  /// What keeps a function from returning while its token is ignored.
  struct Hang {
    /// The outermost loop that does not end by itself, or null.
    const clang::Stmt *Loop = nullptr;
    /// The number of such outermost loops.
    unsigned Loops = 0;
    /// A call that waits with no timeout, when there is no such loop.
    const clang::CallExpr *BlockingCall = nullptr;
  };

  void checkFunction(const clang::FunctionDecl &Fn, clang::ASTContext &Ctx);
  void checkTokenParameter(const clang::FunctionDecl &Fn,
                           const clang::ParmVarDecl &Token,
                           clang::ASTContext &Ctx);
  void checkTokenlessJthread(const ThreadLaunch &Launch,
                             const clang::FunctionDecl &Entry,
                             clang::ASTContext &Ctx);
  Hang findHang(const clang::FunctionDecl &Fn, clang::ASTContext &Ctx);
  /// The first outermost loop of Fn that loops forever (no way out at all).
  const clang::Stmt *findForeverLoop(const clang::FunctionDecl &Fn);
  const clang::CallExpr *findBlockingCall(const clang::FunctionDecl &Fn,
                                          clang::ASTContext &Ctx);
  /// The jthread launches whose entry is Fn (or an instantiation of it).
  llvm::ArrayRef<const ThreadLaunch *> jthreadsRunning(const clang::FunctionDecl &Fn);

  IncludeFixes Includes;
  const clang::Preprocessor *PP = nullptr;

  clang::ASTContext *Context = nullptr;
  ThreadEntryAnalysis Threads;
  std::unique_ptr<LoopAnalyzer> Loops;
  llvm::DenseMap<const clang::FunctionDecl *,
                 llvm::SmallVector<const ThreadLaunch *, 1>>
      JthreadsByEntry;
  llvm::DenseSet<const clang::FunctionDecl *> Checked;
  /// The functions to judge, in the order the finder matched them.
  std::vector<const clang::FunctionDecl *> Pending;
  ReportedLocations Reported;
};

} // namespace coop

#endif // COOP_CHECKER_IGNOREDSTOPTOKENCHECK_H
