//===--- NonAtomicStopFlagCheck.h - coop-non-atomic-stop-flag -------------===//
#ifndef COOP_CHECKER_NONATOMICSTOPFLAGCHECK_H
#define COOP_CHECKER_NONATOMICSTOPFLAGCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/BodyParents.h"
#include "utils/IncludeFixes.h"
#include "utils/InfiniteLoops.h"
#include "utils/Locations.h"
#include "utils/SharedVariables.h"
#include "utils/ThreadEntries.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace coop {

/// Flags a loop whose condition (or the condition guarding one of its exits)
/// reads a plain or volatile bool/integer variable that another function
/// writes (or the same function, run by several threads), where the loop or
/// the writer runs on a worker thread: a data race that lets the compiler
/// hoist the load, so the loop never ends.
///
/// For the user-facing documentation see docs/checks/non-atomic-stop-flag.md.
class NonAtomicStopFlagCheck : public clang::tidy::ClangTidyCheck {
public:
  NonAtomicStopFlagCheck(llvm::StringRef Name,
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
  /// Judges every loop, once the finder has listed the TU's top-level
  /// declarations.
  void checkTranslationUnit(clang::ASTContext &Ctx);
  void checkLoop(const clang::Stmt &Loop, const clang::FunctionDecl &Fn,
                 clang::ASTContext &Ctx);
  void checkRead(const clang::Expr &Read, const clang::Stmt &Loop,
                 const clang::FunctionDecl &Fn, clang::ASTContext &Ctx);
  /// A write (or escape) of Var in a function other than Reader that may
  /// run on a different thread from it, if any; preferably an assignment
  /// not under one of ReadLocks.
  const VariableAccess *
  writerOnOtherThread(const clang::ValueDecl &Var, const clang::Expr &Read,
                      const clang::FunctionDecl &Reader,
                      llvm::ArrayRef<const clang::ValueDecl *> ReadLocks,
                      clang::ASTContext &Ctx);
  /// True if Access writes (or lets escape) Var on a thread that may not be
  /// Reader's, and not only into an object Read's thread does not see.
  bool writesOnOtherThread(const VariableAccess &Access,
                           const clang::ValueDecl &Var, const clang::Expr &Read,
                           const clang::FunctionDecl &Reader,
                           clang::ASTContext &Ctx);
  /// True if Access writes a member of the object its thread was started
  /// with, an element of its own (see the definition), and Read reads that
  /// member on the same entry's threads.
  bool writesOwnStartElement(const VariableAccess &Access,
                             const clang::Expr &Read,
                             const clang::FunctionDecl &Reader,
                             clang::ASTContext &Ctx);
  /// True if one of ReadLocks (the mutexes held at the read) is held at
  /// every write of Var on another thread than Reader's: the reader's own
  /// thread cannot race with itself.
  bool guardedBySameMutex(const clang::ValueDecl &Var, const clang::Expr &Read,
                          const clang::FunctionDecl &Reader,
                          llvm::ArrayRef<const clang::ValueDecl *> ReadLocks,
                          clang::ASTContext &Ctx);
  bool mayRunOnDifferentThreads(const clang::FunctionDecl &A,
                                const clang::FunctionDecl &B,
                                bool UnknownThreadsDiffer);
  /// True if Fn is run by a launch that starts several threads.
  bool runsOnSeveralThreads(const clang::FunctionDecl &Fn);
  /// True if the launch starts more than one thread (it sits in a loop).
  bool launchRepeats(const ThreadLaunch &Launch);

  const bool CheckAllFunctions;
  const unsigned CallDepth;
  IncludeFixes Includes;

  ThreadEntryOptions ThreadOpts;
  /// The TU being analysed, from the check's match of it.
  clang::ASTContext *Context = nullptr;
  ThreadEntryAnalysis Threads;
  SharedVariableIndex Variables;
  std::unique_ptr<LoopAnalyzer> Loops;
  BodyParents Parents;
  ReportedLocations Reported;
  /// Variables whose declaration fix has been attached to a warning.
  llvm::DenseSet<const clang::ValueDecl *> Fixed;
  /// A small number per flag, to tell reports at one location apart.
  llvm::DenseMap<const clang::ValueDecl *, unsigned> FlagIds;
  llvm::DenseMap<const ThreadLaunch *, bool> RepeatedLaunches;
};

} // namespace coop

#endif // COOP_CHECKER_NONATOMICSTOPFLAGCHECK_H
