//===--- NonAtomicStopFlagCheck.cpp - coop-non-atomic-stop-flag -----------===//
#include "NonAtomicStopFlagCheck.h"
#include "CheckNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "utils/AtomicRewrite.h"
#include "utils/CheckOptions.h"
#include "utils/HeldLocks.h"
#include "utils/Instantiations.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coop {

NonAtomicStopFlagCheck::NonAtomicStopFlagCheck(StringRef Name,
                                               tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      CheckAllFunctions(readBoolOption(*this, Options, names::NonAtomicStopFlag,
                                       "CheckAllFunctions", false)),
      CallDepth(Options.get("CallDepth", 3U)),
      Includes(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
  ThreadOpts.CallDepth = CallDepth;
  ThreadOpts.BodiesEvenWithoutThreads = CheckAllFunctions;
}

void NonAtomicStopFlagCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CheckAllFunctions",
                CheckAllFunctions ? "true" : "false");
  Options.store(Opts, "CallDepth", CallDepth);
  Options.store(Opts, "IncludeStyle", Includes.style());
}

void NonAtomicStopFlagCheck::registerPPCallbacks(const SourceManager &,
                                                 Preprocessor *PP,
                                                 Preprocessor *) {
  Includes.registerPreprocessor(*PP);
}

void NonAtomicStopFlagCheck::registerMatchers(MatchFinder *Finder) {
  // Every loop of the TU, from the thread-entry walk's list of each body's
  // loops (the walk starts from the TU's top-level declarations): matching
  // the loops and asking for their function would need the parent map
  // (docs/performance.md).
  Finder->addMatcher(translationUnitDecl(), this);
}

/// The loop's own condition, if it has one.
static const Expr *conditionOf(const Stmt &Loop) {
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return While->getCond();
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return Do->getCond();
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return For->getCond();
  return nullptr;
}

/// The variable references evaluated by E itself: not those in a lambda
/// written in E, nor in an unevaluated operand.
static void collectReferences(const Stmt *S,
                              llvm::SmallVectorImpl<const Expr *> &Out) {
  if (!S || isa<LambdaExpr>(S) || isa<BlockExpr>(S) ||
      isa<UnaryExprOrTypeTraitExpr>(S))
    return;
  if (isa<DeclRefExpr>(S) || isa<MemberExpr>(S))
    Out.push_back(cast<Expr>(S));
  for (const Stmt *Child : S->children())
    collectReferences(Child, Out);
}

/// `cfg.rounds` is reported by InfiniteLoops as a read of `cfg`: the read
/// of the member is the MemberExpr that has Use as its base.
static const Expr *memberReadThrough(const Expr &Use, const FunctionDecl &Fn,
                                     BodyParents &Parents) {
  const Expr *Current = &Use;
  for (;;) {
    const auto *Parent =
        dyn_cast_or_null<Expr>(Parents.parentOf(*Current, &Fn));
    if (Parent && (isa<ParenExpr>(Parent) ||
                   (isa<MemberExpr>(Parent) &&
                    cast<MemberExpr>(Parent)->getBase()->IgnoreParenImpCasts() ==
                        Current->IgnoreParenImpCasts() &&
                    !cast<MemberExpr>(Parent)->isArrow()))) {
      Current = Parent;
      continue;
    }
    return Current;
  }
}

static bool endsByItsOwnCounter(const Stmt &Loop);

void NonAtomicStopFlagCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
}

void NonAtomicStopFlagCheck::checkTranslationUnit(ASTContext &Ctx) {
  Threads.ensure(Ctx, ThreadOpts);
  // With no thread started in the TU, every function runs on the threads
  // the TU does not start, which only CheckAllFunctions tells apart.
  if (Threads.launches().empty() && !CheckAllFunctions)
    return;
  Variables.ensure(Ctx);
  Loops = std::make_unique<LoopAnalyzer>(Ctx, LoopAnalysisOptions{});
  // Templates are judged in their patterns (the shared analyses key
  // instantiations to them), so each is reported once.
  for (const FunctionBody &Body : Threads.bodies())
    if (Body.Function->hasBody() && !isInInstantiation(*Body.Function))
      for (const Stmt *Loop : Body.Loops)
        checkLoop(*Loop, *Body.Function, Ctx);
}

void NonAtomicStopFlagCheck::checkLoop(const Stmt &Loop, const FunctionDecl &Fn,
                                       ASTContext &Ctx) {
  // `do { ... } while (0)`, the macro idiom (assert-like macros), runs its
  // body once: nothing in it is polled.
  const Expr *Condition = conditionOf(Loop);
  bool Value = true;
  if (Condition && !Condition->isValueDependent() &&
      !Condition->containsErrors() &&
      Condition->EvaluateAsBooleanCondition(Value, Ctx) && !Value)
    return;

  // What the loop's condition reads, and what the conditions guarding its
  // other exits read (InfiniteLoops follows those through locals).
  llvm::SmallVector<const Expr *, 8> Reads;
  if (Condition && !Condition->containsErrors())
    collectReferences(Condition, Reads);
  if (!endsByItsOwnCounter(Loop)) {
    LoopInfo Info = Loops->analyze(Loop, Fn);
    for (const LoopExit &Exit : Info.Exits) {
      if (Exit.Kind == LoopExitKind::Condition)
        continue;
      for (const ExitSource &Source : Exit.Sources)
        if (Source.Use && Source.Decl)
          Reads.push_back(memberReadThrough(*Source.Use, Fn, Parents));
    }
  }
  llvm::DenseSet<const Expr *> Seen;
  for (const Expr *Read : Reads)
    if (Seen.insert(Read).second)
      checkRead(*Read, Loop, Fn, Ctx);
}

/// The bool and integer variables a thread can poll: not const, not
/// thread-local, not atomic (an atomic type is neither), not a reference.
static bool isFlagVariable(const ValueDecl &Var) {
  QualType T = Var.getType();
  if (T.isNull() || T->isDependentType() || T->isReferenceType() ||
      T.isConstQualified() || T->isEnumeralType() ||
      !(T->isBooleanType() || T->isIntegerType()))
    return false;
  if (const auto *Variable = dyn_cast<VarDecl>(&Var))
    return Variable->getTLSKind() == VarDecl::TLS_None;
  return isa<FieldDecl>(Var);
}

/// `volatile sig_atomic_t` is what a signal handler may write; only a
/// worker thread makes it a race.
static bool isVolatileSigAtomic(QualType T) {
  if (!T.isVolatileQualified())
    return false;
  for (const auto *Typedef = T->getAs<TypedefType>(); Typedef;
       Typedef = Typedef->getDecl()->getUnderlyingType()->getAs<TypedefType>())
    if (Typedef->getDecl()->getName() == "sig_atomic_t")
      return true;
  return false;
}

/// A write in a function to one of its own automatic locals (not one a
/// lambda captured, not through an escaped address): another run of the
/// function writes its own copy, never this one.
static bool isOwnLocalWrite(const VariableAccess &Access, const ValueDecl &Var) {
  const auto *Local = dyn_cast<VarDecl>(&Var);
  if (Access.Kind != AccessKind::Write || !Local || !Local->hasLocalStorage())
    return false;
  const auto *Owner = dyn_cast_or_null<FunctionDecl>(
      Local->getParentFunctionOrMethod());
  return Owner && Access.Function &&
         Owner->getCanonicalDecl() == Access.Function->getCanonicalDecl();
}

static bool refersTo(const Expr *E, const VarDecl &Var) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts()
                                                    : nullptr);
  return Ref && Ref->getDecl()->getCanonicalDecl() == Var.getCanonicalDecl();
}

/// True if S declares Var, assigns it, or increments or decrements it.
static bool changesIn(const Stmt *S, const VarDecl &Var) {
  if (!S)
    return false;
  if (const auto *Decls = dyn_cast<DeclStmt>(S))
    for (const Decl *D : Decls->decls())
      if (D->getCanonicalDecl() == Var.getCanonicalDecl())
        return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if (UO->isIncrementDecrementOp() && refersTo(UO->getSubExpr(), Var))
      return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->isAssignmentOp() && refersTo(BO->getLHS(), Var))
      return true;
  for (const Stmt *Child : S->children())
    if (changesIn(Child, Var))
      return true;
  return false;
}

static void collectVariables(const Stmt *S,
                             llvm::SmallVectorImpl<const VarDecl *> &Out) {
  if (!S || isa<LambdaExpr>(S) || isa<BlockExpr>(S))
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      Out.push_back(Var);
  for (const Stmt *Child : S->children())
    collectVariables(Child, Out);
}

/// True if Read is the bound of a counting loop: one side of `<`, `<=`, `>`
/// or `>=` whose other side is a variable the loop itself declares or
/// changes (`for (i = 0; i < rounds; ++i)`, `int cpu = f(); if (cpu > max)`).
/// Such a loop ends by its own progress; a bound read once would not keep
/// it running, so it is not a stop flag.
static bool isCountingBound(const Expr &Read, const Stmt &Loop,
                            const FunctionDecl &Fn, BodyParents &Parents) {
  const Expr *Current = &Read;
  for (;;) {
    const auto *Parent =
        dyn_cast_or_null<Expr>(Parents.parentOf(*Current, &Fn));
    if (!Parent)
      return false;
    if (isa<ParenExpr>(Parent) || isa<ImplicitCastExpr>(Parent)) {
      Current = Parent;
      continue;
    }
    const auto *Compare = dyn_cast<BinaryOperator>(Parent);
    if (!Compare || !Compare->isRelationalOp())
      return false;
    const Expr *Other =
        Compare->getLHS() == Current ? Compare->getRHS() : Compare->getLHS();
    llvm::SmallVector<const VarDecl *, 4> Vars;
    collectVariables(Other, Vars);
    return llvm::any_of(Vars, [&](const VarDecl *Var) {
      return changesIn(&Loop, *Var);
    });
  }
}

/// True if the loop's own condition compares a variable the loop changes
/// (`for (i = 0; i < N; ++i)`). Such a loop ends by its own progress: an exit
/// that a shared variable guards inside it can only end it early, and a
/// hoisted load of that variable cannot keep it running, so those guards are
/// not polled stop flags (glibc tst-signal6.c in docs/real-world.md).
static bool endsByItsOwnCounter(const Stmt &Loop) {
  const Expr *Condition = conditionOf(Loop);
  const auto *Compare =
      Condition ? dyn_cast<BinaryOperator>(Condition->IgnoreParenImpCasts())
                : nullptr;
  if (!Compare || !Compare->isRelationalOp())
    return false;
  llvm::SmallVector<const VarDecl *, 4> Vars;
  collectVariables(Compare, Vars);
  return llvm::any_of(Vars,
                      [&](const VarDecl *Var) { return changesIn(&Loop, *Var); });
}

void NonAtomicStopFlagCheck::checkRead(const Expr &Read, const Stmt &Loop,
                                       const FunctionDecl &Fn,
                                       ASTContext &Ctx) {
  const VariableAccess *Access = Variables.accessAt(&Read);
  if (!Access || Access->Kind != AccessKind::Read)
    return;
  const ValueDecl *Var = sharedVariableKeyOf(&Read);
  if (!Var || !isFlagVariable(*Var) || isCountingBound(Read, Loop, Fn, Parents))
    return;
  llvm::SmallVector<const ValueDecl *, 2> ReadLocks =
      heldMutexes(Read, &Fn, Parents);
  const VariableAccess *Writer =
      writerOnOtherThread(*Var, Read, Fn, ReadLocks, Ctx);
  if (!Writer || guardedBySameMutex(*Var, Read, Fn, ReadLocks, Ctx))
    return;

  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = userFacingLoc(SM, nameLoc(Read));
  // Two flags read in one macro expansion share its location.
  auto FlagIndex = FlagIds.try_emplace(Var, FlagIds.size()).first->second;
  if (!Reported.firstTime(Loc, FlagIndex))
    return;
  const LangOptions &LO = getLangOpts();
  std::string Replacement =
      atomicSpellingOf(*Var, Ctx) +
      (LO.CPlusPlus ? " (or a coop::stop_token)" : " (or a coop_stop_token)");
  {
    auto Diag =
        Var->getType().isVolatileQualified()
            ? diag(Loc, "'%0' is volatile, which does not synchronise threads: "
                        "this loop reads it while another thread writes it, a "
                        "data race that orders no other memory; cooperative "
                        "replacement: %1")
            : diag(Loc, "'%0' is read by this loop while another thread "
                        "writes it, with no synchronisation: a data race, so "
                        "the compiler may hoist the load and the loop never "
                        "end; cooperative replacement: %1");
    Diag << Var->getName() << Replacement;
    if (Fixed.insert(Var).second)
      if (std::optional<AtomicRewrite> Rewrite =
              rewriteAsAtomic(*Var, Variables, Parents, Ctx)) {
        for (const FixItHint &Edit : Rewrite->Edits)
          Diag << Edit;
        if (!Rewrite->Header.empty())
          Diag << Includes.mainFileInsertion(Rewrite->Header);
      }
  }
  // The definition, when the TU has one: an `extern` in a header says less.
  const ValueDecl *Declaration = Var;
  if (const auto *Variable = dyn_cast<VarDecl>(Var))
    if (const VarDecl *Definition = Variable->getDefinition())
      Declaration = Definition;
  diag(Declaration->getLocation(), "'%0' is declared here", DiagnosticIDs::Note)
      << Var->getName();
  SourceLocation WriteLoc = userFacingLoc(SM, nameLoc(*Writer->Ref));
  if (Writer->Kind == AccessKind::Escape)
    diag(WriteLoc,
         "a reference to '%0' escapes here, so another thread may write it",
         DiagnosticIDs::Note)
        << Var->getName();
  else
    diag(WriteLoc, "another thread writes '%0' here", DiagnosticIDs::Note)
        << Var->getName();
}

/// True if E is the pointer Entry was started with: its first parameter, or
/// a local that only ever holds it (`struct data *td = arg;`).
static bool isStartPointer(const Expr *E, const FunctionDecl &Entry,
                           ASTContext &Ctx) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
    if (!Ref)
      return false;
    if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl())) {
      const auto *Owner = dyn_cast<FunctionDecl>(Param->getDeclContext());
      return Owner && Param->getFunctionScopeIndex() == 0 &&
             Owner->getCanonicalDecl() == Entry.getCanonicalDecl();
    }
    E = onlyInitializer(Ref, Ctx, FollowLocals::Yes);
  }
  return false;
}

/// `&pool[i]` or `pool + i`, with an index that is not a constant: a launch
/// in a loop hands each thread another element.
static bool isElementPerLaunch(const Expr *Arg, ASTContext &Ctx) {
  if (!Arg)
    return false;
  Arg = Arg->IgnoreParenCasts();
  const Expr *Index = nullptr;
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(Arg)) {
    if (AddrOf->getOpcode() == UO_AddrOf)
      if (const auto *Element = dyn_cast<ArraySubscriptExpr>(
              AddrOf->getSubExpr()->IgnoreParenImpCasts()))
        Index = Element->getIdx();
  } else if (const auto *Add = dyn_cast<BinaryOperator>(Arg)) {
    if (Add->getOpcode() == BO_Add && Add->getType()->isPointerType())
      Index = Add->getLHS()->getType()->isPointerType() ? Add->getRHS()
                                                         : Add->getLHS();
  }
  return Index && !Index->isValueDependent() &&
         !Index->isIntegerConstantExpr(Ctx);
}

/// A thread pool's per-thread state: every launch of the entry hands its
/// thread another element of an array (`pthread_create(&t[i], NULL, entry,
/// &pool[i])`), the entry writes a member through that pointer
/// (`td->n = ...`), and code that runs only on that entry's threads reads
/// the member through a pointer it was given. Each thread writes its own
/// element. (A read through a fixed element, `pool[0].n`, is still judged
/// by the other writes.)
bool NonAtomicStopFlagCheck::writesOwnStartElement(const VariableAccess &Access,
                                                   const Expr &Read,
                                                   const FunctionDecl &Reader,
                                                   ASTContext &Ctx) {
  const auto *Write = dyn_cast<MemberExpr>(Access.Ref);
  const auto *ReadMember = dyn_cast<MemberExpr>(&Read);
  const FunctionDecl *Entry = Access.Function;
  if (!Write || !ReadMember || !Write->isArrow() || !ReadMember->isArrow())
    return false;
  const auto *ReadBase =
      dyn_cast<DeclRefExpr>(ReadMember->getBase()->IgnoreParenImpCasts());
  const auto *ReadPointer =
      ReadBase ? dyn_cast<VarDecl>(ReadBase->getDecl()) : nullptr;
  // Last of the cheap tests: following a local walks its function's body.
  if (!ReadPointer || !ReadPointer->hasLocalStorage() ||
      !isStartPointer(Write->getBase(), *Entry, Ctx))
    return false;
  auto StartsEntry = [&](const ThreadLaunch &Launch) {
    return Launch.Entry &&
           Launch.Entry->getCanonicalDecl() == Entry->getCanonicalDecl();
  };
  bool Started = false;
  for (const ThreadLaunch &Launch : Threads.launches())
    if (StartsEntry(Launch)) {
      if (!isElementPerLaunch(Launch.StartArgument, Ctx))
        return false;
      Started = true;
    }
  llvm::ArrayRef<WorkerReach> Reaches = Threads.reachesOf(&Reader);
  return Started && !Reaches.empty() &&
         llvm::all_of(Reaches, [&](const WorkerReach &Reach) {
           return StartsEntry(*Reach.Launch);
         });
}

bool NonAtomicStopFlagCheck::writesOnOtherThread(const VariableAccess &Access,
                                                 const ValueDecl &Var,
                                                 const Expr &Read,
                                                 const FunctionDecl &Reader,
                                                 ASTContext &Ctx) {
  if (Access.Kind != AccessKind::Write && Access.Kind != AccessKind::Escape)
    return false;
  // Namespace-scope initializers and a constructor initialising its own
  // object run before any thread can see the variable.
  if (!Access.Function || Access.InOwnConstructor)
    return false;
  if (writesOwnStartElement(Access, Read, Reader, Ctx))
    return false;
  // The reader's own writes race only with another thread running the same
  // function (a launch in a loop), and only on a variable the runs share:
  // each run has its own automatic locals.
  if (Access.Function->getCanonicalDecl() == Reader.getCanonicalDecl())
    return runsOnSeveralThreads(Reader) && !isOwnLocalWrite(Access, Var);
  bool UnknownThreadsDiffer =
      CheckAllFunctions && !isVolatileSigAtomic(Var.getType());
  return mayRunOnDifferentThreads(Reader, *Access.Function,
                                  UnknownThreadsDiffer);
}

const VariableAccess *NonAtomicStopFlagCheck::writerOnOtherThread(
    const ValueDecl &Var, const Expr &Read, const FunctionDecl &Reader,
    llvm::ArrayRef<const ValueDecl *> ReadLocks, ASTContext &Ctx) {
  // The note shows the most telling write: an assignment rather than an
  // escaping reference, and one not under a lock the read holds.
  const VariableAccess *Best = nullptr;
  unsigned BestRank = ~0u;
  for (const VariableAccess &Access : Variables.accessesOf(&Var)) {
    if (!writesOnOtherThread(Access, Var, Read, Reader, Ctx))
      continue;
    bool SharesLock = false;
    if (!ReadLocks.empty())
      for (const ValueDecl *M :
           heldMutexes(*Access.Ref, Access.Function, Parents))
        SharesLock |= llvm::is_contained(ReadLocks, M);
    unsigned Rank = (Access.Kind == AccessKind::Escape) * 2 + SharesLock;
    if (Rank < BestRank) {
      Best = &Access;
      BestRank = Rank;
    }
  }
  return Best;
}

bool NonAtomicStopFlagCheck::guardedBySameMutex(
    const ValueDecl &Var, const Expr &Read, const FunctionDecl &Reader,
    llvm::ArrayRef<const ValueDecl *> ReadLocks, ASTContext &Ctx) {
  llvm::SmallVector<const ValueDecl *, 2> Common(ReadLocks.begin(),
                                                 ReadLocks.end());
  for (const VariableAccess &Access : Variables.accessesOf(&Var)) {
    if (Common.empty())
      return false;
    if (!writesOnOtherThread(Access, Var, Read, Reader, Ctx))
      continue;
    llvm::SmallVector<const ValueDecl *, 2> Held =
        heldMutexes(*Access.Ref, Access.Function, Parents);
    llvm::erase_if(Common, [&](const ValueDecl *M) {
      return !llvm::is_contained(Held, M);
    });
  }
  return !Common.empty();
}

bool NonAtomicStopFlagCheck::launchRepeats(const ThreadLaunch &Launch) {
  auto [It, Inserted] = RepeatedLaunches.try_emplace(&Launch, false);
  if (!Inserted || !Launch.Creation)
    return It->second;
  // Up to the function's (or the lambda's) body; a launch at namespace
  // scope runs once.
  const Stmt *Node = Launch.Creation;
  for (unsigned Steps = 0; Steps < 4096; ++Steps) {
    const Stmt *Parent = Parents.parentOf(*Node, Launch.Launcher);
    if (!Parent || isa<LambdaExpr>(Parent))
      break;
    if (isLoopStmt(Parent)) {
      It->second = true;
      break;
    }
    Node = Parent;
  }
  return It->second;
}

bool NonAtomicStopFlagCheck::runsOnSeveralThreads(const FunctionDecl &Fn) {
  for (const WorkerReach &Reach : Threads.reachesOf(&Fn))
    if (launchRepeats(*Reach.Launch))
      return true;
  return false;
}

bool NonAtomicStopFlagCheck::mayRunOnDifferentThreads(
    const FunctionDecl &A, const FunctionDecl &B, bool UnknownThreadsDiffer) {
  // The threads a function may run on: each launch that reaches it, or the
  // thread(s) not started in this TU (main, a caller's) when none does.
  struct ThreadId {
    const ThreadLaunch *Launch; // null: a thread not started in this TU
    bool Several;
  };
  auto ThreadsOf = [&](const FunctionDecl &Fn) {
    llvm::SmallVector<ThreadId, 2> Ids;
    for (const WorkerReach &Reach : Threads.reachesOf(&Fn))
      Ids.push_back({Reach.Launch, launchRepeats(*Reach.Launch)});
    if (Ids.empty())
      Ids.push_back({nullptr, UnknownThreadsDiffer});
    return Ids;
  };
  for (const ThreadId &X : ThreadsOf(A))
    for (const ThreadId &Y : ThreadsOf(B))
      if (X.Launch != Y.Launch || X.Several)
        return true;
  return false;
}

void NonAtomicStopFlagCheck::onStartOfTranslationUnit() {
  Threads.reset();
  Variables.reset();
}

void NonAtomicStopFlagCheck::onEndOfTranslationUnit() {
  if (Context)
    checkTranslationUnit(*Context);
  Context = nullptr;
  Loops.reset();
  Parents.clear();
  Reported.clear();
  Fixed.clear();
  FlagIds.clear();
  RepeatedLaunches.clear();
  Includes.clear();
}

} // namespace coop
