//===--- SharedVariables.cpp - who reads and writes a variable, and where -===//
//
// One RecursiveASTVisitor pass (template patterns, not instantiations). The
// kind of an access is decided by the expression that consumes it, which the
// pre-order walk visits first: an lvalue-to-rvalue cast marks its operand as
// read, an assignment its left side as written, `&` and reference binding as
// escaping. The variable reference itself then looks its kind up; inside an
// operand that is never evaluated it is none of these.
//
// Written types (TypeLocs) are walked, unlike in the thread-entry walk:
// `decltype(flag)` runs nothing, but it is a use the atomic rewrite must see.
//
//===----------------------------------------------------------------------===//
#include "SharedVariables.h"
#include "LibraryCode.h"
#include "TopLevelDecls.h"
#include "Unevaluated.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace coop {

const ValueDecl *sharedVariableKey(const ValueDecl *D) {
  if (!D || D->isInvalidDecl())
    return nullptr;
  if (const auto *Field = dyn_cast<FieldDecl>(D)) {
    const auto *Record = dyn_cast<CXXRecordDecl>(Field->getParent());
    if (!Record)
      return Field;
    const CXXRecordDecl *Pattern = Record->getTemplateInstantiationPattern();
    if (!Pattern || Pattern == Record)
      return Field;
    if (!Field->getDeclName())
      return Field->getASTContext().getInstantiatedFromUnnamedFieldDecl(
          const_cast<FieldDecl *>(Field));
    for (const NamedDecl *Found : Pattern->lookup(Field->getDeclName()))
      if (const auto *PatternField = dyn_cast<FieldDecl>(Found))
        return PatternField;
    return Field;
  }
  if (const auto *Var = dyn_cast<VarDecl>(D)) {
    if (const VarDecl *From = Var->getInstantiatedFromStaticDataMember())
      Var = From;
    return Var->getCanonicalDecl();
  }
  return nullptr;
}

const ValueDecl *sharedVariableKeyOf(const Expr *E) {
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return sharedVariableKey(Ref->getDecl());
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    return sharedVariableKey(Member->getMemberDecl());
  return nullptr;
}

/// Only scalars are indexed: the variables a thread can poll.
static bool isIndexedType(QualType T) {
  return !T.isNull() && !T->isDependentType() && !T->isReferenceType() &&
         T->isScalarType();
}

static bool isLvalueRefToNonConst(QualType T) {
  const auto *Ref = T.isNull() ? nullptr : T->getAs<LValueReferenceType>();
  return Ref && !Ref->getPointeeType().isConstQualified();
}

namespace {

struct LambdaFrame {
  const LambdaExpr *Lambda;
};

class AccessCollector : public RecursiveASTVisitor<AccessCollector> {
  using Base = RecursiveASTVisitor<AccessCollector>;

public:
  explicit AccessCollector(
      llvm::DenseMap<const ValueDecl *, llvm::SmallVector<VariableAccess, 4>>
          &Accesses,
      llvm::DenseMap<const ValueDecl *,
                     llvm::SmallVector<const LambdaExpr *, 1>> &CopyCaptures)
      : Accesses(Accesses), CopyCaptures(CopyCaptures) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D) {
    // Library code cannot name the program's variables (a lambda's body is
    // the lambda's own function, in the program): skipping it saves most of
    // the walk in a TU of headers.
    if (D && isLibraryInternal(*D))
      return true;
    auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (FD)
      Functions.push_back(FD);
    bool Result = Base::TraverseDecl(D);
    if (FD)
      Functions.pop_back();
    return Result;
  }

  bool TraverseLambdaExpr(LambdaExpr *L, DataRecursionQueue * = nullptr) {
    auto Init = L->capture_init_begin();
    for (const LambdaCapture &Capture : L->captures()) {
      const Expr *CaptureInit = Init != L->capture_init_end() ? *Init++ : nullptr;
      if (!Capture.capturesVariable())
        continue;
      if (Capture.getCaptureKind() == LCK_ByCopy) {
        if (const auto *Var = dyn_cast_or_null<VarDecl>(Capture.getCapturedVar()))
          CopyCaptures[Var->getCanonicalDecl()].push_back(L);
      } else if (CaptureInit) {
        // `[&flag]` names the variable without accessing it.
        NotAccesses.insert(CaptureInit->IgnoreParens());
      }
    }
    Lambdas.push_back(L);
    Functions.push_back(L->getCallOperator());
    bool Result = Base::TraverseLambdaExpr(L);
    Functions.pop_back();
    Lambdas.pop_back();
    return Result;
  }

  // --- consumers: they decide the kind of the access they consume ---------

  bool VisitImplicitCastExpr(ImplicitCastExpr *Cast) {
    if (Cast->getCastKind() == CK_LValueToRValue)
      mark(Cast->getSubExpr(), AccessKind::Read);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      mark(BO->getLHS(), AccessKind::Write);
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      mark(UO->getSubExpr(), AccessKind::Write);
    else if (UO->getOpcode() == UO_AddrOf)
      mark(UO->getSubExpr(), AccessKind::Escape);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    unsigned FirstArg = 0;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      // In a template an assignment to a non-dependent scalar with a
      // dependent right side stays an operator call.
      if (Op->getNumArgs() >= 1 &&
          (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
           Op->getOperator() == OO_MinusMinus))
        if (!Callee || !isa<CXXMethodDecl>(Callee))
          mark(Op->getArg(0), AccessKind::Write);
      if (Op->getOperator() == OO_Amp && Op->getNumArgs() == 1)
        mark(Op->getArg(0), AccessKind::Escape);
      if (isa_and_nonnull<CXXMethodDecl>(Callee) &&
          !cast<CXXMethodDecl>(Callee)->isStatic())
        FirstArg = 1;
    }
    if (!Callee)
      return true;
    for (unsigned I = FirstArg, N = Call->getNumArgs(); I < N; ++I) {
      unsigned Param = I - FirstArg;
      if (Param < Callee->getNumParams() &&
          isLvalueRefToNonConst(Callee->getParamDecl(Param)->getType()))
        mark(Call->getArg(I), AccessKind::Escape);
    }
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor)
      return true;
    for (unsigned I = 0, N = Construct->getNumArgs(); I < N; ++I)
      if (I < Ctor->getNumParams() &&
          isLvalueRefToNonConst(Ctor->getParamDecl(I)->getType()))
        mark(Construct->getArg(I), AccessKind::Escape);
    return true;
  }

  bool VisitVarDecl(VarDecl *Var) {
    if (Var->getInit() && isLvalueRefToNonConst(Var->getType()))
      mark(Var->getInit(), AccessKind::Escape);
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *Return) {
    if (Return->getRetValue() && !Functions.empty() &&
        isLvalueRefToNonConst(Functions.back()->getReturnType()))
      mark(Return->getRetValue(), AccessKind::Escape);
    return true;
  }

  // --- the variable references --------------------------------------------

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !isIndexedType(Var->getType()) || NotAccesses.count(Ref))
      return true;
    if (Ref->refersToEnclosingVariableOrCapture() && isCopyCapture(Var))
      return true;
    record(Ref, sharedVariableKey(Var), false);
    return true;
  }

  bool VisitMemberExpr(MemberExpr *Member) {
    const ValueDecl *D = Member->getMemberDecl();
    if (!isa<FieldDecl>(D) && !isa<VarDecl>(D))
      return true;
    if (!isIndexedType(D->getType()))
      return true;
    record(Member, sharedVariableKey(D), inOwnConstructor(Member));
    return true;
  }

private:
  void mark(const Expr *E, AccessKind Kind) {
    if (E)
      Pending[E->IgnoreParens()] = Kind;
  }

  /// True if the innermost lambda that captures Var, or any lambda between
  /// it and Var's own function, captures it by copy: the reference then
  /// names that lambda's copy.
  bool isCopyCapture(const VarDecl *Var) const {
    for (const LambdaExpr *L : llvm::reverse(Lambdas)) {
      bool Captured = false;
      for (const LambdaCapture &Capture : L->captures())
        if (Capture.capturesVariable() && Capture.getCapturedVar() == Var) {
          if (Capture.getCaptureKind() == LCK_ByCopy)
            return true;
          Captured = true;
        }
      if (!Captured)
        return false;
    }
    return false;
  }

  bool inOwnConstructor(const MemberExpr *Member) const {
    if (Functions.empty() || !isa<FieldDecl>(Member->getMemberDecl()))
      return false;
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(Functions.back());
    if (!Ctor || !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      return false;
    return Ctor->getParent() ==
           cast<FieldDecl>(Member->getMemberDecl())->getParent();
  }

  void record(const Expr *Ref, const ValueDecl *Key, bool InOwnConstructor) {
    if (!Key)
      return;
    VariableAccess Access;
    Access.Ref = Ref;
    auto Kind = Pending.find(Ref);
    if (Kind != Pending.end()) {
      Access.Kind = Kind->second;
      Pending.erase(Kind);
    }
    // `sizeof(flag = true)` writes nothing at run time. It is still listed,
    // as Other: it names the variable's type, which a rewrite would change.
    if (isUnevaluatedOperand(*Ref))
      Access.Kind = AccessKind::Other;
    Access.Function = Functions.empty() ? nullptr : Functions.back();
    Access.InOwnConstructor = InOwnConstructor;
    Accesses[Key].push_back(Access);
  }

  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<VariableAccess, 4>>
      &Accesses;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const LambdaExpr *, 1>>
      &CopyCaptures;
  llvm::DenseMap<const Expr *, AccessKind> Pending;
  llvm::DenseSet<const Expr *> NotAccesses;
  llvm::SmallVector<const FunctionDecl *, 8> Functions;
  llvm::SmallVector<const LambdaExpr *, 4> Lambdas;
};

} // namespace

void SharedVariableIndex::reset() {
  AnalysedContext = nullptr;
  Accesses.clear();
  ByRef.clear();
  CopyCaptures.clear();
}

void SharedVariableIndex::ensure(ASTContext &Ctx) {
  if (AnalysedContext == &Ctx)
    return;
  reset();
  AnalysedContext = &Ctx;
  AccessCollector Walk(Accesses, CopyCaptures);
  for (Decl *D : topLevelCode(Ctx))
    Walk.TraverseDecl(D);
  for (auto &[Key, List] : Accesses)
    for (unsigned I = 0; I < List.size(); ++I)
      ByRef[List[I].Ref] = {Key, I};
}

llvm::ArrayRef<VariableAccess>
SharedVariableIndex::accessesOf(const ValueDecl *Key) const {
  auto It = Accesses.find(Key);
  if (It == Accesses.end())
    return {};
  return It->second;
}

const VariableAccess *SharedVariableIndex::accessAt(const Expr *Ref) const {
  auto It = ByRef.find(Ref);
  if (It == ByRef.end())
    return nullptr;
  return &Accesses.find(It->second.first)->second[It->second.second];
}

llvm::ArrayRef<const LambdaExpr *>
SharedVariableIndex::copyCapturesOf(const ValueDecl *Key) const {
  auto It = CopyCaptures.find(Key);
  if (It == CopyCaptures.end())
    return {};
  return It->second;
}

} // namespace coop
