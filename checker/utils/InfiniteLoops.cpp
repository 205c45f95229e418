#include "InfiniteLoops.h"
#include "Wrappers.h"
#include "ConstantValue.h"
#include "Names.h"
#include "StopTokens.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace coop {

/// What a function's body does to each variable it can see, collected in one
/// walk: the values assigned to it, and whether anything else can change it.
struct LoopAnalyzer::FunctionFacts {
  struct Var {
    /// Initializer and every value assigned (`=`, `+=`, range-for element).
    llvm::SmallVector<const Expr *, 2> Values;
    /// Its address is taken, it is bound to a non-const reference, a
    /// non-const member function is called on it, or it holds a caught
    /// exception: a call may change it.
    bool ChangedByCalls = false;
    /// A lambda captures it by reference: other code may change it.
    bool CapturedByRef = false;
    /// Incremented or decremented somewhere.
    bool Stepped = false;
  };
  llvm::DenseMap<const VarDecl *, Var> Vars;

  /// Memoised dependencies of each variable's value.
  struct Deps {
    unsigned Bits = 0;
    llvm::SmallVector<ExitSource, 2> Sources;
    bool InProgress = false;
  };
  llvm::DenseMap<const VarDecl *, Deps> VarDeps;
};

namespace {

constexpr unsigned MaxSources = 8;

const Expr *strip(const Expr *E) {
  return stripWrappers(E, ExplicitCasts::Keep);
}

/// The variable an lvalue is part of: `x`, `s.field`, `array[i]`.
const VarDecl *baseVariable(const Expr *E) {
  E = strip(E);
  if (!E)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Binding = dyn_cast<BindingDecl>(Ref->getDecl()))
      return dyn_cast_or_null<VarDecl>(Binding->getDecomposedDecl());
    return dyn_cast<VarDecl>(Ref->getDecl());
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->isArrow() ? nullptr : baseVariable(Member->getBase());
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    if (Subscript->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
      return baseVariable(Subscript->getBase());
  return nullptr;
}

bool isAtomicObjectType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isAtomicType())
    return true;
  const auto *RD = T.getCanonicalType()->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return false;
  llvm::StringRef Name = RD->getName();
  return ((Name == "atomic" || Name == "atomic_flag" || Name == "atomic_ref") &&
          isInTopLevelNamespace(RD, "std")) ||
         (Name == "atomic" && isInTopLevelNamespace(RD, "boost"));
}

/// Atomic operations spelled as functions: compiler builtins (what C11's
/// atomic_load & co. expand to) and the Windows Interlocked family.
bool isAtomicFunction(const FunctionDecl *FD) {
  if (!FD->getIdentifier())
    return false;
  llvm::StringRef Name = FD->getName();
  if (FD->getBuiltinID())
    return Name.starts_with("__atomic") || Name.starts_with("__sync") ||
           Name.starts_with("__c11_atomic");
  if (Name.starts_with("Interlocked"))
    return true;
  // std::atomic_load & co., and C11's function forms in <stdatomic.h>.
  return Name.starts_with("atomic_") &&
         (isInTopLevelNamespace(FD, "std") ||
          (FD->getDeclContext()->getRedeclContext()->isTranslationUnit() &&
           FD->getASTContext().getSourceManager().isInSystemHeader(
               FD->getLocation())));
}

bool isBoostInterruptionPoint(const FunctionDecl *FD) {
  if (!FD->getIdentifier() || FD->getName() != "interruption_point")
    return false;
  const auto *NS = dyn_cast<NamespaceDecl>(FD->getDeclContext());
  return NS && NS->getName() == "this_thread" &&
         isInTopLevelNamespace(NS, "boost");
}

bool isBoostInterruptionQuery(const FunctionDecl *FD) {
  if (!FD->getIdentifier() || FD->getName() != "interruption_requested")
    return false;
  const auto *NS = dyn_cast<NamespaceDecl>(FD->getDeclContext());
  return NS && NS->getName() == "this_thread" &&
         isInTopLevelNamespace(NS, "boost");
}

/// A [[noreturn]] call that marks code unreachable rather than leaving it,
/// or that only fails an assertion.
bool isAssertionOrUnreachable(const CallExpr &Call, const FunctionDecl *FD,
                              ASTContext &Ctx) {
  if (FD && FD->getIdentifier()) {
    llvm::StringRef Name = FD->getName();
    if (Name == "__builtin_unreachable" || Name == "__builtin_trap" ||
        (Name == "unreachable" && isInTopLevelNamespace(FD, "std")))
      return true;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  for (SourceLocation Loc = Call.getBeginLoc(); Loc.isMacroID();
       Loc = SM.getImmediateMacroCallerLoc(Loc)) {
    llvm::StringRef Macro =
        Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
    if (Macro.contains_insensitive("assert"))
      return true;
  }
  return false;
}

bool isNoReturnCall(const CallExpr &Call, ASTContext &Ctx) {
  const FunctionDecl *FD = Call.getDirectCallee();
  bool NoReturn = FD ? FD->isNoReturn() : false;
  if (!NoReturn) {
    QualType CalleeType = Call.getCallee()->getType();
    if (const auto *Ptr = CalleeType->getAs<PointerType>())
      CalleeType = Ptr->getPointeeType();
    if (const auto *FT = CalleeType->getAs<FunctionType>())
      NoReturn = FT->getNoReturnAttr();
  }
  return NoReturn && !isAssertionOrUnreachable(Call, FD, Ctx);
}

/// Collects FunctionFacts in one walk of a body. Nested lambdas are other
/// functions: only their captures are looked at.
class FactsCollector {
public:
  explicit FactsCollector(LoopAnalyzer::FunctionFacts &Facts) : Facts(Facts) {}

  void walk(const Stmt *S) {
    if (!S)
      return;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      for (const LambdaCapture &Capture : Lambda->captures())
        if (Capture.capturesVariable() && Capture.getCaptureKind() == LCK_ByRef)
          if (const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar()))
            Facts.Vars[Var].CapturedByRef = true;
      for (const Expr *Init : Lambda->capture_inits())
        walk(Init);
      return;
    }
    if (isa<BlockExpr>(S))
      return;
    visit(S);
    for (const Stmt *Child : S->children())
      walk(Child);
  }

private:
  void changedByCalls(const Expr *E) {
    if (const VarDecl *Var = baseVariable(E))
      Facts.Vars[Var].ChangedByCalls = true;
  }

  void visit(const Stmt *S) {
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D)) {
          const Expr *Init = Var->getInit();
          if (!Init)
            continue;
          Facts.Vars[Var].Values.push_back(Init);
          // `int &alias = x;`: x can now change behind the analysis' back.
          QualType T = Var->getType();
          if (T->isReferenceType() &&
              !T.getNonReferenceType().isConstQualified())
            changedByCalls(Init);
        }
    } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isAssignmentOp())
        if (const VarDecl *Var = baseVariable(BO->getLHS()))
          Facts.Vars[Var].Values.push_back(BO->getRHS());
    } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->getOpcode() == UO_AddrOf)
        changedByCalls(UO->getSubExpr());
      else if (UO->isIncrementDecrementOp())
        if (const VarDecl *Var = baseVariable(UO->getSubExpr()))
          Facts.Vars[Var].Stepped = true;
    } else if (const auto *For = dyn_cast<CXXForRangeStmt>(S)) {
      if (const VarDecl *LoopVar = For->getLoopVariable()) {
        auto &Var = Facts.Vars[LoopVar];
        Var.Values.push_back(For->getRangeInit());
        // Iterating a class calls its begin()/end() and operator*.
        if (For->getRangeInit() &&
            !For->getRangeInit()->getType()->isArrayType())
          Var.ChangedByCalls = true;
      }
    } else if (const auto *Catch = dyn_cast<CXXCatchStmt>(S)) {
      if (const VarDecl *Exception = Catch->getExceptionDecl())
        Facts.Vars[Exception].ChangedByCalls = true;
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      visitCall(*Call);
    }
  }

  void visitCall(const CallExpr &Call) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    unsigned FirstArg = 0;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
      if (!Method || !Method->isConst())
        changedByCalls(Member->getImplicitObjectArgument());
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call)) {
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
      if (Method && Call.getNumArgs() >= 1) {
        FirstArg = 1;
        if (Op->getOperator() == OO_Equal && Call.getNumArgs() == 2) {
          if (const VarDecl *Var = baseVariable(Call.getArg(0)))
            Facts.Vars[Var].Values.push_back(Call.getArg(1));
        } else if (!Method->isConst()) {
          changedByCalls(Call.getArg(0));
        }
      }
    }
    if (!Callee)
      return;
    for (unsigned I = FirstArg; I < Call.getNumArgs(); ++I) {
      unsigned Param = I - FirstArg;
      if (Param >= Callee->getNumParams())
        break;
      QualType T = Callee->getParamDecl(Param)->getType();
      if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
        changedByCalls(Call.getArg(I));
    }
  }

  LoopAnalyzer::FunctionFacts &Facts;
};

} // namespace

/// Computes what an expression depends on, following local variables to the
/// values assigned to them.
class DependencyFinder {
public:
  DependencyFinder(LoopAnalyzer &A, const FunctionDecl &Fn,
                   LoopAnalyzer::FunctionFacts &Facts)
      : A(A), Ctx(A.Ctx), Fn(Fn), Facts(Facts) {}

  unsigned of(const Expr *E, llvm::SmallVectorImpl<ExitSource> *Sources) {
    if (!E)
      return 0;
    if (E->isTypeDependent() || E->isValueDependent() || E->containsErrors())
      return DependsOnUnknown;
    E = strip(E);
    if (isa<IntegerLiteral, CXXBoolLiteralExpr, FloatingLiteral,
            CharacterLiteral, StringLiteral, CXXNullPtrLiteralExpr,
            UnaryExprOrTypeTraitExpr, LambdaExpr, BlockExpr,
            GNUNullExpr>(E))
      return 0;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return ofDecl(Ref->getDecl(), Ref, Sources);
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return ofMember(*Member, Sources);
    if (isa<CXXThisExpr>(E))
      return add(Sources, DependsOnNonLocal, E, nullptr);
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_Deref)
        return add(Sources, DependsOnNonLocal, E, nullptr) |
               of(UO->getSubExpr(), Sources);
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      unsigned Bits = of(Subscript->getBase(), Sources) |
                      of(Subscript->getIdx(), Sources);
      if (!Subscript->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        Bits |= add(Sources, DependsOnNonLocal, E, nullptr);
      return Bits;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E))
      return ofCall(*Call, Sources);
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
      return of(Default->getExpr(), Sources);
    if (const auto *Default = dyn_cast<CXXDefaultInitExpr>(E))
      return of(Default->getExpr(), Sources);
    if (const auto *Opaque = dyn_cast<OpaqueValueExpr>(E))
      return of(Opaque->getSourceExpr(), Sources);
    unsigned Bits = 0;
    for (const Stmt *Child : E->children())
      if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
        Bits |= of(ChildExpr, Sources);
    return Bits;
  }

  /// Dependencies of a variable's value, as read in Fn.
  unsigned ofVar(const VarDecl *Var, const Expr *Use,
                 llvm::SmallVectorImpl<ExitSource> *Sources) {
    QualType T = Var->getType();
    unsigned Bits = typeBits(T, Use, Var, Sources);
    if (T.isVolatileQualified())
      Bits |= add(Sources, DependsOnNonLocal, Use, Var);

    const auto *Owner =
        dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
    bool Declared = Owner && Owner->getCanonicalDecl() == Fn.getCanonicalDecl();
    bool ByCopyCapture = false;
    if (!Declared) {
      if (std::optional<LambdaCaptureKind> Kind = captureKind(Var)) {
        if (*Kind == LCK_ByRef)
          return Bits | add(Sources, DependsOnNonLocal, Use, Var);
        ByCopyCapture = true;
      }
    }
    if (!Declared && !ByCopyCapture) {
      // A global, a static member, or a variable of an enclosing function
      // used without capture: constant if const, shared otherwise.
      if (T.isConstQualified() && !T->isReferenceType() && Var->getInit() &&
          !Var->getType()->isRecordType())
        return Bits | of(Var->getInit(), Sources);
      return Bits | add(Sources, DependsOnNonLocal, Use, Var);
    }
    if (Declared && (Var->isStaticLocal() || !Var->hasLocalStorage()))
      return Bits | add(Sources, DependsOnNonLocal, Use, Var);
    if (T->isReferenceType()) {
      // A reference parameter refers to the caller's object; a local
      // reference to whatever initialised it.
      if (isa<ParmVarDecl>(Var) || !Var->getInit())
        return Bits | add(Sources, DependsOnNonLocal, Use, Var);
    }
    if (isa<ParmVarDecl>(Var) || ByCopyCapture)
      Bits |= DependsOnInput;

    auto &Memo = Facts.VarDeps[Var];
    if (Memo.InProgress)
      return Bits;
    if (!Memo.Bits && Memo.Sources.empty()) {
      Memo.InProgress = true;
      unsigned Computed = 0;
      llvm::SmallVector<ExitSource, 2> Found;
      auto It = Facts.Vars.find(Var);
      if (It != Facts.Vars.end()) {
        const LoopAnalyzer::FunctionFacts::Var &Info = It->second;
        if (Info.CapturedByRef)
          Computed |= add(&Found, DependsOnNonLocal, Use, Var);
        if (Info.ChangedByCalls)
          Computed |= add(&Found, DependsOnCallResult, Use, Var);
        for (const Expr *Value : Info.Values)
          Computed |= of(Value, &Found);
      }
      // The map may have grown while recursing: look the entry up again.
      auto &Done = Facts.VarDeps[Var];
      Done.InProgress = false;
      Done.Bits = Computed;
      Done.Sources = std::move(Found);
    }
    const auto &Done = Facts.VarDeps[Var];
    if (Sources)
      for (const ExitSource &S : Done.Sources)
        if (Sources->size() < MaxSources)
          Sources->push_back(S);
    return Bits | Done.Bits;
  }

private:
  unsigned add(llvm::SmallVectorImpl<ExitSource> *Sources, ExitDependency Kind,
               const Expr *Use, const ValueDecl *D) {
    if (Sources && Sources->size() < MaxSources)
      Sources->push_back({Kind, Use, D});
    return Kind;
  }

  unsigned typeBits(QualType T, const Expr *Use, const ValueDecl *D,
                    llvm::SmallVectorImpl<ExitSource> *Sources) {
    unsigned Bits = 0;
    if (isAtomicObjectType(T))
      Bits |= add(Sources, DependsOnAtomic, Use, D);
    if (isStopTokenType(T))
      Bits |= add(Sources, DependsOnStopToken, Use, D);
    return Bits;
  }

  /// How the lambda Fn captures Var, if Fn is a lambda that captures it.
  std::optional<LambdaCaptureKind> captureKind(const VarDecl *Var) {
    const auto *Method = dyn_cast<CXXMethodDecl>(&Fn);
    if (!Method || !Method->getParent()->isLambda())
      return std::nullopt;
    for (const LambdaCapture &Capture : Method->getParent()->captures())
      if (Capture.capturesVariable() &&
          Capture.getCapturedVar()->getCanonicalDecl() ==
              Var->getCanonicalDecl())
        return Capture.getCaptureKind();
    return std::nullopt;
  }

  unsigned ofDecl(const ValueDecl *D, const Expr *Use,
                  llvm::SmallVectorImpl<ExitSource> *Sources) {
    if (const auto *Binding = dyn_cast<BindingDecl>(D))
      if (const auto *Var =
              dyn_cast_or_null<VarDecl>(Binding->getDecomposedDecl()))
        return ofVar(Var, Use, Sources);
    if (const auto *Var = dyn_cast<VarDecl>(D))
      return ofVar(Var, Use, Sources);
    return 0; // enumerators, functions
  }

  unsigned ofMember(const MemberExpr &Member,
                    llvm::SmallVectorImpl<ExitSource> *Sources) {
    const ValueDecl *D = Member.getMemberDecl();
    if (const auto *Var = dyn_cast<VarDecl>(D)) // a static data member
      return ofVar(Var, &Member, Sources);
    unsigned Bits = typeBits(D->getType(), &Member, D, Sources);
    if (isa<CXXMethodDecl>(D)) // the callee of a member call
      return Bits | of(Member.getBase(), Sources);
    const Expr *Base = strip(Member.getBase());
    if (Member.isArrow() || isa<CXXThisExpr>(Base))
      return Bits | add(Sources, DependsOnNonLocal, &Member, D) |
             (isa<CXXThisExpr>(Base) ? 0 : of(Base, Sources));
    return Bits | of(Base, Sources);
  }

  unsigned ofCall(const CallExpr &Call,
                  llvm::SmallVectorImpl<ExitSource> *Sources) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (Callee && Callee->isConstexpr()) {
      Expr::EvalResult Result;
      if (Call.EvaluateAsRValue(Result, Ctx))
        return 0;
    }
    // std::move and std::forward are casts.
    if (Callee && Callee->getIdentifier() && Call.getNumArgs() == 1 &&
        (Callee->getName() == "move" || Callee->getName() == "forward") &&
        isInTopLevelNamespace(Callee, "std"))
      return of(Call.getArg(0), Sources);
    unsigned Bits = add(Sources, DependsOnCallResult, &Call, Callee);
    if (Callee) {
      if (matchesAnyName(Callee, A.Opts.StopCheckFunctions))
        Bits |= add(Sources, DependsOnStopCheckFunction, &Call, Callee);
      if (isAtomicFunction(Callee))
        Bits |= add(Sources, DependsOnAtomic, &Call, Callee);
      if (isBoostInterruptionQuery(Callee))
        Bits |= add(Sources, DependsOnStopToken, &Call, Callee);
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
      Bits |= of(Member->getImplicitObjectArgument(), Sources);
    else if (!isa<CXXOperatorCallExpr>(&Call))
      Bits |= of(Call.getCallee(), Sources) & ~DependsOnUnknown;
    for (const Expr *Arg : Call.arguments())
      Bits |= of(Arg, Sources);
    return Bits;
  }

  LoopAnalyzer &A;
  ASTContext &Ctx;
  const FunctionDecl &Fn;
  LoopAnalyzer::FunctionFacts &Facts;
};

namespace {

/// A condition an exit sits under, and the value it must have for the exit
/// to be reached (none for a switch or a range-for).
struct Guard {
  const Expr *Cond; // null: inside a catch handler
  std::optional<bool> Polarity;
};

/// How a variable is written inside the loop: what a counter needs.
enum StepBits : unsigned {
  StepUp = 1,
  StepDown = 2,
  StepNonUnit = 4,
  WrittenOtherwise = 8,
};

} // namespace

/// Walks one loop: its exits, the guards over each, and how the loop writes
/// its variables.
class LoopWalker {
public:
  LoopWalker(LoopAnalyzer &A, const FunctionDecl &Fn,
             LoopAnalyzer::FunctionFacts &Facts, LoopInfo &Info)
      : A(A), Ctx(A.Ctx), Facts(Facts), Deps(A, Fn, Facts),
        Info(Info) {}

  void run(const Stmt &Loop) {
    const Stmt *Body = nullptr;
    const Expr *Cond = nullptr;
    const Stmt *Inc = nullptr;
    if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
      Body = For->getBody();
      Cond = For->getCond();
      Inc = For->getInc();
    } else if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
      Body = While->getBody();
      Cond = While->getCond();
    } else if (const auto *Do = dyn_cast<DoStmt>(&Loop)) {
      Body = Do->getBody();
      Cond = Do->getCond();
    } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop)) {
      Body = Range->getBody();
    }
    walk(Body);
    walk(Inc);
    if (Cond)
      walk(Cond);
    resolveGotos();

    if (!Info.ConditionAlwaysTrue) {
      LoopExit Exit;
      Exit.Kind = LoopExitKind::Condition;
      if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop)) {
        Exit.Site = Range->getRangeInit();
        Exit.Dependencies = Deps.of(Range->getRangeInit(), &Exit.Sources);
        // A range ends by itself unless it is endless (a generator);
        // treat it as counted.
        Exit.Dependencies |= DependsOnCounter;
      } else if (Cond) {
        Exit.Site = Cond;
        Exit.Dependencies = Deps.of(Cond, &Exit.Sources);
        if (isCounted(Cond, false))
          Exit.Dependencies |= DependsOnCounter;
      }
      Info.Exits.insert(Info.Exits.begin(), std::move(Exit));
    }
    for (PendingExit &P : Pending)
      Info.Exits.push_back(finishExit(P));
  }

private:
  struct PendingExit {
    LoopExitKind Kind;
    const Stmt *Site;
    llvm::SmallVector<Guard, 4> Guards;
    unsigned ExtraDependencies = 0;
    bool NeverUnconditional = false;
  };

  void addExit(LoopExitKind Kind, const Stmt *Site, unsigned Extra = 0,
               bool NeverUnconditional = false) {
    Pending.push_back({Kind, Site, Guards, Extra, NeverUnconditional});
  }

  LoopExit finishExit(const PendingExit &P) {
    LoopExit Exit;
    Exit.Kind = P.Kind;
    Exit.Site = P.Site;
    Exit.Dependencies = P.ExtraDependencies;
    if (P.ExtraDependencies & DependsOnCallResult)
      if (const auto *Call = dyn_cast<CallExpr>(P.Site))
        Exit.Sources.push_back({DependsOnCallResult, Call,
                                Call->getDirectCallee()});
    if (P.ExtraDependencies & DependsOnStopCheckFunction)
      if (const auto *Call = dyn_cast<CallExpr>(P.Site))
        Exit.Sources.push_back({DependsOnStopCheckFunction, Call,
                                Call->getDirectCallee()});
    if (P.ExtraDependencies & DependsOnStopToken)
      if (const auto *Call = dyn_cast<CallExpr>(P.Site))
        Exit.Sources.push_back({DependsOnStopToken, Call,
                                Call->getDirectCallee()});
    for (const Guard &G : P.Guards) {
      if (!G.Cond) { // inside a catch handler: an exception a call threw
        Exit.Dependencies |= DependsOnCallResult;
        continue;
      }
      Exit.Dependencies |= Deps.of(G.Cond, &Exit.Sources);
      if (G.Polarity && isCounted(G.Cond, *G.Polarity))
        Exit.Dependencies |= DependsOnCounter;
    }
    Exit.Unconditional = P.Guards.empty() && !P.NeverUnconditional;
    return Exit;
  }

  /// The constant value of a guard, if it has one.
  std::optional<bool> constantCondition(const Expr *Cond) {
    if (!Cond || Cond->isValueDependent() || Cond->isTypeDependent() ||
        Cond->containsErrors())
      return std::nullopt;
    bool Value;
    if (Cond->EvaluateAsBooleanCondition(Value, Ctx))
      return Value;
    return std::nullopt;
  }

  /// Walks S under guard (Cond, Polarity); false if the guard is constant
  /// and never lets S run.
  void walkGuarded(const Stmt *S, const Expr *Cond,
                   std::optional<bool> Polarity) {
    if (!S)
      return;
    std::optional<bool> Constant = constantCondition(Cond);
    if (Constant && Polarity && *Constant != *Polarity)
      return; // unreachable
    bool Pushed = !Constant;
    if (Pushed)
      Guards.push_back({Cond, Polarity});
    walk(S);
    if (Pushed)
      Guards.pop_back();
  }

  void walkBreakable(const Stmt *S, const Expr *Cond,
                     std::optional<bool> Polarity) {
    ++BreakDepth;
    if (Cond)
      walkGuarded(S, Cond, Polarity);
    else
      walk(S);
    --BreakDepth;
  }

  void walk(const Stmt *S) {
    if (!S)
      return;
    if (isa<LambdaExpr, BlockExpr>(S))
      return; // another function
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      walk(If->getInit());
      if (const DeclStmt *CondVar = If->getConditionVariableDeclStmt())
        walk(CondVar);
      const Expr *Cond = If->getCond();
      if (Cond)
        walk(Cond);
      if (!Cond) { // `if consteval`
        walk(If->getThen());
        walk(If->getElse());
        return;
      }
      walkGuarded(If->getThen(), Cond, true);
      walkGuarded(If->getElse(), Cond, false);
      return;
    }
    if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
      walk(Switch->getInit());
      if (const DeclStmt *CondVar = Switch->getConditionVariableDeclStmt())
        walk(CondVar);
      walk(Switch->getCond());
      walkBreakable(Switch->getBody(), Switch->getCond(), std::nullopt);
      return;
    }
    if (const auto *While = dyn_cast<WhileStmt>(S)) {
      if (const DeclStmt *CondVar = While->getConditionVariableDeclStmt())
        walk(CondVar);
      walk(While->getCond());
      walkBreakable(While->getBody(), While->getCond(), true);
      return;
    }
    if (const auto *Do = dyn_cast<DoStmt>(S)) {
      walkBreakable(Do->getBody(), nullptr, std::nullopt);
      walk(Do->getCond());
      return;
    }
    if (const auto *For = dyn_cast<ForStmt>(S)) {
      walk(For->getInit());
      if (const DeclStmt *CondVar = For->getConditionVariableDeclStmt())
        walk(CondVar);
      walk(For->getCond());
      ++BreakDepth;
      if (For->getCond()) {
        walkGuarded(For->getBody(), For->getCond(), true);
        walkGuarded(For->getInc(), For->getCond(), true);
      } else {
        walk(For->getBody());
        walk(For->getInc());
      }
      --BreakDepth;
      return;
    }
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
      walk(Range->getInit());
      walk(Range->getRangeInit());
      if (const VarDecl *LoopVar = Range->getLoopVariable())
        noteOtherWrite(LoopVar);
      walkBreakable(Range->getBody(), Range->getRangeInit(), std::nullopt);
      return;
    }
    if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(S)) {
      // `a ?: b` evaluates a once, through an opaque value.
      const auto *Binary = dyn_cast<BinaryConditionalOperator>(Cond);
      walk(Binary ? Binary->getCommon() : Cond->getCond());
      if (!Binary)
        walkGuarded(Cond->getTrueExpr(), Cond->getCond(), true);
      walkGuarded(Cond->getFalseExpr(), Cond->getCond(), false);
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->getOpcode() == BO_LAnd || BO->getOpcode() == BO_LOr) {
        walk(BO->getLHS());
        walkGuarded(BO->getRHS(), BO->getLHS(), BO->getOpcode() == BO_LAnd);
        return;
      }
      noteWrite(*BO);
    }
    if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
      Trys.push_back(Try);
      walk(Try->getTryBlock());
      Trys.pop_back();
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
        Guards.push_back({nullptr, std::nullopt});
        walk(Try->getHandler(I)->getHandlerBlock());
        Guards.pop_back();
      }
      return;
    }
    visit(S);
    for (const Stmt *Child : S->children())
      walk(Child);
  }

  void visit(const Stmt *S) {
    if (isa<BreakStmt>(S)) {
      if (BreakDepth == 0)
        addExit(LoopExitKind::Break, S);
    } else if (isa<ReturnStmt, CoreturnStmt>(S)) {
      addExit(LoopExitKind::Return, S);
    } else if (const auto *Goto = dyn_cast<GotoStmt>(S)) {
      Gotos.push_back({Goto, Guards});
    } else if (isa<IndirectGotoStmt>(S)) {
      addExit(LoopExitKind::Goto, S, DependsOnUnknown);
    } else if (const auto *Label = dyn_cast<LabelStmt>(S)) {
      LabelsInside.insert(Label->getDecl());
    } else if (const auto *Throw = dyn_cast<CXXThrowExpr>(S)) {
      if (!caughtInside(*Throw))
        addExit(LoopExitKind::Throw, S);
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      visitCall(*Call);
    } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->isIncrementDecrementOp())
        if (const VarDecl *Var = baseVariable(UO->getSubExpr()))
          InLoopWrites[Var] |= UO->isIncrementOp() ? StepUp : StepDown;
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      // Declared in the loop: starts over every iteration.
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          noteOtherWrite(Var);
    }
  }

  void visitCall(const CallExpr &Call) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (isNoReturnCall(Call, Ctx)) {
      addExit(LoopExitKind::NoReturnCall, &Call);
      return;
    }
    if (!Callee)
      return;
    if (matchesAnyName(Callee, A.Opts.StopCheckFunctions)) {
      addExit(LoopExitKind::StopCheckCall, &Call,
              DependsOnStopCheckFunction | DependsOnCallResult, true);
      return;
    }
    if (isBoostInterruptionPoint(Callee)) {
      addExit(LoopExitKind::StopCheckCall, &Call, DependsOnStopToken, true);
      return;
    }
    if (A.calleeMayExit(*Callee) && Trys.empty())
      addExit(LoopExitKind::MayExitCall, &Call, DependsOnCallResult, true);
    // A call that may change a variable: not a counter.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call))
      if (Call.getNumArgs() >= 1)
        noteOtherWrite(baseVariable(Call.getArg(0)));
    for (const Expr *Arg : Call.arguments())
      if (const auto *AddrOf = dyn_cast<UnaryOperator>(strip(Arg)))
        if (AddrOf->getOpcode() == UO_AddrOf)
          noteOtherWrite(baseVariable(AddrOf->getSubExpr()));
  }

  void noteOtherWrite(const VarDecl *Var) {
    if (Var)
      InLoopWrites[Var] |= WrittenOtherwise;
  }

  void noteWrite(const BinaryOperator &BO) {
    if (!BO.isAssignmentOp())
      return;
    const VarDecl *Var = baseVariable(BO.getLHS());
    if (!Var)
      return;
    BinaryOperatorKind Op = BO.getOpcode();
    if (Op == BO_AddAssign || Op == BO_SubAssign) {
      if (std::optional<int64_t> Step =
              constantIntValue(BO.getRHS(), Ctx, FollowLocals::No)) {
        if (*Step == 0) {
          InLoopWrites[Var] |= WrittenOtherwise;
          return;
        }
        bool Up = (Op == BO_AddAssign) == (*Step > 0);
        InLoopWrites[Var] |= (Up ? StepUp : StepDown) |
                             ((*Step == 1 || *Step == -1) ? 0 : StepNonUnit);
        return;
      }
    }
    InLoopWrites[Var] |= WrittenOtherwise;
  }

  bool caughtInside(const CXXThrowExpr &Throw) {
    if (Trys.empty())
      return false;
    const Expr *Operand = Throw.getSubExpr();
    QualType Thrown = Operand ? Operand->getType() : QualType();
    for (const CXXTryStmt *Try : Trys)
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
        QualType Caught = Try->getHandler(I)->getCaughtType();
        if (Caught.isNull())
          return true; // catch (...)
        if (Thrown.isNull())
          continue;
        Caught = Caught.getNonReferenceType().getUnqualifiedType();
        QualType T = Thrown.getUnqualifiedType();
        if (Ctx.hasSameType(Caught, T))
          return true;
        const auto *CaughtRD = Caught->getAsCXXRecordDecl();
        const auto *ThrownRD = T->getAsCXXRecordDecl();
        if (CaughtRD && ThrownRD && ThrownRD->hasDefinition() &&
            ThrownRD->isDerivedFrom(CaughtRD))
          return true;
      }
    return false;
  }

  void resolveGotos() {
    for (auto &[Goto, GotoGuards] : Gotos)
      if (!LabelsInside.contains(Goto->getLabel())) {
        llvm::SmallVector<Guard, 4> Saved = std::move(Guards);
        Guards = GotoGuards;
        addExit(LoopExitKind::Goto, Goto);
        Guards = std::move(Saved);
      }
  }

  /// The counter operand of a comparison: `i`, `++i`, `i--`.
  const VarDecl *counterOperand(const Expr *E) {
    E = strip(E);
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->isIncrementDecrementOp())
        E = strip(UO->getSubExpr());
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    if (!Ref)
      return nullptr;
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !Var->getType()->isIntegerType() ||
        Var->getType().isVolatileQualified() || !Var->hasLocalStorage())
      return nullptr;
    auto Info = Facts.Vars.find(Var);
    if (Info != Facts.Vars.end() &&
        (Info->second.ChangedByCalls || Info->second.CapturedByRef))
      return nullptr;
    return Var;
  }

  /// A bound the loop does not change: a constant, or a variable the loop
  /// never writes.
  bool isLoopInvariant(const Expr *E) {
    if (constantIntValue(E, Ctx, FollowLocals::No))
      return true;
    E = strip(E);
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var || !Var->hasLocalStorage() ||
        Var->getType().isVolatileQualified() ||
        Var->getType()->isReferenceType())
      return false;
    auto Info = Facts.Vars.find(Var);
    if (Info != Facts.Vars.end() &&
        (Info->second.ChangedByCalls || Info->second.CapturedByRef))
      return false;
    return !InLoopWrites.count(Var);
  }

  /// True if Cond taking the value Polarity is a counter reaching its bound:
  /// `++tries > 5`, `--left == 0`, `!(i < n)` with i only stepped towards n.
  bool isCounted(const Expr *Cond, bool Polarity) {
    Cond = strip(Cond);
    while (const auto *Not = dyn_cast<UnaryOperator>(Cond)) {
      if (Not->getOpcode() != UO_LNot)
        break;
      Polarity = !Polarity;
      Cond = strip(Not->getSubExpr());
    }
    const auto *Cmp = dyn_cast<BinaryOperator>(Cond);
    if (!Cmp || !Cmp->isComparisonOp())
      return false;
    BinaryOperatorKind Op = Cmp->getOpcode();
    const Expr *Counter = Cmp->getLHS();
    const Expr *Bound = Cmp->getRHS();
    const VarDecl *Var = counterOperand(Counter);
    if (!Var || !isLoopInvariant(Bound)) {
      Var = counterOperand(Bound);
      if (!Var || !isLoopInvariant(Counter))
        return false;
      Op = BinaryOperator::reverseComparisonOp(Op);
    }
    if (!Polarity)
      Op = BinaryOperator::negateComparisonOp(Op);
    auto Writes = InLoopWrites.find(Var);
    if (Writes == InLoopWrites.end())
      return false;
    unsigned Steps = Writes->second;
    if (Steps & WrittenOtherwise)
      return false;
    switch (Op) {
    case BO_GT:
    case BO_GE:
      return Steps == StepUp || Steps == (StepUp | StepNonUnit);
    case BO_LT:
    case BO_LE:
      return Steps == StepDown || Steps == (StepDown | StepNonUnit);
    case BO_EQ:
      return Steps == StepUp || Steps == StepDown;
    default:
      return false;
    }
  }

  LoopAnalyzer &A;
  ASTContext &Ctx;
  LoopAnalyzer::FunctionFacts &Facts;
  DependencyFinder Deps;
  LoopInfo &Info;

  llvm::SmallVector<Guard, 4> Guards;
  unsigned BreakDepth = 0;
  llvm::SmallVector<const CXXTryStmt *, 2> Trys;
  std::vector<PendingExit> Pending;
  std::vector<std::pair<const GotoStmt *, llvm::SmallVector<Guard, 4>>> Gotos;
  llvm::DenseSet<const LabelDecl *> LabelsInside;
  llvm::DenseMap<const VarDecl *, unsigned> InLoopWrites;
};

bool isLoopStmt(const Stmt *S) {
  return isa_and_nonnull<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

unsigned LoopInfo::allDependencies() const {
  unsigned Bits = 0;
  for (const LoopExit &Exit : Exits)
    Bits |= Exit.Dependencies;
  return Bits;
}

bool LoopInfo::endsByItself() const {
  for (const LoopExit &Exit : Exits)
    if (Exit.Unconditional || (Exit.Dependencies & DependsOnCounter))
      return true;
  return false;
}

LoopAnalyzer::LoopAnalyzer(ASTContext &Ctx, LoopAnalysisOptions Opts)
    : Ctx(Ctx), Opts(std::move(Opts)) {}

LoopAnalyzer::~LoopAnalyzer() = default;

LoopAnalyzer::FunctionFacts &LoopAnalyzer::factsOf(const FunctionDecl &Fn) {
  std::unique_ptr<FunctionFacts> &Slot = Facts[Fn.getCanonicalDecl()];
  if (!Slot) {
    Slot = std::make_unique<FunctionFacts>();
    FactsCollector Collector(*Slot);
    Collector.walk(Fn.getBody());
    // Parameters are initialised by the caller; their "value" is the input.
  }
  return *Slot;
}

bool LoopAnalyzer::calleeMayExit(const FunctionDecl &Callee) {
  const FunctionDecl *Def = Callee.getDefinition();
  if (!Def || !Def->hasBody() ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return false;
  auto [It, Inserted] = CalleeMayExit.try_emplace(Def->getCanonicalDecl(), false);
  if (!Inserted)
    return It->second;
  // A shallow look: a throw or a [[noreturn]] call in the body itself.
  bool MayExit = false;
  llvm::SmallVector<const Stmt *, 16> Work{Def->getBody()};
  while (!Work.empty() && !MayExit) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr, BlockExpr, CXXTryStmt>(S))
      continue;
    if (isa<CXXThrowExpr>(S))
      MayExit = true;
    else if (const auto *Call = dyn_cast<CallExpr>(S))
      MayExit = isNoReturnCall(*Call, Ctx);
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  CalleeMayExit[Def->getCanonicalDecl()] = MayExit;
  return MayExit;
}

bool LoopAnalyzer::conditionAlwaysTrue(const Stmt &Loop,
                                       const FunctionDecl &Fn) {
  const Expr *Cond = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    if (!For->getCond())
      return !For->getConditionVariable();
    Cond = For->getCond();
  } else if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    if (While->getConditionVariable())
      return false;
    Cond = While->getCond();
  } else if (const auto *Do = dyn_cast<DoStmt>(&Loop)) {
    Cond = Do->getCond();
  } else {
    return false;
  }
  if (!Cond || Cond->isValueDependent() || Cond->isTypeDependent() ||
      Cond->containsErrors())
    return false;
  bool Value;
  if (Cond->EvaluateAsBooleanCondition(Value, Ctx))
    return Value;
  // `const int forever = 1;` in C is not a constant expression; a const
  // variable or a local that only ever holds its initializer still counts.
  const Expr *Stripped = strip(Cond);
  const auto *Ref = dyn_cast<DeclRefExpr>(Stripped);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->getInit() || Var->getType().isVolatileQualified())
    return false;
  if (Var->getType().isConstQualified())
    if (std::optional<int64_t> V = constantIntValue(Var->getInit(), Ctx, FollowLocals::No))
      return *V != 0;
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  if (!Owner || Owner->getCanonicalDecl() != Fn.getCanonicalDecl() ||
      !Var->hasLocalStorage() || isa<ParmVarDecl>(Var))
    return false;
  FunctionFacts &F = factsOf(Fn);
  auto It = F.Vars.find(Var);
  if (It == F.Vars.end() || It->second.Values.size() != 1 ||
      It->second.ChangedByCalls || It->second.CapturedByRef ||
      It->second.Stepped)
    return false;
  std::optional<int64_t> V = constantIntValue(Var->getInit(), Ctx, FollowLocals::No);
  return V && *V != 0;
}

LoopInfo LoopAnalyzer::analyze(const Stmt &Loop, const FunctionDecl &Fn) {
  LoopInfo Info;
  Info.Loop = &Loop;
  Info.ConditionAlwaysTrue = conditionAlwaysTrue(Loop, Fn);
  LoopWalker Walker(*this, Fn, factsOf(Fn), Info);
  Walker.run(Loop);
  return Info;
}

unsigned LoopAnalyzer::dependenciesOf(const Expr *E, const FunctionDecl &Fn,
                                      llvm::SmallVectorImpl<ExitSource> *Sources) {
  DependencyFinder Finder(*this, Fn, factsOf(Fn));
  return Finder.of(E, Sources);
}

} // namespace coop
