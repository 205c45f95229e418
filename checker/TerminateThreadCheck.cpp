#include "TerminateThreadCheck.h"
#include "CheckNames.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "utils/CheckOptions.h"
#include "utils/ConstantValue.h"
#include "utils/UnsafeApiTable.h"
#include "utils/Unevaluated.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coop {
namespace {

/// The kinds of API this check reports; each is judged its own way.
enum class ApiFamily {
  Kill,            // TerminateThread and its ntdll forms: any reference
  Suspend,         // SuspendThread and its ntdll forms: not on the caller
  Exit,            // ExitThread, _endthread(ex): any reference, C++ only
  QtTerminate,     // QThread::terminate: any reference
  QtEnable,        // QThread::setTerminationEnabled: with true
  SignalSyscall,   // syscall(SYS_tgkill / SYS_tkill): terminating signal
  NotThisCheck,
};

ApiFamily familyOf(UnsafeApiId Id) {
  switch (Id) {
  case UnsafeApiId::TerminateThread:
  case UnsafeApiId::NtTerminateThread:
  case UnsafeApiId::ZwTerminateThread:
    return ApiFamily::Kill;
  case UnsafeApiId::SuspendThread:
  case UnsafeApiId::NtSuspendThread:
  case UnsafeApiId::ZwSuspendThread:
    return ApiFamily::Suspend;
  case UnsafeApiId::ExitThread:
  case UnsafeApiId::EndThread:
  case UnsafeApiId::EndThreadEx:
    return ApiFamily::Exit;
  case UnsafeApiId::QThreadTerminate:
    return ApiFamily::QtTerminate;
  case UnsafeApiId::QThreadSetTerminationEnabled:
    return ApiFamily::QtEnable;
  case UnsafeApiId::SyscallTgkill:
  case UnsafeApiId::SyscallTkill:
    return ApiFamily::SignalSyscall;
  default:
    return ApiFamily::NotThisCheck;
  }
}

bool isGlobalFunctionFamily(ApiFamily F) {
  return F == ApiFamily::Kill || F == ApiFamily::Suspend ||
         F == ApiFamily::Exit;
}

/// The real Windows, CRT and libc functions are declared at global scope,
/// or extern "C" (which is the same function wherever it is declared); a
/// same-named function in a namespace or a class is the user's own.
bool isGlobalOrExternC(const FunctionDecl &Function) {
  if (isa<CXXMethodDecl>(Function))
    return false;
  return Function.isExternC() ||
         Function.getDeclContext()->getRedeclContext()->isTranslationUnit();
}

AST_MATCHER(FunctionDecl, isGlobalOrExternCFunction) {
  return isGlobalOrExternC(Node);
}

/// The table entry for a global function of this check, by its plain name.
const UnsafeApi *globalFunctionApi(StringRef Name) {
  const UnsafeApi *Api =
      findUnsafeApi(names::TerminateThread, ("::" + Name).str());
  if (Api && isGlobalFunctionFamily(familyOf(Api->Id)))
    return Api;
  return nullptr;
}

/// True if Call calls the global or extern "C" function Name.
bool callsGlobal(const Expr *E, StringRef Name) {
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  if (!Call)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && Callee->getIdentifier() && Callee->getName() == Name &&
         isGlobalOrExternC(*Callee);
}

/// True if Handle evaluates to the pseudo-handle GetCurrentThread() returns:
/// (HANDLE)-2, which is also what NtCurrentThread() expands to.
bool isCurrentThreadPseudoHandle(const Expr &Handle, ASTContext &Ctx) {
  if (!Handle.getType()->isPointerType())
    return false;
  Expr::EvalResult Result;
  if (!Handle.EvaluateAsRValue(Result, Ctx) || !Result.Val.isLValue() ||
      !Result.Val.getLValueBase().isNull())
    return false;
  // Compared in the pointer's width: -2 on a 32-bit target is 0xFFFFFFFE.
  uint64_t PointerBits = Ctx.getTypeSize(Handle.getType());
  uint64_t Mask = PointerBits >= 64 ? ~uint64_t(0)
                                    : (uint64_t(1) << PointerBits) - 1;
  auto Address =
      static_cast<uint64_t>(Result.Val.getLValueOffset().getQuantity());
  return (Address & Mask) == (static_cast<uint64_t>(-2) & Mask);
}

/// True if Handle provably names the calling thread: GetCurrentThread(), its
/// pseudo-handle constant, OpenThread(…, GetCurrentThreadId()), or a variable
/// that only ever holds one of these (ConstantValue's rules). Anything else
/// (a parameter, a member, a variable assigned twice) may be another thread.
bool isCurrentThreadHandle(const Expr *Handle, ASTContext &Ctx) {
  // Bounded: `HANDLE h = h;` compiles.
  for (unsigned Depth = 0; Handle && Depth < 8; ++Depth) {
    Handle = Handle->IgnoreParenImpCasts();
    if (Handle->isTypeDependent() || Handle->isValueDependent() ||
        Handle->containsErrors())
      return false;
    if (callsGlobal(Handle, "GetCurrentThread"))
      return true;
    if (callsGlobal(Handle, "OpenThread")) {
      const auto *Open = cast<CallExpr>(Handle);
      return Open->getNumArgs() == 3 &&
             callsGlobal(Open->getArg(2)->IgnoreParenImpCasts(),
                         "GetCurrentThreadId");
    }
    if (isCurrentThreadPseudoHandle(*Handle, Ctx))
      return true;
    Handle = onlyInitializer(Handle, Ctx, FollowLocals::Yes);
  }
  return false;
}

/// Qt's QThread: the global class, or the class in the namespace a Qt built
/// with -qtnamespace uses (the TU's QT_NAMESPACE macro names it).
bool isQtsQThread(const CXXRecordDecl &Class, const Preprocessor *PP) {
  const DeclContext *Scope = Class.getDeclContext()->getRedeclContext();
  if (Scope->isTranslationUnit())
    return true;
  const auto *Namespace = dyn_cast<NamespaceDecl>(Scope);
  if (!Namespace || !PP || Namespace->isAnonymousNamespace() ||
      !Namespace->getParent()->getRedeclContext()->isTranslationUnit())
    return false;
  const IdentifierInfo *QtNamespace = PP->getIdentifierInfo("QT_NAMESPACE");
  const MacroInfo *MI =
      QtNamespace ? PP->getMacroInfo(QtNamespace) : nullptr;
  if (!MI || MI->getNumTokens() != 1 ||
      !MI->getReplacementToken(0).is(tok::identifier))
    return false;
  return MI->getReplacementToken(0).getIdentifierInfo()->getName() ==
         Namespace->getName();
}

/// Code that does not compile: a call with a broken argument, say.
const clang::ast_matchers::internal::VariadicDynCastAllOfMatcher<Stmt, RecoveryExpr>
    recoveryExpr;

} // namespace

TerminateThreadCheck::TerminateThreadCheck(StringRef Name,
                                           tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      AllowedSignalsOption(Options.get("AllowedSignals", WakeUpSignals)),
      WarnOnSuspendThread(readBoolOption(*this, Options, Name,
                                         "WarnOnSuspendThread", true)) {
  applyAllowedSignals(*this, Name, AllowedSignalsOption, Signals);
}

void TerminateThreadCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowedSignals", AllowedSignalsOption);
  Options.store(Opts, "WarnOnSuspendThread",
                WarnOnSuspendThread ? "true" : "false");
}

void TerminateThreadCheck::registerPPCallbacks(const SourceManager &,
                                               Preprocessor *NewPP,
                                               Preprocessor *) {
  PP = NewPP;
  Signals.setPreprocessor(NewPP);
}

void TerminateThreadCheck::registerMatchers(MatchFinder *Finder) {
  std::vector<StringRef> GlobalNames, SuspendNames;
  for (const UnsafeApi *Api : unsafeApisOf(names::TerminateThread)) {
    ApiFamily Family = familyOf(Api->Id);
    if (isGlobalFunctionFamily(Family))
      GlobalNames.push_back(Api->spelledName());
    if (Family == ApiFamily::Suspend)
      SuspendNames.push_back(Api->spelledName());
  }

  auto GlobalFunction =
      functionDecl(hasAnyName(GlobalNames), isGlobalOrExternCFunction())
          .bind("function");
  // Any reference: a call, or the address stored for a later call.
  Finder->addMatcher(declRefExpr(to(GlobalFunction)).bind("function-ref"),
                     this);
  // A call with a dependent argument in a template that is never
  // instantiated still names the function through an unresolved lookup.
  Finder->addMatcher(
      unresolvedLookupExpr(hasAnyDeclaration(GlobalFunction))
          .bind("function-ref"),
      this);
  // SuspendThread is judged by its argument, call by call: each
  // instantiation of a template has its own.
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(SuspendNames),
                                   isGlobalOrExternCFunction())
                          .bind("function")))
          .bind("suspend-call"),
      this);
  // How each reference to SuspendThread is used, seen from the call or the
  // broken expression around it (matched before the reference itself: the
  // matchers run in traversal order, parents first).
  Finder->addMatcher(
      callExpr(callee(expr(ignoringParenImpCasts(unresolvedLookupExpr(
                   hasAnyDeclaration(functionDecl(hasAnyName(SuspendNames))))))))
          .bind("unresolved-suspend-call"),
      this);
  Finder->addMatcher(recoveryExpr().bind("broken"), this);
  // The address looked up by name, the usual way to reach ntdll's functions.
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasName("GetProcAddress"),
                                   isGlobalOrExternCFunction())),
               hasArgument(1, ignoringParenCasts(
                                  stringLiteral().bind("proc-name")))),
      this);

  // QThread's members, also when reached through a class derived from it:
  // member lookup resolves `worker->terminate()` to QThread::terminate unless
  // the derived class declares its own.
  auto QThreadClass = ofClass(cxxRecordDecl(hasName("QThread")));
  auto Terminate =
      cxxMethodDecl(hasName("terminate"), QThreadClass).bind("qt-method");
  Finder->addMatcher(memberExpr(member(Terminate)).bind("qt-terminate"), this);
  Finder->addMatcher(declRefExpr(to(Terminate)).bind("qt-terminate"), this);
  Finder->addMatcher(
      callExpr(callee(cxxMethodDecl(hasName("setTerminationEnabled"),
                                    QThreadClass)
                          .bind("qt-method")))
          .bind("qt-enable"),
      this);

  Finder->addMatcher(
      callExpr(callee(functionDecl(hasName("syscall"),
                                   isGlobalOrExternCFunction())))
          .bind("syscall"),
      this);
  Handlers.registerMatchers(Finder, this);
}

void TerminateThreadCheck::check(const MatchFinder::MatchResult &Result) {
  if (Handlers.record(Result))
    return;
  if (const auto *Call =
          Result.Nodes.getNodeAs<CallExpr>("unresolved-suspend-call")) {
    CallOf.try_emplace(Call->getCallee()->IgnoreParenImpCasts(), Call);
    return;
  }
  if (const auto *Broken = Result.Nodes.getNodeAs<RecoveryExpr>("broken")) {
    for (const Expr *Part : Broken->subExpressions())
      if (Part)
        InBrokenCode.insert(Part->IgnoreParenImpCasts());
    return;
  }
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (const auto *Ref = Result.Nodes.getNodeAs<Expr>("function-ref"))
    return checkFunctionReference(*Ref, *Function, Result);
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("suspend-call")) {
    CallOf.try_emplace(Call->getCallee()->IgnoreParenImpCasts(), Call);
    return checkSuspendCall(*Call, *Function, Result);
  }
  if (const auto *Name = Result.Nodes.getNodeAs<StringLiteral>("proc-name"))
    return checkProcAddress(*Name, Result);
  const auto *Method = Result.Nodes.getNodeAs<CXXMethodDecl>("qt-method");
  if (const auto *Ref = Result.Nodes.getNodeAs<Expr>("qt-terminate"))
    return checkQThreadTerminate(*Ref, *Method, Result);
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("qt-enable"))
    return checkQThreadEnable(*Call, *Method, Result);
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("syscall"))
    return checkSyscall(*Call, Result);
}

bool TerminateThreadCheck::reportsApi(const UnsafeApi &Api) const {
  switch (familyOf(Api.Id)) {
  case ApiFamily::Suspend:
    return WarnOnSuspendThread;
  case ApiFamily::Exit:
    // C has no destructors for ExitThread to skip.
    return getLangOpts().CPlusPlus;
  case ApiFamily::NotThisCheck:
    return false;
  default:
    return true;
  }
}

void TerminateThreadCheck::report(const UnsafeApi &Api, const Expr &Use,
                                  SourceLocation Loc, SourceRange Range,
                                  ASTContext &Ctx) {
  // decltype(&TerminateThread) and the like never run it.
  if (Loc.isInvalid() || isUnevaluatedOperand(Use) ||
      !Reported.firstTime(Loc, static_cast<unsigned>(Api.Id)))
    return;
  diag(Loc, "'%0' %1; cooperative replacement: %2")
      << Api.spelledName() << Api.Hazard << Api.replacementFor(getLangOpts())
      << Range;
}

void TerminateThreadCheck::checkFunctionReference(
    const Expr &Ref, const FunctionDecl &Function,
    const MatchFinder::MatchResult &Result) {
  const UnsafeApi *Api = globalFunctionApi(Function.getName());
  if (!Api || !reportsApi(*Api))
    return;
  if (familyOf(Api->Id) == ApiFamily::Suspend) {
    // A resolved call is judged by its argument (checkSuspendCall); what is
    // left is an address taken, called later on a thread nobody knows.
    // Unresolved calls in templates have their (dependent) argument judged
    // here.
    // Part of code that does not compile: how it is used is unknown.
    if (InBrokenCode.contains(&Ref))
      return;
    // The callee of calls (through parentheses and the decay to a
    // pointer); otherwise its address is taken.
    if (const CallExpr *Call = CallOf.lookup(&Ref)) {
      if (!isa<OverloadExpr>(Ref))
        return;
      return checkSuspendCall(*Call, Function, Result);
    }
  }
  const SourceManager &SM = *Result.SourceManager;
  SourceLocation Loc = userFacingLoc(SM, nameLoc(Ref));
  report(*Api, Ref, Loc, SourceRange(Loc, userFacingLoc(SM, Ref.getEndLoc())),
         *Result.Context);
}

void TerminateThreadCheck::checkSuspendCall(
    const CallExpr &Call, const FunctionDecl &Function,
    const MatchFinder::MatchResult &Result) {
  const UnsafeApi *Api = globalFunctionApi(Function.getName());
  if (!Api || !reportsApi(*Api) || Call.getNumArgs() == 0)
    return;
  // Suspending yourself is not the cross-thread hazard: a thread cannot be
  // frozen by itself in the middle of an allocation.
  const Expr *Handle = Call.getArg(0);
  if (Handle->containsErrors() ||
      isCurrentThreadHandle(Handle, *Result.Context))
    return;
  const SourceManager &SM = *Result.SourceManager;
  SourceLocation Loc = userFacingLoc(SM, calleeNameLoc(Call));
  report(*Api, Call, Loc, SourceRange(Loc, userFacingLoc(SM, Call.getEndLoc())),
         *Result.Context);
}

void TerminateThreadCheck::checkProcAddress(
    const StringLiteral &Name, const MatchFinder::MatchResult &Result) {
  if (!Name.isOrdinary())
    return;
  const UnsafeApi *Api = globalFunctionApi(Name.getString());
  if (!Api || !reportsApi(*Api))
    return;
  SourceLocation Loc = userFacingLoc(*Result.SourceManager, Name.getBeginLoc());
  report(*Api, Name, Loc,
         SourceRange(Loc, userFacingLoc(*Result.SourceManager, Name.getEndLoc())),
         *Result.Context);
}

void TerminateThreadCheck::checkQThreadTerminate(
    const Expr &Ref, const CXXMethodDecl &Method,
    const MatchFinder::MatchResult &Result) {
  if (!isQtsQThread(*Method.getParent(), PP))
    return;
  const SourceManager &SM = *Result.SourceManager;
  SourceLocation Loc = userFacingLoc(SM, nameLoc(Ref));
  report(unsafeApi(UnsafeApiId::QThreadTerminate), Ref, Loc,
         SourceRange(Loc, userFacingLoc(SM, Ref.getEndLoc())), *Result.Context);
}

void TerminateThreadCheck::checkQThreadEnable(
    const CallExpr &Call, const CXXMethodDecl &Method,
    const MatchFinder::MatchResult &Result) {
  if (!isQtsQThread(*Method.getParent(), PP) || Call.getNumArgs() != 1)
    return;
  // Only a call that enables termination (the default argument does).
  // Disabling is the safe direction, and a value not known at compile time
  // is not guessed at.
  const Expr *Enabled = Call.getArg(0);
  std::optional<int64_t> Value =
      constantIntValue(Enabled, *Result.Context, FollowLocals::Yes);
  if (!Value || *Value == 0)
    return;
  const SourceManager &SM = *Result.SourceManager;
  SourceLocation Loc =
      isa<CXXDefaultArgExpr>(Enabled)
          ? userFacingLoc(SM, calleeNameLoc(Call))
          : userFacingLoc(SM, Enabled->getBeginLoc());
  report(unsafeApi(UnsafeApiId::QThreadSetTerminationEnabled), Call, Loc,
         SourceRange(Loc, userFacingLoc(SM, Call.getEndLoc())), *Result.Context);
}

void TerminateThreadCheck::checkSyscall(const CallExpr &Call,
                                        const MatchFinder::MatchResult &Result) {
  if (Call.getNumArgs() == 0)
    return;
  std::optional<int64_t> Number =
      constantIntValue(Call.getArg(0), *Result.Context, FollowLocals::Yes);
  if (!Number)
    return;
  std::optional<ThreadSignalSyscall> Syscall =
      Signals.threadSignalSyscall(*Number, *Result.Context);
  if (!Syscall || Call.getNumArgs() <= Syscall->SignalArgument)
    return;
  const Expr *SignalArg = Call.getArg(Syscall->SignalArgument);
  std::optional<SignalInfo> Signal =
      Signals.classify(SignalArg, *Result.Context);
  if (!Signal || !Signals.isForcedTermination(*Signal))
    return;

  const UnsafeApi &Api = unsafeApi(Syscall->Name == "SYS_tkill"
                                       ? UnsafeApiId::SyscallTkill
                                       : UnsafeApiId::SyscallTgkill);
  const SourceManager &SM = *Result.SourceManager;
  SourceLocation Loc = userFacingLoc(SM, Call.getBeginLoc());
  if (isUnevaluatedOperand(Call) ||
      !Reported.firstTime(Loc, static_cast<unsigned>(Api.Id)))
    return;
  SourceRange Range(Loc, userFacingLoc(SM, SignalArg->getEndLoc()));
  StringRef Replacement = Api.replacementFor(getLangOpts());
  Handlers.defer(*Signal, [this, Loc, Range, Syscall = *Syscall,
                                  Signal = *Signal, Replacement] {
    diag(Loc, "'syscall(%0, ...)' with %1 %select{terminates|stops}2 the "
              "whole process, not only the target thread, and no cleanup "
              "runs; cooperative replacement: %3")
        << Syscall.Name << Signal.Name << (Signal.Action == SignalAction::Stop)
        << Replacement << Range;
  });
}

void TerminateThreadCheck::onEndOfTranslationUnit() {
  Handlers.reportAndClear();
  Reported.clear();
  CallOf.clear();
  InBrokenCode.clear();
}

} // namespace coop
