//===--- IgnoredStopTokenCheck.cpp - coop-ignored-stop-token --------------===//
#include "IgnoredStopTokenCheck.h"
#include "CheckNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "utils/BlockingCalls.h"
#include "utils/Names.h"
#include "utils/Instantiations.h"
#include "utils/StopTokens.h"
#include "utils/UnsafeApiTable.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coop {

IgnoredStopTokenCheck::IgnoredStopTokenCheck(StringRef Name,
                                             tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Includes(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void IgnoredStopTokenCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "IncludeStyle", Includes.style());
}

void IgnoredStopTokenCheck::registerPPCallbacks(const SourceManager &,
                                                Preprocessor *NewPP,
                                                Preprocessor *) {
  PP = NewPP;
  Includes.registerPreprocessor(*NewPP);
}

void IgnoredStopTokenCheck::registerMatchers(MatchFinder *Finder) {
  // Templates are judged in their patterns: once, not per instantiation.
  Finder->addMatcher(
      functionDecl(isDefinition()).bind("fn"), this);
  Finder->addMatcher(lambdaExpr().bind("lambda"), this);
}

void IgnoredStopTokenCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    Fn = Lambda->getCallOperator();
  if (!Fn || !Fn->hasBody() || Fn->isInvalidDecl() || isInInstantiation(*Fn) ||
      !Checked.insert(Fn->getCanonicalDecl()).second)
    return;
  ASTContext &Ctx = *Result.Context;
  if (Context != &Ctx) {
    Context = &Ctx;
    Loops = std::make_unique<LoopAnalyzer>(Ctx, LoopAnalysisOptions{});
  }
  // Judged when the finder is done: whether a jthread runs Fn is known only
  // from the whole TU.
  Pending.push_back(Fn);
}

/// True if the TU declares std::jthread or coop::jthread (also in an inline
/// namespace, whose names its parent's lookup sees): without one there is no
/// jthread launch, and the thread-entry analysis of the whole TU (most of
/// this check's time in a TU of headers) is not needed.
static bool declaresJthread(ASTContext &Ctx) {
  if (!Ctx.getLangOpts().CPlusPlus)
    return false;
  DeclarationName Jthread(&Ctx.Idents.get("jthread"));
  for (StringRef Space : {"std", "coop"})
    for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(
             DeclarationName(&Ctx.Idents.get(Space))))
      if (const auto *NS = dyn_cast<NamespaceDecl>(D))
        if (!NS->lookup(Jthread).empty())
          return true;
  return false;
}

llvm::ArrayRef<const ThreadLaunch *>
IgnoredStopTokenCheck::jthreadsRunning(const FunctionDecl &Fn) {
  if (Context && JthreadsByEntry.empty() && declaresJthread(*Context)) {
    Threads.ensure(*Context, ThreadEntryOptions{});
    for (const ThreadLaunch &Launch : Threads.launches()) {
      if ((Launch.Kind != ThreadLaunchKind::StdJthread &&
           Launch.Kind != ThreadLaunchKind::CoopJthread) ||
          Launch.Detached || !Launch.Entry)
        continue;
      JthreadsByEntry[Launch.Entry->getCanonicalDecl()].push_back(&Launch);
      // A launch in a template instantiation is reported in the pattern.
      if (const FunctionDecl *Pattern =
              Launch.Entry->getTemplateInstantiationPattern())
        if (Pattern != Launch.Entry)
          JthreadsByEntry[Pattern->getCanonicalDecl()].push_back(&Launch);
    }
  }
  // Remember that the map is built even when it stays empty.
  if (Context)
    JthreadsByEntry[nullptr];
  auto It = JthreadsByEntry.find(Fn.getCanonicalDecl());
  if (It == JthreadsByEntry.end())
    return {};
  return It->second;
}

/// True if the jthread passes its entry a stop token: the entry takes one
/// first, or (a generic lambda's `auto`) takes one more argument than the
/// launch gives it.
static bool passesToken(const ThreadLaunch &Launch) {
  const FunctionDecl *Entry = Launch.Entry;
  if (!Entry || Entry->getNumParams() == 0)
    return false;
  QualType First = Entry->getParamDecl(0)->getType();
  if (!First->isDependentType())
    return isStopTokenType(First);
  unsigned Args = 0;
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Launch.Creation))
    Args = Construct->getNumArgs();
  else if (const auto *Call = dyn_cast_or_null<CallExpr>(Launch.Creation))
    Args = Call->getNumArgs();
  // The arguments are the callable and what follows it.
  return Args >= 1 && Entry->getNumParams() == Args;
}

void IgnoredStopTokenCheck::checkFunction(const FunctionDecl &Fn,
                                          ASTContext &Ctx) {
  for (const ParmVarDecl *Param : Fn.parameters()) {
    QualType T = Param->getType();
    bool IsToken = !T->isDependentType() && isStopTokenType(T);
    // A generic lambda's `auto token` is a token where a jthread calls it.
    if (T->isDependentType() && Param->getFunctionScopeIndex() == 0)
      for (const ThreadLaunch *Launch : jthreadsRunning(Fn))
        IsToken |= passesToken(*Launch);
    if (IsToken) {
      checkTokenParameter(Fn, *Param, Ctx);
      return;
    }
  }
  for (const ThreadLaunch *Launch : jthreadsRunning(Fn))
    checkTokenlessJthread(*Launch, Fn, Ctx);
}

// --- is the token used? ----------------------------------------------------

namespace {

/// Finds a use of a variable inside a body, lambdas included: anything but
/// a cast to void (`(void)token;` is how code says "deliberately unused").
class UseFinder : public RecursiveASTVisitor<UseFinder> {
public:
  explicit UseFinder(const ValueDecl &Var) : Var(Var) {}
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseCStyleCastExpr(CStyleCastExpr *Cast) {
    if (Cast->getType()->isVoidType() && refersToVar(Cast->getSubExpr()))
      return true;
    return RecursiveASTVisitor::TraverseCStyleCastExpr(Cast);
  }
  bool TraverseCXXStaticCastExpr(CXXStaticCastExpr *Cast) {
    if (Cast->getType()->isVoidType() && refersToVar(Cast->getSubExpr()))
      return true;
    return RecursiveASTVisitor::TraverseCXXStaticCastExpr(Cast);
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl() == &Var)
      Found = true;
    return !Found;
  }

  bool Found = false;

private:
  bool refersToVar(const Expr *E) const {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref && Ref->getDecl() == &Var;
  }
  const ValueDecl &Var;
};

bool isUsed(const ValueDecl &Var, const Stmt *Body) {
  UseFinder Finder(Var);
  Finder.TraverseStmt(const_cast<Stmt *>(Body));
  return Finder.Found;
}

/// True if the name is declared or referenced anywhere in Fn (parameters and
/// body): a parameter given that name could shadow or collide with it.
class NameFinder : public RecursiveASTVisitor<NameFinder> {
public:
  explicit NameFinder(StringRef Name) : Name(Name) {}
  bool VisitNamedDecl(NamedDecl *D) {
    if (D->getIdentifier() && D->getName() == Name)
      Found = true;
    return !Found;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl()->getIdentifier() && Ref->getDecl()->getName() == Name)
      Found = true;
    return !Found;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    const ValueDecl *D = Member->getMemberDecl();
    if (D->getIdentifier() && D->getName() == Name)
      Found = true;
    return !Found;
  }
  bool VisitOverloadExpr(OverloadExpr *E) {
    if (E->getName().isIdentifier() && E->getName().getAsString() == Name)
      Found = true;
    return !Found;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    if (E->getMember().isIdentifier() && E->getMember().getAsString() == Name)
      Found = true;
    return !Found;
  }
  bool Found = false;

private:
  StringRef Name;
};

bool nameIsFree(const FunctionDecl &Fn, StringRef Name) {
  NameFinder Finder(Name);
  for (const ParmVarDecl *Param : Fn.parameters())
    Finder.TraverseDecl(const_cast<ParmVarDecl *>(Param));
  Finder.TraverseStmt(Fn.getBody());
  return !Finder.Found;
}

// --- the fix ----------------------------------------------------------------

/// The condition to write for a token named Name: `!token.stop_requested()`,
/// or `!coop_stop_requested(token)` for the C API's token.
std::string stopCheckFor(StopTokenKind Kind, StringRef Name) {
  if (Kind == StopTokenKind::CoopC)
    return ("!coop_stop_requested(" + Name + ")").str();
  return ("!" + Name + ".stop_requested()").str();
}

/// True for `true`, `1` (any non-zero integer literal), possibly in parens.
bool isLiteralTrue(const Expr *E) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *Bool = dyn_cast<CXXBoolLiteralExpr>(E))
    return Bool->getValue();
  if (const auto *Int = dyn_cast<IntegerLiteral>(E))
    return Int->getValue() != 0;
  return false;
}

/// The edit that makes Loop stop when the token is stopped: a `true`
/// condition of while/do replaced, or a condition put into an empty `for`
/// header. Nothing for other loops or where macros are involved.
std::optional<FixItHint> conditionRewrite(const Stmt &Loop,
                                          const std::string &Check,
                                          const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  const Expr *Cond = nullptr;
  if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    if (While->getConditionVariable())
      return std::nullopt;
    Cond = While->getCond();
  } else if (const auto *Do = dyn_cast<DoStmt>(&Loop)) {
    Cond = Do->getCond();
  } else if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    if (For->getCond() || For->getConditionVariable()) {
      Cond = For->getCond();
    } else {
      // `for (init; ; inc)`: insert after the first `;` of the header.
      SourceLocation LParen = For->getLParenLoc();
      if (LParen.isInvalid() || LParen.isMacroID() ||
          For->getRParenLoc().isMacroID())
        return std::nullopt;
      SourceLocation Semi;
      if (const Stmt *Init = For->getInit()) {
        // A declaration's range ends at its `;`; an expression's does not.
        SourceLocation End = Init->getEndLoc();
        if (End.isMacroID())
          return std::nullopt;
        std::optional<Token> Next =
            isa<DeclStmt>(Init) ? std::optional<Token>()
                                : Lexer::findNextToken(End, SM, LO);
        if (isa<DeclStmt>(Init))
          Semi = End;
        else if (Next && Next->is(tok::semi))
          Semi = Next->getLocation();
      } else {
        std::optional<Token> Next = Lexer::findNextToken(LParen, SM, LO);
        if (Next && Next->is(tok::semi))
          Semi = Next->getLocation();
      }
      if (Semi.isInvalid())
        return std::nullopt;
      return FixItHint::CreateInsertion(
          Lexer::getLocForEndOfToken(Semi, 0, SM, LO), " " + Check);
    }
  }
  if (!isLiteralTrue(Cond))
    return std::nullopt;
  CharSourceRange Range = CharSourceRange::getTokenRange(Cond->getSourceRange());
  if (Cond->getBeginLoc().isMacroID() || Cond->getEndLoc().isMacroID())
    return std::nullopt;
  return FixItHint::CreateReplacement(Range, Check);
}

StringRef functionDescription(const FunctionDecl &Fn, std::string &Storage) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Fn))
    if (Method->getParent()->isLambda())
      return "this lambda";
  Storage = "'" + Fn.getNameAsString() + "'";
  return Storage;
}

} // namespace

// --- what keeps the function from returning --------------------------------

namespace {

/// Collects a function's outermost loops (not those of lambdas written in
/// it) and its calls, in source order.
class BodyWalker : public RecursiveASTVisitor<BodyWalker> {
public:
  bool shouldVisitImplicitCode() const { return false; }
  bool TraverseLambdaExpr(LambdaExpr *, DataRecursionQueue * = nullptr) {
    return true; // its own function
  }
  bool TraverseBlockExpr(BlockExpr *) { return true; }
  bool VisitStmt(Stmt *S) {
    if (isLoopStmt(S))
      LoopStmts.push_back(S);
    if (auto *Call = dyn_cast<CallExpr>(S))
      Calls.push_back(Call);
    return true;
  }
  llvm::SmallVector<const Stmt *, 4> LoopStmts;
  llvm::SmallVector<const CallExpr *, 8> Calls;
};

bool contains(const Stmt *Outer, const Stmt *Inner) {
  return Outer->getBeginLoc() <= Inner->getBeginLoc() &&
         Inner->getEndLoc() <= Outer->getEndLoc() && Outer != Inner;
}

} // namespace

IgnoredStopTokenCheck::Hang
IgnoredStopTokenCheck::findHang(const FunctionDecl &Fn, ASTContext &Ctx) {
  Hang Result;
  BodyWalker Walker;
  Walker.TraverseStmt(Fn.getBody());
  // Pre-order: an outer loop comes before the loops nested in it.
  llvm::SmallVector<const Stmt *, 4> Endless;
  for (const Stmt *Loop : Walker.LoopStmts) {
    if (llvm::any_of(Endless,
                     [&](const Stmt *Outer) { return contains(Outer, Loop); }))
      continue;
    if (!Loops->analyze(*Loop, Fn).endsByItself())
      Endless.push_back(Loop);
  }
  if (!Endless.empty()) {
    Result.Loop = Endless.front();
    Result.Loops = Endless.size();
    return Result;
  }
  Result.BlockingCall = findBlockingCall(Fn, Ctx);
  return Result;
}

const Stmt *IgnoredStopTokenCheck::findForeverLoop(const FunctionDecl &Fn) {
  BodyWalker Walker;
  Walker.TraverseStmt(Fn.getBody());
  for (const Stmt *Loop : Walker.LoopStmts)
    if (Loops->analyze(*Loop, Fn).isInfinite())
      return Loop;
  return nullptr;
}

/// The coop-unbounded-wait table row Call is a call of: a global function
/// the row names, or a method of the row's class called on an object of
/// that class (std::future<T>::wait is declared in a base in libstdc++).
static const UnsafeApi *blockingApiOf(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || Call.containsErrors())
    return nullptr;
  const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(&Call);
  const CXXRecordDecl *ObjectClass = nullptr;
  if (MemberCall)
    if (const Expr *Object = MemberCall->getImplicitObjectArgument()) {
      QualType T = Object->IgnoreParenImpCasts()->getType();
      if (T->isPointerType())
        T = T->getPointeeType();
      ObjectClass = T->getAsCXXRecordDecl();
    }
  bool Global = Callee->getDeclContext()->getRedeclContext()->isTranslationUnit();
  for (const UnsafeApi *Api : unsafeApisOf(names::UnboundedWait)) {
    auto [Scope, Name] = Api->Api.rsplit("::");
    if (Name != Callee->getName())
      continue;
    if (blockingShape(Api->Id).IsMethod) {
      const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      if (MemberCall && Method &&
          (isRecordNamed(ObjectClass, Scope) ||
           isRecordNamed(Method->getParent(), Scope)))
        return Api;
    } else if (!MemberCall && Global && Scope.empty()) {
      return Api;
    }
  }
  return nullptr;
}

const CallExpr *IgnoredStopTokenCheck::findBlockingCall(const FunctionDecl &Fn,
                                                        ASTContext &Ctx) {
  BodyWalker Walker;
  Walker.TraverseStmt(Fn.getBody());
  for (const CallExpr *Call : Walker.Calls) {
    const UnsafeApi *Api = blockingApiOf(*Call);
    if (!Api)
      continue;
    BlockingShape Shape = blockingShape(Api->Id);
    if (Shape.OnlyOnSockets || Shape.OnlyOnWorkers)
      continue; // a read of a file or a join needs more context
    if (Shape.TimeoutArg &&
        !hasInfiniteTimeout(Shape, *Call, Ctx))
      continue;
    if (Shape.NoWaitFlagArg &&
        mayHaveNoWaitFlag(Shape, *Call, Ctx, PP))
      continue;
    return Call;
  }
  return nullptr;
}

// --- reports ----------------------------------------------------------------

static std::string replacementFor(StopTokenKind Kind, StringRef TokenName) {
  switch (Kind) {
  case StopTokenKind::CoopC:
    return ("check coop_stop_requested(" + TokenName +
            ") in the loop, or pass the token to the wait (coop_cond_wait, "
            "coop_sem_wait, coop_sleep_ms, coop_wait_fd)")
        .str();
  case StopTokenKind::Std:
  case StopTokenKind::Coop:
  case StopTokenKind::None:
    break;
  }
  return ("check " + TokenName +
          ".stop_requested() in the loop, or pass the token to the wait "
          "(coop::wait, coop::sleep_for, coop::recv, ...)")
      .str();
}

void IgnoredStopTokenCheck::checkTokenParameter(const FunctionDecl &Fn,
                                                const ParmVarDecl &Token,
                                                ASTContext &Ctx) {
  if (isUsed(Token, Fn.getBody()))
    return;
  Hang H = findHang(Fn, Ctx);
  if (!H.Loop && !H.BlockingCall)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  bool Named = Token.getIdentifier() != nullptr;
  SourceLocation Loc =
      userFacingLoc(SM, Named ? Token.getLocation() : Token.getBeginLoc());
  if (!Reported.firstTime(Loc))
    return;

  // The jthread that hands Fn its token (Fn is its callable and the token
  // its first parameter).
  const ThreadLaunch *Jthread = nullptr;
  if (Fn.getNumParams() > 0 && Fn.getParamDecl(0) == &Token)
    for (const ThreadLaunch *Launch : jthreadsRunning(Fn)) {
      Jthread = Launch;
      break;
    }

  StopTokenKind Kind = stopTokenKind(Token.getType());
  StringRef TokenName = Named ? Token.getName() : StringRef("token");
  std::string FnStorage;
  {
    auto Diag =
        diag(Loc, "%select{the unnamed stop token|stop token '%1'}0 is never "
                  "used, so a stop request cannot end %select{the loop|the "
                  "blocking wait}2 in %3%select{|, and the '%5' running it "
                  "hangs in its destructor, which requests stop and then "
                  "joins}4; cooperative replacement: %6")
        << Named << TokenName << (H.Loop == nullptr)
        << functionDescription(Fn, FnStorage) << (Jthread != nullptr)
        << (Jthread ? threadLaunchKindName(Jthread->Kind) : StringRef())
        << replacementFor(Kind, TokenName);
    // The fix: end the one endless loop when the token is stopped, naming
    // an unnamed token first.
    if (H.Loop && H.Loops == 1 && (Named || nameIsFree(Fn, TokenName))) {
      std::optional<FixItHint> Rewrite =
          conditionRewrite(*H.Loop, stopCheckFor(Kind, TokenName), Ctx);
      std::optional<FixItHint> Naming;
      if (!Named) {
        SourceLocation TypeEnd = Token.getTypeSourceInfo()
                                     ? Token.getTypeSourceInfo()
                                           ->getTypeLoc()
                                           .getEndLoc()
                                     : SourceLocation();
        if (TypeEnd.isValid() && !TypeEnd.isMacroID())
          Naming = FixItHint::CreateInsertion(
              Lexer::getLocForEndOfToken(TypeEnd, 0, SM, getLangOpts()),
              (" " + TokenName).str());
      }
      if (Rewrite && (Named || Naming)) {
        Diag << *Rewrite;
        if (Naming)
          Diag << *Naming;
      }
    }
  }
  if (H.Loop)
    diag(userFacingLoc(SM, H.Loop->getBeginLoc()),
         "this loop does not end by itself and never checks the token",
         DiagnosticIDs::Note);
  else
    diag(userFacingLoc(SM, H.BlockingCall->getBeginLoc()),
         "this call waits with no timeout and without the token",
         DiagnosticIDs::Note);
  if (Jthread)
    diag(userFacingLoc(SM, Jthread->EntryExpr->getBeginLoc()),
         "the '%0' is given this callable here", DiagnosticIDs::Note)
        << threadLaunchKindName(Jthread->Kind);
}

void IgnoredStopTokenCheck::checkTokenlessJthread(const ThreadLaunch &Launch,
                                                  const FunctionDecl &Entry,
                                                  ASTContext &Ctx) {
  if (!Launch.EntryExpr || passesToken(Launch))
    return;
  const Stmt *Loop = findForeverLoop(Entry);
  if (!Loop)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = userFacingLoc(SM, Launch.EntryExpr->getBeginLoc());
  if (!Reported.firstTime(Loc))
    return;
  bool Std = Launch.Kind == ThreadLaunchKind::StdJthread;
  StringRef TokenType = Std ? "std::stop_token" : "coop::stop_token";
  {
    auto Diag = diag(Loc, "'%0' runs a callable that loops forever and takes "
                          "no stop token, so its destructor, which requests "
                          "stop and then joins, waits forever; cooperative "
                          "replacement: take a '%1' as the callable's first "
                          "parameter and end the loop when stop_requested() "
                          "returns true")
                << threadLaunchKindName(Launch.Kind) << TokenType;
    // A lambda written at the launch with no parameters gets the token as
    // its parameter, and the loop checks it.
    const auto *Lambda =
        dyn_cast<LambdaExpr>(Launch.EntryExpr->IgnoreUnlessSpelledInSource());
    if (Lambda && Lambda->getCallOperator() == &Entry &&
        Entry.getNumParams() == 0 && !Lambda->getBeginLoc().isMacroID() &&
        nameIsFree(Entry, "token")) {
      std::optional<FixItHint> Rewrite = conditionRewrite(
          *Loop, stopCheckFor(StopTokenKind::Std, "token"), Ctx);
      std::optional<FixItHint> Param;
      std::string Declaration = (TokenType + " token").str();
      if (Lambda->hasExplicitParameters()) {
        if (const TypeSourceInfo *TSI = Entry.getTypeSourceInfo())
          if (auto Proto =
                  TSI->getTypeLoc().getAsAdjusted<FunctionProtoTypeLoc>())
            if (Proto.getRParenLoc().isValid() &&
                !Proto.getRParenLoc().isMacroID())
              Param = FixItHint::CreateInsertion(Proto.getRParenLoc(),
                                                 Declaration);
      } else {
        SourceLocation Introducer = Lambda->getIntroducerRange().getEnd();
        if (Introducer.isValid() && !Introducer.isMacroID())
          Param = FixItHint::CreateInsertion(
              Lexer::getLocForEndOfToken(Introducer, 0, SM, getLangOpts()),
              "(" + Declaration + ")");
      }
      if (Rewrite && Param) {
        Diag << *Param << *Rewrite;
        Diag << Includes.mainFileInsertion(
            Std ? "<stop_token>" : "<coop/stop_token.hpp>");
      }
    }
  }
  diag(userFacingLoc(SM, Loop->getBeginLoc()), "this loop never ends",
       DiagnosticIDs::Note);
}

void IgnoredStopTokenCheck::onStartOfTranslationUnit() {
  Threads.reset();
}

void IgnoredStopTokenCheck::onEndOfTranslationUnit() {
  if (Context)
    for (const FunctionDecl *Fn : Pending)
      checkFunction(*Fn, *Context);
  Pending.clear();
  Loops.reset();
  Context = nullptr;
  JthreadsByEntry.clear();
  Checked.clear();
  Reported.clear();
  Includes.clear();
}

} // namespace coop
