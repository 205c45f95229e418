//===--- ThreadEntries.h - which code runs on a worker thread -------------===//
//
// Shared analysis for the checks that care whether code runs on a thread
// other than the one that started it (coop-detached-infinite-loop,
// coop-unbounded-wait, coop-non-atomic-stop-flag, coop-ignored-stop-token).
//
// It finds every place the translation unit starts a thread, resolves each to
// the function the thread runs (its entry), records whether and where the
// thread is detached, and follows direct calls from each entry into functions
// defined in the TU, to a bounded depth. It walks the TU once, and its cost
// is linear in the size of the AST.
//
// The same walk lists the loops and direct calls of every function body
// outside system headers, so the checks that judge loops and waits by the
// function they are in visit those bodies instead of matching every loop and
// call of the TU and asking the parent map for its function.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_THREADENTRIES_H
#define COOP_CHECKER_UTILS_THREADENTRIES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <string>
#include <vector>

namespace coop {

/// How a thread was started.
enum class ThreadLaunchKind {
  StdThread,       // std::thread
  StdJthread,      // std::jthread
  CoopJthread,     // coop::jthread
  BoostThread,     // boost::thread
  PthreadCreate,   // pthread_create
  WinBeginThread,  // _beginthread (always detached)
  WinBeginThreadEx,
  WinCreateThread,
  Custom,          // a (create, detach) pair named in the check's options
};

struct ThreadLaunch {
  ThreadLaunchKind Kind;
  /// The construction or call that starts the thread.
  const clang::Expr *Creation = nullptr;
  /// Where the thread is detached: `.detach()`, pthread_detach(id),
  /// pthread_detach(pthread_self()) in the entry, the attribute call that
  /// sets PTHREAD_CREATE_DETACHED, CloseHandle(h). Null when the thread is
  /// detached by construction (_beginthread) or not detached at all.
  const clang::Expr *DetachSite = nullptr;
  bool Detached = false;
  /// The function the thread runs: a lambda's call operator, a free
  /// function, a member function, a functor's operator(), the target of
  /// std::bind. Null when it cannot be resolved in this TU.
  const clang::FunctionDecl *Entry = nullptr;
  /// The expression at the launch site that names the entry.
  const clang::Expr *EntryExpr = nullptr;
  /// The pointer a C thread API hands the entry (pthread_create's arg,
  /// CreateThread's lpParameter, _beginthread's arglist); null for the
  /// others.
  const clang::Expr *StartArgument = nullptr;
  /// The function whose body starts the thread (a lambda's call operator
  /// for a launch written in a lambda); null at namespace scope.
  const clang::FunctionDecl *Launcher = nullptr;
};

/// One function body as the walk saw it. A lambda's body is a body of its
/// own, not part of the function it is written in.
struct FunctionBody {
  /// The declaration that has the body (a template pattern and each of its
  /// instantiations are separate bodies).
  const clang::FunctionDecl *Function = nullptr;
  /// for, while, do and range-for statements, in source order.
  llvm::SmallVector<const clang::Stmt *, 2> Loops;
  /// Calls with a direct callee, outside code that does not compile.
  llvm::SmallVector<const clang::CallExpr *, 4> Calls;
};

struct ThreadEntryOptions {
  /// How many direct calls deep to follow from an entry (entry itself: 0).
  unsigned CallDepth = 3;
  /// Extra thread APIs: pairs of (create function, detach function)
  /// qualified names; the create function's first function-typed argument
  /// (or function-pointer argument) is the entry. The C API's
  /// coop_thread_start / coop_thread_detach are always known.
  std::vector<std::pair<std::string, std::string>> ExtraCreateDetach;
  /// List every function body even in a TU that starts no thread, for a
  /// check that judges all functions (CheckAllFunctions). Otherwise a C TU
  /// that refers to no thread-starting function is not walked at all, and
  /// bodies() is empty.
  bool BodiesEvenWithoutThreads = false;
};

/// One call chain from a thread entry to a function that runs on the thread.
struct WorkerReach {
  const ThreadLaunch *Launch = nullptr;
  /// 0 for the entry itself, 1 for a function it calls directly, ...
  unsigned Depth = 0;
  /// The call by which this function was reached (null for the entry).
  const clang::CallExpr *ReachedVia = nullptr;
  /// The function that contains ReachedVia (null for the entry); its own
  /// reaches give the rest of the chain back to the entry.
  const clang::FunctionDecl *Caller = nullptr;
};

/// How users write a launch kind: "std::thread", "pthread_create", ...
llvm::StringRef threadLaunchKindName(ThreadLaunchKind Kind);

/// True for the kinds whose threads are detached by construction.
bool isDetachedByConstruction(ThreadLaunchKind Kind);

struct TranslationUnitWalk;

class ThreadEntryAnalysis {
public:
  ThreadEntryAnalysis();
  ~ThreadEntryAnalysis();

  /// Walks the translation unit once, from its top-level declarations
  /// (TopLevelDecls.h; call it from a check's onEndOfTranslationUnit, when
  /// the finder is done); later calls with the same context are free, and
  /// so are the other analyses' calls while this one holds the walk.
  void ensure(clang::ASTContext &Ctx, const ThreadEntryOptions &Opts);
  /// Forget the TU; the walk is freed when no analysis holds it. Call it
  /// from onStartOfTranslationUnit, not onEndOfTranslationUnit: the checks
  /// that share the walk judge one after another in their
  /// onEndOfTranslationUnit, and one letting go first would make the next
  /// walk the TU again.
  void reset();

  llvm::ArrayRef<ThreadLaunch> launches() const { return Launches; }

  /// True if FD (canonical or not) is a thread entry or is reached from one
  /// within CallDepth direct calls, whether or not the thread is detached.
  /// A template instantiation that runs on a worker makes its pattern run on
  /// one too, so a check matching code in the pattern (once per template)
  /// gets the same answer as for the instantiation.
  bool runsOnWorker(const clang::FunctionDecl *FD) const;
  /// Every launch that reaches FD, with the shortest depth for each.
  llvm::ArrayRef<WorkerReach> reachesOf(const clang::FunctionDecl *FD) const;
  /// Every function that runs on a worker thread (entries, the functions
  /// they reach, and the template patterns of both), each once, in the
  /// order they were found. Keys of reachesOf().
  llvm::ArrayRef<const clang::FunctionDecl *> workerFunctions() const {
    return WorkerFunctions;
  }
  /// Every function body outside system headers, in the order of the walk
  /// (none in a TU that starts no thread, unless the options ask for them).
  llvm::ArrayRef<FunctionBody> bodies() const;
  /// What the walk saw in FD's body (any redeclaration of FD); null when FD
  /// has no body outside system headers.
  const FunctionBody *bodyOf(const clang::FunctionDecl *FD) const;

private:
  void clear();

  const clang::ASTContext *AnalysedContext = nullptr;
  std::shared_ptr<const TranslationUnitWalk> Walk;
  std::vector<ThreadLaunch> Launches;
  llvm::DenseMap<const clang::FunctionDecl *, llvm::SmallVector<WorkerReach, 1>>
      Reaches;
  std::vector<const clang::FunctionDecl *> WorkerFunctions;
};

} // namespace coop

#endif // COOP_CHECKER_UTILS_THREADENTRIES_H
