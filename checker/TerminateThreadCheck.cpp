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
#include "utils/NameFilters.h"
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
  const UnsafeApi &QtTerminate = unsafeApi(UnsafeApiId::QThreadTerminate);
  std::vector<StringRef> GlobalNames, CallNames;
  for (const UnsafeApi *Api : unsafeApisOf(names::TerminateThread)) {
    ApiFamily Family = familyOf(Api->Id);
    if (isGlobalFunctionFamily(Family))
      GlobalNames.push_back(Api->Api);
    if (Family == ApiFamily::Suspend || Family == ApiFamily::QtEnable ||
        Family == ApiFamily::SignalSyscall)
      CallNames.push_back(Api->Api);
  }
  // Any reference: a call, or the address stored for a later call.
  // QThread::terminate too (`&QThread::terminate`), and as a member, also
  // when reached through a class derived from QThread: member lookup
  // resolves `worker->terminate()` to QThread::terminate unless the derived
  // class declares its own.
  std::vector<StringRef> ReferencedNames = GlobalNames;
  ReferencedNames.push_back(QtTerminate.Api);
  Finder->addMatcher(
      declRefExpr(refersToNamedIn(NameSet(ReferencedNames))).bind("ref"), this);
  Finder->addMatcher(
      memberExpr(memberNamedIn(NameSet(llvm::ArrayRef(QtTerminate.Api))))
          .bind("ref"),
      this);
  // A call with a dependent argument in a template that is never
  // instantiated still names the function through an unresolved lookup.
  Finder->addMatcher(
      unresolvedLookupExpr(lookupNamedIn(NameSet(GlobalNames))).bind("ref"),
      this);
  // The calls judged by their arguments (SuspendThread call by call: each
  // instantiation of a template has its own), GetProcAddress (the address
  // looked up by name, the usual way to reach ntdll's functions), and the
  // signal handlers installed.
  CallNames.push_back("GetProcAddress");
  llvm::append_range(CallNames, SignalHandlers::installFunctions());
  Finder->addMatcher(callExpr(calleeNamedIn(NameSet(CallNames))).bind("call"),
                     this);
  // How each reference to SuspendThread is used is seen from the call or
  // the broken expression around it, matched before the reference itself:
  // the matchers run in traversal order, parents first.
  Finder->addMatcher(recoveryExpr().bind("broken"), this);
}

/// QThread's member Name (the class itself is checked by isQtsQThread).
static bool isQThreadMember(const CXXMethodDecl &Method, StringRef Name) {
  const CXXRecordDecl *Class = Method.getParent();
  return Method.getIdentifier() && Method.getName() == Name &&
         Class->getIdentifier() && Class->getName() == "QThread";
}

void TerminateThreadCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Broken = Result.Nodes.getNodeAs<RecoveryExpr>("broken")) {
    for (const Expr *Part : Broken->subExpressions())
      if (Part)
        InBrokenCode.insert(Part->IgnoreParenImpCasts());
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call"))
    return checkCall(*Call, Result);
  if (const auto *Ref = Result.Nodes.getNodeAs<Expr>("ref"))
    return checkReference(*Ref, Result);
}

void TerminateThreadCheck::checkCall(const CallExpr &Call,
                                     const MatchFinder::MatchResult &Result) {
  if (Handlers.record(Call, *Result.Context))
    return;
  const Expr *CalleeRef = Call.getCallee()->IgnoreParenImpCasts();
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee) {
    // Unresolved: its lookup is judged as this call's callee.
    if (const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(CalleeRef))
      if (const UnsafeApi *Api = globalFunctionApi(Lookup->getName().getAsString()))
        if (familyOf(Api->Id) == ApiFamily::Suspend)
          CallOf.try_emplace(CalleeRef, &Call);
    return;
  }
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
    if (isQThreadMember(*Method, "setTerminationEnabled"))
      checkQThreadEnable(Call, *Method, Result);
    return;
  }
  if (!isGlobalOrExternC(*Callee))
    return;
  StringRef Name = Callee->getName();
  if (Name == "GetProcAddress") {
    if (Call.getNumArgs() > 1)
      if (const auto *ProcName =
              dyn_cast<StringLiteral>(Call.getArg(1)->IgnoreParenCasts()))
        checkProcAddress(*ProcName, Result);
    return;
  }
  if (Name == "syscall")
    return checkSyscall(Call, Result);
  const UnsafeApi *Api = globalFunctionApi(Name);
  if (Api && familyOf(Api->Id) == ApiFamily::Suspend) {
    CallOf.try_emplace(CalleeRef, &Call);
    checkSuspendCall(Call, *Callee, Result);
  }
}

void TerminateThreadCheck::checkReference(
    const Expr &Ref, const MatchFinder::MatchResult &Result) {
  const ValueDecl *Referenced = nullptr;
  if (const auto *DeclRef = dyn_cast<DeclRefExpr>(&Ref))
    Referenced = DeclRef->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(&Ref))
    Referenced = Member->getMemberDecl();
  if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Referenced)) {
    if (isQThreadMember(*Method, "terminate"))
      checkQThreadTerminate(Ref, *Method, Result);
    return;
  }
  if (const FunctionDecl *Function =
          referencedFunction(Ref, [](const FunctionDecl &Candidate) {
            return Candidate.getIdentifier() && isGlobalOrExternC(Candidate) &&
                   globalFunctionApi(Candidate.getName());
          }))
    checkFunctionReference(Ref, *Function, Result);
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
