#include "ConstantValue.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

using namespace clang;

namespace coop {

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
  if (Body && !ExprMutationAnalyzer(*Body, Ctx).isMutated(Var))
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
