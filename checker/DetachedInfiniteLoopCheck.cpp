#include "DetachedInfiniteLoopCheck.h"
#include "CheckNames.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "utils/CheckOptions.h"
#include "utils/LibraryCode.h"
#include "utils/Names.h"
#include "utils/OptionFields.h"
#include "utils/UnsafeApiTable.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coop {

DetachedInfiniteLoopCheck::DetachedInfiniteLoopCheck(
    StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      CallDepth(Options.get("CallDepth", 3U)),
      StopCheckFunctionsOption(Options.get("StopCheckFunctions", "")),
      StrictMode(readBoolOption(*this, Options, Name, "StrictMode", false)),
      CheckJoinableThreads(
          readBoolOption(*this, Options, Name, "CheckJoinableThreads", false)),
      ExtraThreadFunctionsOption(Options.get("ExtraThreadFunctions", "")) {
  ThreadOpts.CallDepth = CallDepth;
  // "create:detach" pairs; "create:" or "create" for a function that always
  // detaches.
  for (StringRef Pair :
       tidy::utils::options::parseStringList(ExtraThreadFunctionsOption)) {
    SmallVector<StringRef, 3> Fields = splitOptionFields(Pair);
    StringRef Create = Fields[0];
    StringRef Detach = Fields.size() > 1 ? Fields[1] : StringRef();
    if (!Create.empty())
      ThreadOpts.ExtraCreateDetach.emplace_back(Create.str(), Detach.str());
  }
  for (StringRef Fn :
       tidy::utils::options::parseStringList(StopCheckFunctionsOption))
    if (!Fn.trim().empty())
      LoopOpts.StopCheckFunctions.push_back(Fn.trim().str());
}

void DetachedInfiniteLoopCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CallDepth", CallDepth);
  Options.store(Opts, "StopCheckFunctions", StopCheckFunctionsOption);
  // Booleans as strings: OptionsView::store<bool> is mangled differently by
  // GCC and by the Clang that built libclangTidy.
  Options.store(Opts, "StrictMode", StrictMode ? "true" : "false");
  Options.store(Opts, "CheckJoinableThreads",
                CheckJoinableThreads ? "true" : "false");
  Options.store(Opts, "ExtraThreadFunctions", ExtraThreadFunctionsOption);
}

void DetachedInfiniteLoopCheck::registerMatchers(MatchFinder *Finder) {
  // The loops worth judging are those of the functions that run on a
  // thread, which the thread-entry walk over the TU's top-level declarations
  // lists with their loops: matching every loop of the TU and asking for its
  // function would need the parent map (docs/performance.md).
  Finder->addMatcher(translationUnitDecl(), this);
}

/// The keyword that starts a loop: where the warning (and NOLINT) goes.
static SourceLocation loopKeyword(const Stmt &Loop) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return For->getForLoc();
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return While->getWhileLoc();
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return Do->getDoLoc();
  return Loop.getBeginLoc();
}

/// Where a call is written: `f(...)`, `obj.f(...)`, and `callable(...)`
/// (whose operator call otherwise starts at the parenthesis).
static SourceLocation callLoc(const CallExpr &Call) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call))
    if (Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
      return Op->getArg(0)->getBeginLoc();
  return Call.getBeginLoc();
}

static bool isLambdaCallOperator(const FunctionDecl &FD) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  return Method && Method->getParent()->isLambda();
}

/// The name to show for a function: the template's, not one
/// specialisation's, since a template is reported once.
static std::string functionName(const FunctionDecl &FD) {
  const FunctionDecl *Named = &FD;
  if (const FunctionDecl *Pattern = FD.getTemplateInstantiationPattern())
    Named = Pattern;
  // As written: no "(anonymous namespace)::", no inline namespaces.
  PrintingPolicy Policy(FD.getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  Named->printQualifiedName(OS, Policy);
  return OS.str();
}

/// The table row that names the replacement for a launch.
static const UnsafeApi &replacementRow(const ThreadLaunch &Launch) {
  switch (Launch.Kind) {
  case ThreadLaunchKind::StdJthread:
  case ThreadLaunchKind::CoopJthread:
    return unsafeApi(UnsafeApiId::DetachStdJthread);
  case ThreadLaunchKind::BoostThread:
    return unsafeApi(UnsafeApiId::DetachBoostThread);
  case ThreadLaunchKind::PthreadCreate:
    if (Launch.DetachSite)
      if (const auto *Call = dyn_cast<CallExpr>(Launch.DetachSite))
        if (const FunctionDecl *Callee = Call->getDirectCallee())
          if (Callee->getIdentifier() &&
              Callee->getName() == "pthread_attr_setdetachstate")
            return unsafeApi(UnsafeApiId::PthreadCreateDetached);
    return unsafeApi(UnsafeApiId::PthreadDetach);
  case ThreadLaunchKind::WinBeginThread:
    return unsafeApi(UnsafeApiId::BeginThread);
  case ThreadLaunchKind::WinBeginThreadEx:
  case ThreadLaunchKind::WinCreateThread:
    return unsafeApi(UnsafeApiId::CloseThreadHandle);
  case ThreadLaunchKind::Custom:
    if (const auto *Call = dyn_cast<CallExpr>(Launch.Creation))
      if (matchesName(Call->getDirectCallee(), "::coop_thread_start"))
        return unsafeApi(UnsafeApiId::DetachCoopThread);
    break;
  case ThreadLaunchKind::StdThread:
    break;
  }
  return unsafeApi(UnsafeApiId::DetachStdThread);
}

/// How the launch names the thread API: "std::thread", "pthread_create",
/// or the custom function or class.
static std::string launchApiName(const ThreadLaunch &Launch) {
  if (Launch.Kind != ThreadLaunchKind::Custom)
    return threadLaunchKindName(Launch.Kind).str();
  if (const auto *Call = dyn_cast<CallExpr>(Launch.Creation))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return Callee->getQualifiedNameAsString();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Launch.Creation))
    return Construct->getConstructor()->getParent()->getQualifiedNameAsString();
  return threadLaunchKindName(Launch.Kind).str();
}

void DetachedInfiniteLoopCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
}

void DetachedInfiniteLoopCheck::checkTranslationUnit(ASTContext &Ctx) {
  Threads.ensure(Ctx, ThreadOpts);
  if (Threads.workerFunctions().empty())
    return;
  Loops = std::make_unique<LoopAnalyzer>(Ctx, LoopOpts);
  // In the order of the walk, where a template's pattern comes before its
  // instantiations: the pattern's reaches gather every instantiation's
  // launches, so its report names them all.
  for (const FunctionBody &Body : Threads.bodies())
    if (Threads.runsOnWorker(Body.Function))
      for (const Stmt *Loop : Body.Loops)
        // Range-for loops end with their range.
        if (!isa<CXXForRangeStmt>(Loop))
          checkLoop(*Loop, *Body.Function, Ctx.getSourceManager());
}

void DetachedInfiniteLoopCheck::checkLoop(const Stmt &Loop,
                                          const FunctionDecl &Fn,
                                          const SourceManager &SM) {
  if (!Fn.hasBody() || Fn.isInvalidDecl() ||
      isInSystemHeader(SM, Loop.getBeginLoc()))
    return;
  SourceLocation Loc = userFacingLoc(SM, loopKeyword(Loop));
  if (Covered.contains(Loc))
    return;
  // Cheap test first.
  if (!Loops->conditionAlwaysTrue(Loop, Fn))
    return;
  llvm::SmallVector<const WorkerReach *, 4> Reaches;
  for (const WorkerReach &Reach : Threads.reachesOf(&Fn))
    if (Reach.Launch->Detached || CheckJoinableThreads)
      Reaches.push_back(&Reach);
  if (Reaches.empty())
    return;
  LoopInfo Info = Loops->analyze(Loop, Fn);
  bool Flagged = StrictMode ? !Info.endsByItself() && !Info.hasRecognisedStopCheck()
                            : Info.isInfinite();
  if (!Flagged)
    return;
  report(Loop, Info, Reaches, SM);
}

void DetachedInfiniteLoopCheck::report(const Stmt &Loop, const LoopInfo &Info,
                                       llvm::ArrayRef<const WorkerReach *> Reaches,
                                       const SourceManager &SM) {
  SourceLocation Loc = userFacingLoc(SM, loopKeyword(Loop));
  if (!Reported.firstTime(Loc))
    return;

  // The closest launch names the entry; detached launches first.
  const WorkerReach *Primary = Reaches.front();
  for (const WorkerReach *Reach : Reaches) {
    bool Better = Reach->Launch->Detached != Primary->Launch->Detached
                      ? Reach->Launch->Detached
                      : Reach->Depth < Primary->Depth;
    if (Better)
      Primary = Reach;
  }
  const ThreadLaunch &Launch = *Primary->Launch;
  const FunctionDecl &Entry = *Launch.Entry;
  bool EntryIsLambda = isLambdaCallOperator(Entry);

  diag(Loc, "%select{thread entry '%1'|the lambda run by the thread}0 runs "
            "%select{an infinite loop with no stop check|a loop whose ways out "
            "include no recognised stop check (an atomic, a stop token or a "
            "StopCheckFunctions call)}2; the %select{detached thread can never "
            "be stopped cooperatively|thread can never be stopped "
            "cooperatively, and joining it blocks forever}3; cooperative "
            "replacement: %4")
      << EntryIsLambda << (EntryIsLambda ? "" : functionName(Entry))
      << Info.hasStopPath() << !Launch.Detached
      << replacementRow(Launch).replacementFor(getLangOpts());

  // Where the threads are started and detached, each site once.
  ReportedLocations Noted;
  for (const WorkerReach *Reach : Reaches) {
    const ThreadLaunch &L = *Reach->Launch;
    if (!L.Creation)
      continue;
    SourceLocation Created = userFacingLoc(SM, L.Creation->getBeginLoc());
    if (Noted.firstTime(Created))
      diag(Created, "thread started here by '%0'%select{|, which always "
                    "detaches it}1",
           DiagnosticIDs::Note)
          << launchApiName(L) << isDetachedByConstruction(L.Kind);
    if (L.DetachSite) {
      SourceLocation Detached = userFacingLoc(SM, L.DetachSite->getExprLoc());
      if (Noted.firstTime(Detached))
        diag(Detached, "thread detached here", DiagnosticIDs::Note);
    }
  }

  // The calls from the entry to the function with the loop.
  llvm::SmallVector<const WorkerReach *, 4> Chain;
  for (const WorkerReach *Step = Primary; Step && Step->ReachedVia;) {
    Chain.push_back(Step);
    const WorkerReach *Next = nullptr;
    for (const WorkerReach &Up : Threads.reachesOf(Step->Caller))
      if (Up.Launch == Step->Launch && Up.Depth < Step->Depth)
        Next = &Up;
    Step = Next;
  }
  for (const WorkerReach *Step : llvm::reverse(Chain)) {
    unsigned Caller = 0; // a named function
    if (isLambdaCallOperator(*Step->Caller))
      Caller = Step->Caller->getCanonicalDecl() ==
                       Launch.Entry->getCanonicalDecl()
                   ? 1  // the thread's lambda
                   : 2; // a lambda it calls
    diag(userFacingLoc(SM, callLoc(*Step->ReachedVia)),
         "reached from %select{'%1'|the thread's lambda|a lambda}0 via this "
         "call",
         DiagnosticIDs::Note)
        << Caller << (Caller ? "" : functionName(*Step->Caller));
  }

  // An inner loop of a reported loop is part of the same finding.
  for (const Stmt *Child : Loop.children()) {
    llvm::SmallVector<const Stmt *, 16> Work{Child};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (isLoopStmt(S))
        Covered.insert(userFacingLoc(SM, loopKeyword(*S)));
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
  }
}

void DetachedInfiniteLoopCheck::onStartOfTranslationUnit() {
  Threads.reset();
}

void DetachedInfiniteLoopCheck::onEndOfTranslationUnit() {
  if (Context)
    checkTranslationUnit(*Context);
  Context = nullptr;
  Loops.reset();
  Reported.clear();
  Covered.clear();
}

} // namespace coop
