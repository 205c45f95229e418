//===--- UnboundedWaitCheck.h - coop-unbounded-wait -----------------------===//
#ifndef COOP_CHECKER_UNBOUNDEDWAITCHECK_H
#define COOP_CHECKER_UNBOUNDEDWAITCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/BlockingCalls.h"
#include "utils/BodyParents.h"
#include "utils/DescriptorFacts.h"
#include "utils/IncludeFixes.h"
#include "utils/Locations.h"
#include "utils/ThreadEntries.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <memory>

namespace coop {

/// Flags blocking calls that wait with no timeout and no stop token (a
/// condition-variable wait, sem_wait, future::get, poll(-1), a blocking recv,
/// ...) in code that runs on a worker thread, where such a wait is what keeps
/// the thread from being stopped cooperatively. With a stop token in scope it
/// rewrites the call into the coop library's interruptible equivalent.
///
/// For the user-facing documentation see docs/checks/unbounded-wait.md.
class UnboundedWaitCheck : public clang::tidy::ClangTidyCheck {
public:
  UnboundedWaitCheck(llvm::StringRef Name,
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
  /// One way a call was recognised: a table entry (with the entries that
  /// share its name, for their fix templates) or a user API.
  struct Recognised {
    const UnsafeApi *Api = nullptr;
    llvm::ArrayRef<const UnsafeApi *> SameName;
    const UserBlockingApi *User = nullptr;
    BlockingShape Shape;
  };

  /// Judges the waits of every function body, once the finder has listed
  /// the TU's top-level declarations.
  void checkTranslationUnit(clang::ASTContext &Ctx);
  std::optional<Recognised>
  recogniseMemberCall(const clang::CXXMemberCallExpr &Call) const;
  std::optional<Recognised> recogniseFreeCall(const clang::CallExpr &Call) const;
  const UserBlockingApi *recogniseUserCall(const clang::CallExpr &Call) const;

  /// Where the calls of Fn run: the closest launch that reaches Fn, or the
  /// function a lambda is written in (null when no launch does), and the
  /// outermost function of that lambda chain.
  const WorkerReach *workerReach(const clang::FunctionDecl &Fn,
                                 const clang::FunctionDecl *&Outermost) const;
  void checkCall(const clang::CallExpr &Call, const Recognised &What,
                 const clang::FunctionDecl &Fn, const WorkerReach *Reach,
                 const clang::FunctionDecl &Outermost,
                 clang::ASTContext &Ctx);
  /// Outermost: the function whose body holds the call (through the
  /// lambdas it is written in), where descriptors and stop callbacks are
  /// looked for.
  bool isBounded(const clang::CallExpr &Call, const Recognised &What,
                 const clang::FunctionDecl &Outermost,
                 clang::ASTContext &Ctx);
  void report(const clang::CallExpr &Call, const Recognised &What,
              const clang::FunctionDecl *Fn, const WorkerReach *Reach,
              clang::ASTContext &Ctx);
  const DescriptorFacts &factsFor(const clang::Stmt &Body,
                                  clang::ASTContext &Ctx);

  const bool CheckAllFunctions;
  const unsigned CallDepth;
  const std::string ExtraBlockingFunctionsOption;
  const std::string ExtraThreadFunctionsOption;
  ThreadEntryOptions ThreadOpts;
  std::vector<UserBlockingApi> ExtraApis;
  /// Table entries of this check by their Api ("::sem_wait" has two: one
  /// fix for each kind of token); the first of each by function name
  /// ("sem_wait"), and by method name ("wait": every class's).
  llvm::StringMap<std::vector<const UnsafeApi *>> SameApi;
  llvm::StringMap<const UnsafeApi *> FreeApis;
  llvm::StringMap<std::vector<const UnsafeApi *>> MethodApis;
  IncludeFixes Includes;
  const clang::Preprocessor *PP = nullptr;
  /// The TU being analysed, from the check's match of it.
  clang::ASTContext *Context = nullptr;
  ThreadEntryAnalysis Threads;
  BodyParents Parents;
  ReportedLocations Reported;
  llvm::DenseMap<const clang::Stmt *, std::unique_ptr<DescriptorFacts>> Facts;
};

} // namespace coop

#endif // COOP_CHECKER_UNBOUNDEDWAITCHECK_H
