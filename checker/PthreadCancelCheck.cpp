#include "PthreadCancelCheck.h"
#include "CheckNames.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"
#include "utils/CheckOptions.h"
#include "utils/ConstantValue.h"
#include "utils/FixTemplate.h"
#include "utils/NameFilters.h"
#include "utils/Names.h"
#include "utils/PlatformConstants.h"
#include "utils/UnsafeApiTable.h"
#include "utils/Unevaluated.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coop {

// SIGUSR1/SIGUSR2 terminate by default, but code sends them to threads that
// installed a handler, to interrupt a blocking call: the wake-up idiom.
static constexpr llvm::StringLiteral DefaultAllowedSignals = "SIGUSR1;SIGUSR2";

PthreadCancelCheck::PthreadCancelCheck(StringRef Name,
                                       tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      AllowedSignalsOption(Options.get("AllowedSignals", DefaultAllowedSignals)) {
  applyAllowedSignals(*this, Name, AllowedSignalsOption, Signals);
}

void PthreadCancelCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowedSignals", AllowedSignalsOption);
}

void PthreadCancelCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *NewPP,
                                             Preprocessor *) {
  PP = NewPP;
  Signals.setPreprocessor(NewPP);
}

/// The argument that carries the signal, for each signal-sending API.
static std::optional<unsigned> signalArgumentIndex(UnsafeApiId Id) {
  switch (Id) {
  case UnsafeApiId::PthreadKill:     // pthread_kill(thread, sig)
  case UnsafeApiId::PthreadSigqueue: // pthread_sigqueue(thread, sig, value)
    return 1;
  case UnsafeApiId::Tgkill: // tgkill(tgid, tid, sig)
    return 2;
  default:
    return std::nullopt;
  }
}

void PthreadCancelCheck::registerMatchers(MatchFinder *Finder) {
  NameSet Cancel(llvm::ArrayRef(unsafeApi(UnsafeApiId::PthreadCancel).Api));
  // Any reference: a call, or the address stored for a later call.
  Finder->addMatcher(declRefExpr(refersToNamedIn(Cancel)).bind("cancel-ref"),
                     this);
  // A call with a dependent argument in a template that is never
  // instantiated still names the function through an unresolved lookup.
  Finder->addMatcher(
      unresolvedLookupExpr(lookupNamedIn(Cancel)).bind("cancel-ref"), this);

  std::vector<StringRef> CallNames = {
      unsafeApi(UnsafeApiId::PthreadSetCancelTypeAsync).Api};
  for (const UnsafeApi *Entry : unsafeApisOf(names::PthreadCancel))
    if (signalArgumentIndex(Entry->Id))
      CallNames.push_back(Entry->Api);
  llvm::append_range(CallNames, SignalHandlers::installFunctions());
  Finder->addMatcher(callExpr(calleeNamedIn(NameSet(CallNames))).bind("call"),
                     this);
}

void PthreadCancelCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Ref = Result.Nodes.getNodeAs<Expr>("cancel-ref"))
    return checkCancelReference(*Ref, Result);
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (!Call || Handlers.record(*Call, *Result.Context))
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (matchesName(Callee, unsafeApi(UnsafeApiId::PthreadSetCancelTypeAsync).Api))
    return checkCancelType(*Call, Result);
  return checkSignal(*Call, Result);
}

void PthreadCancelCheck::checkCancelReference(
    const Expr &Ref, const MatchFinder::MatchResult &Result) {
  const UnsafeApi &Api = unsafeApi(UnsafeApiId::PthreadCancel);
  if (!referencedFunction(Ref, [&](const FunctionDecl &Function) {
        return matchesName(&Function, Api.Api);
      }))
    return;
  // `decltype(&pthread_cancel)` names the function but never cancels.
  if (isUnevaluatedOperand(Ref))
    return;
  SourceLocation Loc = userFacingLoc(*Result.SourceManager, nameLoc(Ref));
  if (!Reported.firstTime(Loc, static_cast<unsigned>(Api.Id)))
    return;
  diag(Loc, "'%0' %1; cooperative replacement: %2")
      << Api.spelledName() << Api.Hazard << Api.replacementFor(getLangOpts())
      << userFacingLoc(*Result.SourceManager, Ref.getEndLoc());
}

void PthreadCancelCheck::checkCancelType(const CallExpr &Call,
                                         const MatchFinder::MatchResult &Result) {
  if (Call.getNumArgs() != 2 || isUnevaluatedOperand(Call))
    return;
  std::optional<int64_t> Type =
      constantIntValue(Call.getArg(0), *Result.Context, FollowLocals::Yes);
  if (!Type || *Type != platformConstantOr("PTHREAD_CANCEL_ASYNCHRONOUS",
                                           *Result.Context, PP,
                                           /*glibc's and musl's value=*/1))
    return;
  const UnsafeApi &Api = unsafeApi(UnsafeApiId::PthreadSetCancelTypeAsync);
  const SourceManager &SM = *Result.SourceManager;
  SourceLocation Loc = userFacingLoc(SM, Call.getArg(0)->getBeginLoc());
  if (!Reported.firstTime(Loc, static_cast<unsigned>(Api.Id)))
    return;
  auto Diag = diag(Loc, "'%0' %1; cooperative replacement: %2")
              << Api.spelledName() << Api.Hazard
              << Api.replacementFor(getLangOpts())
              << SourceRange(Loc, userFacingLoc(SM, Call.getArg(0)->getEndLoc()));
  if (std::optional<std::string> Fixed = instantiateFixTemplate(
          Api.FixTemplate, Call, SM, getLangOpts()))
    Diag << FixItHint::CreateReplacement(Call.getSourceRange(), *Fixed);
}

void PthreadCancelCheck::checkSignal(const CallExpr &Call,
                                     const MatchFinder::MatchResult &Result) {
  const auto *Callee = Call.getDirectCallee();
  if (!Callee || isUnevaluatedOperand(Call))
    return;
  const UnsafeApi *Api =
      findUnsafeApi(names::PthreadCancel, "::" + Callee->getQualifiedNameAsString());
  if (!Api)
    return;
  unsigned Index = *signalArgumentIndex(Api->Id);
  if (Call.getNumArgs() <= Index)
    return;
  std::optional<SignalInfo> Signal =
      Signals.classify(Call.getArg(Index), *Result.Context);
  if (!Signal || !Signals.isForcedTermination(*Signal))
    return;
  SourceLocation Loc =
      userFacingLoc(*Result.SourceManager, Call.getBeginLoc());
  if (!Reported.firstTime(Loc, static_cast<unsigned>(Api->Id)))
    return;
  SourceRange Range(Loc, userFacingLoc(*Result.SourceManager,
                                       Call.getArg(Index)->getEndLoc()));
  StringRef Replacement = Api->replacementFor(getLangOpts());
  Handlers.defer(*Signal, [this, Loc, Range, Api, Signal = *Signal,
                                  Replacement] {
    diag(Loc, "'%0' with %1 %select{terminates|stops}2 the whole process, not "
              "only the target thread, and no cleanup runs; cooperative "
              "replacement: %3")
        << Api->spelledName() << Signal.Name
        << (Signal.Action == SignalAction::Stop) << Replacement << Range;
  });
}

void PthreadCancelCheck::onEndOfTranslationUnit() {
  Handlers.reportAndClear();
  Reported.clear();
}

} // namespace coop
