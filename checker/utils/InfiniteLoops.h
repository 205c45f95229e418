//===--- InfiniteLoops.h - a loop's ways out and what each depends on -----===//
//
// Shared by the checks that ask whether a thread's loop can be stopped
// (coop-detached-infinite-loop, coop-ignored-stop-token,
// coop-non-atomic-stop-flag). For one loop it lists every way out — the
// loop's own condition, `break`, `return`, `goto` out, `throw`, a
// [[noreturn]] call, a configured stop-check call — and, for each, what
// decides whether it is taken: a call's result, a non-local variable, an
// atomic, a stop token, or nothing but local arithmetic.
//
// "Depends on" is followed through local variables: `int n = read(...);
// if (n <= 0) break;` depends on a call result, `x = x * 31 % 7; if (x == 3)
// break;` on local arithmetic only.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_INFINITELOOPS_H
#define COOP_CHECKER_UTILS_INFINITELOOPS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <string>
#include <vector>

namespace coop {

/// What decides whether an exit is taken. Bits of LoopExit::Dependencies.
enum ExitDependency : unsigned {
  /// A local integer stepped towards a bound the loop does not change
  /// (`if (++tries > 5) break;`): the loop ends by itself.
  DependsOnCounter = 1u << 0,
  /// A by-value parameter or a by-copy lambda capture: chosen by the caller
  /// but fixed for the whole loop, so (like local arithmetic) not a stop
  /// path: an exit on it is taken at once or never.
  DependsOnInput = 1u << 1,
  /// The result of a call, an object a call may have changed (a local passed
  /// by address or non-const reference), or an exception a call threw.
  DependsOnCallResult = 1u << 2,
  /// Memory other code can change: a global, a static, a member, a
  /// by-reference capture, anything behind a pointer, a volatile.
  DependsOnNonLocal = 1u << 3,
  /// An atomic object (std::atomic, std::atomic_flag, _Atomic, atomic
  /// builtins and Interlocked* functions).
  DependsOnAtomic = 1u << 4,
  /// A std::stop_token, coop::stop_token or coop_stop_token, or a boost
  /// interruption point.
  DependsOnStopToken = 1u << 5,
  /// A call to a function named in the check's StopCheckFunctions option.
  DependsOnStopCheckFunction = 1u << 6,
  /// Something the analysis cannot see (a computed goto, dependent code).
  DependsOnUnknown = 1u << 7,
};

/// The dependencies that are a recognised stop check (what StrictMode asks
/// for).
inline constexpr unsigned RecognisedStopChecks =
    DependsOnAtomic | DependsOnStopToken | DependsOnStopCheckFunction;
/// The dependencies through which something outside the loop's local
/// arithmetic can make the loop end while it runs.
inline constexpr unsigned StopPathDependencies =
    DependsOnCallResult | DependsOnNonLocal | DependsOnAtomic |
    DependsOnStopToken | DependsOnStopCheckFunction | DependsOnUnknown;

enum class LoopExitKind {
  Condition,     // the loop's own condition becomes false
  Break,         // a break of this loop
  Return,        // return or co_return
  Goto,          // a goto to a label outside the loop, or a computed goto
  Throw,         // a throw not caught inside the loop
  NoReturnCall,  // a call to a [[noreturn]] function (exit, pthread_exit, ...)
  StopCheckCall, // a call to a StopCheckFunctions function, or a boost
                 // interruption point: it may throw or end the thread
  MayExitCall,   // a call to a function of the TU that throws or does not
                 // return on some path
};

/// One thing an exit depends on, for checks that point at it.
struct ExitSource {
  ExitDependency Kind;
  /// The expression that reads it (a DeclRefExpr, MemberExpr or CallExpr).
  const clang::Expr *Use = nullptr;
  /// The variable or field read, when there is one.
  const clang::ValueDecl *Decl = nullptr;
};

struct LoopExit {
  LoopExitKind Kind;
  /// The break/return/goto/throw/call, or the condition.
  const clang::Stmt *Site = nullptr;
  /// Taken the first time it is reached: no condition guards it.
  bool Unconditional = false;
  /// ExitDependency bits of the conditions guarding the exit (and, for a
  /// call exit, of the call itself).
  unsigned Dependencies = 0;
  llvm::SmallVector<ExitSource, 2> Sources;
};

struct LoopInfo {
  const clang::Stmt *Loop = nullptr;
  /// The condition is absent (`for (;;)`) or always true (`while (true)`,
  /// `while (1)`, `do ... while (1)`, a constexpr true, a local that only
  /// ever holds true).
  bool ConditionAlwaysTrue = false;
  /// Every reachable way out, the condition first when it is not always true.
  std::vector<LoopExit> Exits;

  unsigned allDependencies() const;
  /// An exit is unconditional or counted: the loop ends by itself.
  bool endsByItself() const;
  /// Some exit depends on more than local arithmetic.
  bool hasStopPath() const { return allDependencies() & StopPathDependencies; }
  /// Some exit depends on an atomic, a stop token or a configured
  /// stop-check function.
  bool hasRecognisedStopCheck() const {
    return allDependencies() & RecognisedStopChecks;
  }
  /// Infinite in the sense: the condition never ends it and no way
  /// out depends on anything but local arithmetic.
  bool isInfinite() const {
    return ConditionAlwaysTrue && !endsByItself() && !hasStopPath();
  }
};

struct LoopAnalysisOptions {
  /// Functions whose call is a stop check (hasName() syntax), e.g. a closable
  /// queue's pop.
  std::vector<std::string> StopCheckFunctions;
};

/// The loop kinds the analysis understands.
bool isLoopStmt(const clang::Stmt *S);

/// Analyses loops of one translation unit. Facts about a function (what its
/// locals are assigned from) are computed once per function and cached, so
/// analysing every loop of a function costs one walk of its body plus one
/// walk of each loop.
class LoopAnalyzer {
public:
  LoopAnalyzer(clang::ASTContext &Ctx, LoopAnalysisOptions Opts);
  ~LoopAnalyzer();

  /// Loop is a for, while, do or range-for statement in the body of Fn (for
  /// a lambda, its call operator).
  LoopInfo analyze(const clang::Stmt &Loop, const clang::FunctionDecl &Fn);

  /// Only the condition part: absent or always true.
  bool conditionAlwaysTrue(const clang::Stmt &Loop,
                           const clang::FunctionDecl &Fn);

  /// ExitDependency bits of E, read in Fn; Sources (optional) receives what
  /// they come from.
  unsigned dependenciesOf(const clang::Expr *E, const clang::FunctionDecl &Fn,
                          llvm::SmallVectorImpl<ExitSource> *Sources = nullptr);

  clang::ASTContext &context() const { return Ctx; }

  struct FunctionFacts;

private:
  FunctionFacts &factsOf(const clang::FunctionDecl &Fn);
  /// A function of the TU whose own body throws or makes a [[noreturn]]
  /// call: calling it may end the loop.
  bool calleeMayExit(const clang::FunctionDecl &Callee);

  clang::ASTContext &Ctx;
  LoopAnalysisOptions Opts;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionFacts>>
      Facts;
  llvm::DenseMap<const clang::FunctionDecl *, bool> CalleeMayExit;
  friend class LoopWalker;
  friend class DependencyFinder;
};

} // namespace coop

#endif // COOP_CHECKER_UTILS_INFINITELOOPS_H
