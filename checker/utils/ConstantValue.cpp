#include "ConstantValue.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace coop {

/// True if User, the node directly around a reference to a variable
/// (parentheses aside), only reads the variable's value: an lvalue-to-rvalue
/// conversion, a binding to a reference to const (`const int &r = v;`,
/// `f(v)` taking `const int &`), or a cast to void.
static bool onlyReads(const Stmt &User) {
  const auto *Cast = dyn_cast<CastExpr>(&User);
  if (!Cast)
    return false;
  switch (Cast->getCastKind()) {
  case CK_LValueToRValue:
  case CK_LValueToRValueBitCast:
  case CK_ToVoid:
    return true;
  case CK_NoOp:
    return Cast->getType().isConstQualified();
  default:
    return false;
  }
}

/// True if User, the node directly around `&v` (parentheses aside), makes
/// the address a pointer to const (`f(&v)` taking `const int *`).
static bool onlyReadsThrough(const Stmt &User) {
  const auto *Cast = dyn_cast<ImplicitCastExpr>(&User);
  return Cast && Cast->getCastKind() == CK_NoOp &&
         Cast->getType()->isPointerType() &&
         Cast->getType()->getPointeeType().isConstQualified();
}

/// What an operand does with a variable.
enum class Use { Other, Reads, MayModify };

/// What Operand, a child of User, does with Var if it is a reference to Var
/// or `&Var` (under parentheses): Other for anything else, whose own
/// children are then judged.
static Use useOf(const Stmt &OperandStmt, const Stmt &User,
                 const VarDecl &Var) {
  const auto *Operand = dyn_cast<Expr>(&OperandStmt);
  if (!Operand)
    return Use::Other;
  const Expr *Inner = Operand->IgnoreParens();
  const auto *AddressOf = dyn_cast<UnaryOperator>(Inner);
  if (AddressOf && AddressOf->getOpcode() == UO_AddrOf)
    Inner = AddressOf->getSubExpr()->IgnoreParens();
  else
    AddressOf = nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(Inner);
  if (!Ref || Ref->getDecl()->getCanonicalDecl() != Var.getCanonicalDecl())
    return Use::Other;
  if (Ref->isNonOdrUse() == NOUR_Unevaluated)
    return Use::Reads; // sizeof(v), decltype(&v): nothing runs
  bool Reads = AddressOf ? onlyReadsThrough(User) : onlyReads(User);
  return Reads ? Use::Reads : Use::MayModify;
}

/// True if nothing in Body may modify Var: every reference to it only reads
/// it (onlyReads), makes its address a pointer to const, or is in an
/// unevaluated operand. Anything else (an assignment, ++, `&v`, a binding to
/// a non-const reference, a capture by reference, an asm output, a use in a
/// dependent expression of a template) may. That is what clang's
/// ExprMutationAnalyzer answers, except that it follows some uses further (a
/// non-const reference that is only read, a function template's forwarding
/// parameter) and counts a non-const member call through a pointer or a
/// unique_ptr as a change of the pointer. It is also a walk down from Body,
/// where ExprMutationAnalyzer asks the whole translation unit's parent map
/// whether each reference is evaluated.
static bool isNeverModifiedIn(const Stmt &Body, const VarDecl &Var) {
  llvm::SmallVector<const Stmt *, 32> Work{&Body};
  while (!Work.empty()) {
    const Stmt *User = Work.pop_back_val();
    llvm::SmallVector<const Stmt *, 4> Children(User->children());
    // A block's body is not among its children; a __block variable can be
    // assigned in it.
    if (const auto *Block = dyn_cast<BlockExpr>(User))
      Children.push_back(Block->getBody());
    for (const Stmt *Child : Children) {
      if (!Child)
        continue;
      switch (useOf(*Child, *User, Var)) {
      case Use::MayModify:
        return false;
      case Use::Reads:
        break;
      case Use::Other:
        Work.push_back(Child);
        break;
      }
    }
  }
  return true;
}

const Expr *onlyInitializer(const Expr *E, ASTContext &Ctx,
                            FollowLocals Locals) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  if (!Ref)
    return nullptr;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var || !Var->getInit() || isa<ParmVarDecl>(Var))
    return nullptr;
  if (Var->getType().isConstQualified())
    return Var->getInit();
  if (Locals == FollowLocals::No || !Var->isLocalVarDecl() ||
      Var->isStaticLocal())
    return nullptr;
  // The function that declares the local (a lambda's call operator for a
  // local of the lambda) holds every write to it, captures included.
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  const Stmt *Body = Owner ? Owner->getBody() : nullptr;
  if (Body && isNeverModifiedIn(*Body, *Var))
    return Var->getInit();
  return nullptr;
}

// How many variables deep an initializer chain is followed. The bound also
// ends `const int a = a;`, which compiles and would otherwise never end.
static constexpr unsigned MaxInitializerChain = 8;

static std::optional<int64_t> constantIntValue(const Expr *E, ASTContext &Ctx,
                                               FollowLocals Locals,
                                               unsigned Depth) {
  if (!E || Depth > MaxInitializerChain)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (E->isValueDependent() || E->isTypeDependent() ||
      E->containsErrors())
    return std::nullopt;
  Expr::EvalResult Result;
  if (E->EvaluateAsInt(Result, Ctx))
    return Result.Val.getInt().getSExtValue();
  if (const Expr *Init = onlyInitializer(E, Ctx, Locals))
    return constantIntValue(Init, Ctx, FollowLocals::No, Depth + 1);
  return std::nullopt;
}

std::optional<int64_t> constantIntValue(const Expr *E, ASTContext &Ctx,
                                        FollowLocals Locals) {
  return constantIntValue(E, Ctx, Locals, 0);
}

static bool isAlwaysNullPointer(const Expr *E, ASTContext &Ctx,
                                FollowLocals Locals, unsigned Depth) {
  if (!E || Depth > MaxInitializerChain)
    return false;
  E = E->IgnoreParenImpCasts();
  if (E->isValueDependent() || E->isTypeDependent() || E->containsErrors())
    return false;
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return true;
  if (const Expr *Init = onlyInitializer(E, Ctx, Locals))
    return isAlwaysNullPointer(Init, Ctx, FollowLocals::No, Depth + 1);
  return false;
}

bool isAlwaysNullPointer(const Expr *E, ASTContext &Ctx,
                         FollowLocals Locals) {
  return isAlwaysNullPointer(E, Ctx, Locals, 0);
}

} // namespace coop
