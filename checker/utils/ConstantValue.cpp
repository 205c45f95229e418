#include "ConstantValue.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

using namespace clang;

namespace coop {

const Expr *onlyInitializer(const Expr *E, ASTContext &Ctx,
                            const Stmt *EnclosingBody) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  if (!Ref)
    return nullptr;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var || !Var->getInit() || isa<ParmVarDecl>(Var))
    return nullptr;
  if (Var->getType().isConstQualified())
    return Var->getInit();
  if (Var->isLocalVarDecl() && !Var->isStaticLocal() && EnclosingBody &&
      !ExprMutationAnalyzer(*EnclosingBody, Ctx).isMutated(Var))
    return Var->getInit();
  return nullptr;
}

// How many variables deep an initializer chain is followed. The bound also
// ends `const int a = a;`, which compiles and would otherwise never end.
static constexpr unsigned MaxInitializerChain = 8;

static std::optional<int64_t> constantIntValue(const Expr *E, ASTContext &Ctx,
                                               const Stmt *EnclosingBody,
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
  if (const Expr *Init = onlyInitializer(E, Ctx, EnclosingBody))
    return constantIntValue(Init, Ctx, nullptr, Depth + 1);
  return std::nullopt;
}

std::optional<int64_t> constantIntValue(const Expr *E, ASTContext &Ctx,
                                        const Stmt *EnclosingBody) {
  return constantIntValue(E, Ctx, EnclosingBody, 0);
}

static bool isAlwaysNullPointer(const Expr *E, ASTContext &Ctx,
                                const Stmt *EnclosingBody, unsigned Depth) {
  if (!E || Depth > MaxInitializerChain)
    return false;
  E = E->IgnoreParenImpCasts();
  if (E->isValueDependent() || E->isTypeDependent() || E->containsErrors())
    return false;
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return true;
  if (const Expr *Init = onlyInitializer(E, Ctx, EnclosingBody))
    return isAlwaysNullPointer(Init, Ctx, nullptr, Depth + 1);
  return false;
}

bool isAlwaysNullPointer(const Expr *E, ASTContext &Ctx,
                         const Stmt *EnclosingBody) {
  return isAlwaysNullPointer(E, Ctx, EnclosingBody, 0);
}

} // namespace coop
