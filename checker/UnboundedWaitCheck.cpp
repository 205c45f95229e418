#include "UnboundedWaitCheck.h"
#include "CheckNames.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "utils/CheckOptions.h"
#include "utils/LibraryCode.h"
#include "utils/FixTemplate.h"
#include "utils/Names.h"
#include "utils/OptionFields.h"
#include "utils/StopTokens.h"
#include "utils/StopWakeUps.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coop {

UnboundedWaitCheck::UnboundedWaitCheck(StringRef Name,
                                       tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      CheckAllFunctions(readBoolOption(*this, Options, names::UnboundedWait,
                                       "CheckAllFunctions", false)),
      CallDepth(Options.get("CallDepth", 3U)),
      ExtraBlockingFunctionsOption(
          Options.get("ExtraBlockingFunctions", "").str()),
      ExtraThreadFunctionsOption(Options.get("ExtraThreadFunctions", "").str()),
      Includes(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
  for (StringRef Entry :
       tidy::utils::options::parseStringList(ExtraBlockingFunctionsOption)) {
    if (Entry.trim().empty())
      continue;
    if (std::optional<UserBlockingApi> Api = parseUserBlockingApi(Entry))
      ExtraApis.push_back(std::move(*Api));
    else
      configurationDiag("invalid entry '%0' in option '%1.ExtraBlockingFunctions'"
                        "; expected name[:timeout-argument[:infinite-value]]")
          << Entry.trim() << Name;
  }
  ThreadOpts.CallDepth = CallDepth;
  ThreadOpts.BodiesEvenWithoutThreads = CheckAllFunctions;
  // "create:detach", "create", or "create:" (always detached).
  for (StringRef Pair :
       tidy::utils::options::parseStringList(ExtraThreadFunctionsOption)) {
    llvm::SmallVector<StringRef, 3> Fields = splitOptionFields(Pair);
    if (!Fields[0].empty())
      ThreadOpts.ExtraCreateDetach.emplace_back(
          Fields[0].str(), Fields.size() > 1 ? Fields[1].str() : "");
  }
  for (const UnsafeApi *Api : unsafeApisOf(names::UnboundedWait)) {
    std::vector<const UnsafeApi *> &Same = SameApi[Api->Api];
    if (Same.empty()) {
      if (blockingShape(Api->Id).IsMethod)
        MethodApis[Api->Api.rsplit("::").second].push_back(Api);
      else
        FreeApis[Api->Api.drop_front(2)] = Api;
    }
    Same.push_back(Api);
  }
}

void UnboundedWaitCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CheckAllFunctions",
                CheckAllFunctions ? "true" : "false");
  Options.store(Opts, "CallDepth", CallDepth);
  Options.store(Opts, "ExtraBlockingFunctions", ExtraBlockingFunctionsOption);
  Options.store(Opts, "ExtraThreadFunctions", ExtraThreadFunctionsOption);
  Options.store(Opts, "IncludeStyle", Includes.style());
}

void UnboundedWaitCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *NewPP,
                                             Preprocessor *) {
  PP = NewPP;
  Includes.registerPreprocessor(*NewPP);
}

void UnboundedWaitCheck::registerMatchers(MatchFinder *Finder) {
  // The calls of every function body, from the thread-entry walk over the
  // TU's top-level declarations: whether a wait matters depends on the
  // function it is in, and matching the calls and asking for their function
  // would need the parent map (docs/performance.md).
  Finder->addMatcher(translationUnitDecl(), this);
}

std::optional<UnboundedWaitCheck::Recognised>
UnboundedWaitCheck::recogniseMemberCall(const CXXMemberCallExpr &Call) const {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  const Expr *Object = Call.getImplicitObjectArgument();
  if (!Method || !Method->getIdentifier() || !Object)
    return std::nullopt;
  auto It = MethodApis.find(Method->getName());
  if (It == MethodApis.end())
    return std::nullopt;
  // The class of the object (std::future<T>::wait is declared in a base
  // class in libstdc++), or of the method (a user class derived from a
  // standard one).
  QualType ObjectType = Object->IgnoreParenImpCasts()->getType();
  if (ObjectType->isPointerType())
    ObjectType = ObjectType->getPointeeType();
  const CXXRecordDecl *ObjectClass = ObjectType->getAsCXXRecordDecl();
  for (const UnsafeApi *Api : It->getValue()) {
    StringRef Class = Api->Api.rsplit("::").first;
    if (isRecordNamed(ObjectClass, Class) ||
        isRecordNamed(Method->getParent(), Class))
      return Recognised{Api, SameApi.find(Api->Api)->getValue(), nullptr,
                        blockingShape(Api->Id)};
  }
  return std::nullopt;
}

std::optional<UnboundedWaitCheck::Recognised>
UnboundedWaitCheck::recogniseFreeCall(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier() ||
      !Callee->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return std::nullopt;
  auto It = FreeApis.find(Callee->getName());
  if (It == FreeApis.end())
    return std::nullopt;
  const UnsafeApi *Api = It->getValue();
  return Recognised{Api, SameApi.find(Api->Api)->getValue(), nullptr,
                    blockingShape(Api->Id)};
}

const UserBlockingApi *
UnboundedWaitCheck::recogniseUserCall(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return nullptr;
  // Asked of every call in worker code: compare names, build no matcher.
  for (const UserBlockingApi &Api : ExtraApis)
    if (matchesName(Callee, Api.Name))
      return &Api;
  return nullptr;
}

/// The function a lambda's call operator is written in; null for anything
/// else.
static const FunctionDecl *functionAroundLambda(const FunctionDecl &Fn) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Fn);
  if (!Method || !Method->getParent()->isLambda())
    return nullptr;
  return dyn_cast<FunctionDecl>(Method->getParent()->getDeclContext());
}

/// True for the coop library's own code: it implements the interruptible
/// waits with plain ones.
static bool isInCoopLibrary(const FunctionDecl &Fn) {
  for (const DeclContext *Context = Fn.getDeclContext(); Context;
       Context = Context->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(Context))
      if (NS->getIdentifier() && NS->getName() == "coop" &&
          NS->getParent()->getRedeclContext()->isTranslationUnit())
        return true;
  return false;
}

void UnboundedWaitCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
}

void UnboundedWaitCheck::checkTranslationUnit(ASTContext &Ctx) {
  Threads.ensure(Ctx, ThreadOpts);
  for (const FunctionBody &Body : Threads.bodies()) {
    const FunctionDecl &Fn = *Body.Function;
    // The coop library implements the interruptible waits with plain ones.
    if (Fn.isInvalidDecl() || isInCoopLibrary(Fn))
      continue;
    const FunctionDecl *Outermost = &Fn;
    const WorkerReach *Reach = workerReach(Fn, Outermost);
    if (!Reach && !CheckAllFunctions)
      continue;
    for (const CallExpr *Call : Body.Calls) {
      std::optional<Recognised> What;
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
        What = recogniseMemberCall(*Member);
      else
        What = recogniseFreeCall(*Call);
      if (What)
        checkCall(*Call, *What, Fn, Reach, *Outermost, Ctx);
      if (ExtraApis.empty())
        continue;
      if (const UserBlockingApi *User = recogniseUserCall(*Call)) {
        Recognised Extra;
        Extra.User = User;
        Extra.Shape = User->Shape;
        checkCall(*Call, Extra, Fn, Reach, *Outermost, Ctx);
      }
    }
  }
}

const WorkerReach *
UnboundedWaitCheck::workerReach(const FunctionDecl &Fn,
                                const FunctionDecl *&Outermost) const {
  // Worker code: a thread entry, a function it reaches, or a lambda written
  // in one of them (a local helper or an algorithm's callback runs on the
  // thread that calls it).
  const WorkerReach *Reach = nullptr;
  for (const FunctionDecl *F = &Fn; F; F = functionAroundLambda(*F)) {
    Outermost = F;
    for (const WorkerReach &Candidate : Threads.reachesOf(F))
      if (!Reach || Candidate.Depth < Reach->Depth)
        Reach = &Candidate;
    if (Reach)
      break;
  }
  return Reach;
}

void UnboundedWaitCheck::checkCall(const CallExpr &Call, const Recognised &What,
                                   const FunctionDecl &Fn,
                                   const WorkerReach *Reach,
                                   const FunctionDecl &Outermost,
                                   ASTContext &Ctx) {
  // The standard library's own waits (condition_variable::wait(lock, pred)
  // calls wait(lock)) are its business, not the user's.
  if (isInSystemHeader(Ctx.getSourceManager(), Call.getBeginLoc()))
    return;
  if (!Reach && (What.Shape.OnlyOnWorkers || !CheckAllFunctions))
    return;

  // condition_variable_any::wait(lock, stop_token, pred) and user APIs that
  // take a token are interruptible.
  for (const Expr *Arg : Call.arguments())
    if (isStopTokenType(Arg->getType()))
      return;
  if (isBounded(Call, What, Outermost, Ctx))
    return;
  report(Call, What, &Fn, Reach, Ctx);
}

const DescriptorFacts &UnboundedWaitCheck::factsFor(const Stmt &Body,
                                                    ASTContext &Ctx) {
  std::unique_ptr<DescriptorFacts> &Entry = Facts[&Body];
  if (!Entry)
    Entry = std::make_unique<DescriptorFacts>(Body, Ctx, PP);
  return *Entry;
}

bool UnboundedWaitCheck::isBounded(const CallExpr &Call, const Recognised &What,
                                   const FunctionDecl &Outermost,
                                   ASTContext &Ctx) {
  const BlockingShape &Shape = What.Shape;
  const Stmt *OuterBody = Outermost.getBody();

  if (Shape.TimeoutArg && !hasInfiniteTimeout(Shape, Call, Ctx))
    return true;
  if (mayHaveNoWaitFlag(Shape, Call, Ctx, PP))
    return true;
  if (Shape.DescriptorArg) {
    if (!OuterBody || *Shape.DescriptorArg >= Call.getNumArgs())
      return true;
    const DescriptorFacts &Descriptors = factsFor(*OuterBody, Ctx);
    const Expr *Fd = Call.getArg(*Shape.DescriptorArg);
    if (Shape.OnlyOnSockets && !Descriptors.isSocket(Fd))
      return true;
    if (Descriptors.boundBefore(Fd, Call) != DescriptorBound::None)
      return true;
  }

  const Expr *WaitedOn = nullptr;
  if (Shape.WaitsOn == WaitedObject::CallObject) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
      WaitedOn = Member->getImplicitObjectArgument();
  } else if (Shape.WaitsOn == WaitedObject::FirstArgument &&
             Call.getNumArgs() > 0) {
    WaitedOn = Call.getArg(0);
  }
  return OuterBody && WaitedOn &&
         stopCallbackWakes(*OuterBody, Call, WaitedOn, Ctx);
}

/// True if nothing uses the value of Call: it is a statement of its own,
/// cast to void, or the left operand of a comma. A rewrite into a call that
/// returns a status is only valid there when the original returned void.
static bool isDiscarded(const Expr &Call, const FunctionDecl &Fn,
                        BodyParents &Parents) {
  const Stmt *Child = &Call;
  for (;;) {
    const Stmt *Parent = Parents.parentOf(*Child, &Fn);
    if (!Parent)
      return false;
    if (isa<FullExpr, ParenExpr>(Parent)) {
      Child = Parent;
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Parent))
      return Cast->getType()->isVoidType();
    if (const auto *Comma = dyn_cast<BinaryOperator>(Parent))
      return Comma->getOpcode() == BO_Comma && Comma->getLHS() == Child;
    // An initializer, an operand, a returned value.
    if (isa<Expr, ReturnStmt, DeclStmt>(Parent))
      return false;
    return true;
  }
}

/// How users write what started a thread: "std::thread", "pthread_create",
/// or the name of a thread function from the options ("coop_thread_start").
static std::string launchName(const ThreadLaunch &Launch) {
  if (Launch.Kind == ThreadLaunchKind::Custom && Launch.Creation) {
    const NamedDecl *Named = nullptr;
    if (const auto *Call = dyn_cast<CallExpr>(Launch.Creation))
      Named = Call->getDirectCallee();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Launch.Creation))
      Named = Construct->getConstructor()->getParent();
    if (Named && Named->getIdentifier())
      return Named->getQualifiedNameAsString();
  }
  return threadLaunchKindName(Launch.Kind).str();
}

void UnboundedWaitCheck::report(const CallExpr &Call, const Recognised &What,
                                const FunctionDecl *Fn,
                                const WorkerReach *Reach,
                                ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = getLangOpts();
  SourceLocation Loc = userFacingLoc(SM, calleeNameLoc(Call));
  if (!Reported.firstTime(Loc))
    return;

  // The rewrite: the first entry of this name whose template has a token
  // of its kind in scope. A C++ template is no use in C.
  std::optional<FixItHint> Fix, Include;
  const VarDecl *UsedToken = nullptr;
  std::string FormWithToken;
  FixTemplateToken MissingKind = FixTemplateToken::None;
  const FunctionDecl *Callee = Call.getDirectCallee();
  bool CanRewrite = What.Api && Fn && Call.getBeginLoc().isFileID() &&
                    Call.getEndLoc().isFileID() && Callee &&
                    (!Callee->getReturnType()->isVoidType() ||
                     isDiscarded(Call, *Fn, Parents));
  for (const UnsafeApi *Candidate : What.SameName) {
    if (!CanRewrite || Fix)
      break;
    if (!Candidate->hasFix())
      continue;
    FixTemplateToken Kind = fixTemplateTokenKind(Candidate->FixTemplate);
    if (Kind == FixTemplateToken::Cxx && !LO.CPlusPlus)
      continue;
    const VarDecl *Token = nullptr;
    if (Kind != FixTemplateToken::None) {
      Token = findStopTokenInScope(*Fn, Call, Parents, [Kind](StopTokenKind K) {
        return Kind == FixTemplateToken::C
                   ? K == StopTokenKind::CoopC
                   : K == StopTokenKind::Std || K == StopTokenKind::Coop;
      });
      if (!Token) {
        if (FormWithToken.empty())
          if (std::optional<std::string> Form = instantiateFixTemplate(
                  Candidate->FixTemplate, Call, SM, LO, "token")) {
            FormWithToken = *Form;
            MissingKind = Kind;
          }
        continue;
      }
    }
    std::optional<std::string> Text = instantiateFixTemplate(
        Candidate->FixTemplate, Call, SM, LO, Token ? Token->getName() : "");
    if (!Text)
      break;
    Fix = FixItHint::CreateReplacement(Call.getSourceRange(), *Text);
    FileID File = SM.getFileID(Call.getBeginLoc());
    if (!Candidate->FixHeader.empty())
      Include = Includes.insertion(File, Candidate->FixHeader);
    UsedToken = Token;
  }

  {
    SourceRange Range(userFacingLoc(SM, Call.getBeginLoc()),
                      userFacingLoc(SM, Call.getEndLoc()));
    auto Diag =
        What.Api
            ? diag(Loc, "'%0' %1; cooperative replacement: %2")
                  << What.Api->spelledName() << What.Api->Hazard
                  << What.Api->replacementFor(LO)
            : diag(Loc, "'%0' %select{waits with no timeout|waits with an "
                        "infinite timeout}1 and no stop token, so a stop "
                        "request cannot wake the thread; cooperative "
                        "replacement: %select{a variant that takes a "
                        "coop::stop_token, or a finite timeout in a loop that "
                        "checks one|a variant that takes a coop_stop_token, or "
                        "a finite timeout in a loop that checks "
                        "coop_stop_requested()}2")
                  << (Callee ? Callee->getQualifiedNameAsString()
                             : What.User->Name)
                  << What.Shape.TimeoutArg.has_value() << !LO.CPlusPlus;
    Diag << Range;
    if (Fix)
      Diag << *Fix;
    if (Include)
      Diag << *Include;
  }
  if (UsedToken)
    diag(UsedToken->getLocation(), "the fix passes the stop token '%0' "
                                   "declared here",
         DiagnosticIDs::Note)
        << UsedToken->getName();
  else if (!Fix && !FormWithToken.empty())
    diag(Loc, "no %select{stop token|coop_stop_token}0 is in scope for a "
              "fix-it; with one, the call becomes '%1'",
         DiagnosticIDs::Note)
        << (MissingKind == FixTemplateToken::C) << FormWithToken;
  if (Reach && Reach->Launch && Reach->Launch->Creation)
    diag(userFacingLoc(SM, Reach->Launch->Creation->getBeginLoc()),
         "%select{this code runs|this code is called}0 on the thread that "
         "'%1' starts here",
         DiagnosticIDs::Note)
        << (Reach->Depth > 0) << launchName(*Reach->Launch);
}

void UnboundedWaitCheck::onStartOfTranslationUnit() {
  Threads.reset();
}

void UnboundedWaitCheck::onEndOfTranslationUnit() {
  if (Context)
    checkTranslationUnit(*Context);
  Context = nullptr;
  Reported.clear();
  Parents.clear();
  Facts.clear();
  Includes.clear();
}

} // namespace coop
