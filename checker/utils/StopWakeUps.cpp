#include "StopWakeUps.h"
#include "SameObject.h"
#include "StopTokens.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace coop {
namespace {

class WakeUpFinder {
public:
  WakeUpFinder(const Expr &Wait, const Expr *WaitedOn, ASTContext &Ctx)
      : Wait(Wait), WaitedOn(WaitedOn), Ctx(Ctx) {}

  bool search(const Stmt *S) {
    if (!S)
      return false;
    if (const auto *Decls = dyn_cast<DeclStmt>(S))
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (isStopCallbackType(Var->getType()) && Var->getInit() &&
              before(Var->getLocation()) && argumentsMention(Var->getInit()))
            return true;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = Call->getDirectCallee();
          Callee && Callee->getIdentifier() &&
          Callee->getName() == "coop_stop_callback_create" &&
          Call->getNumArgs() == 3 && before(Call->getBeginLoc()) &&
          mentions(Call->getArg(2)))
        return true;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
      if (search(Lambda->getBody()))
        return true;
    for (const Stmt *Child : S->children())
      if (search(Child))
        return true;
    return false;
  }

private:
  bool before(SourceLocation Loc) const {
    const SourceManager &SM = Ctx.getSourceManager();
    return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Loc),
                                        SM.getExpansionLoc(Wait.getBeginLoc()));
  }

  bool mentions(const Expr *E) const {
    if (mentionsObject(E, WaitedOn, Ctx))
      return true;
    // `auto wake = [&] { cv.notify_all(); }; std::stop_callback cb(st, wake);`
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()->IgnoreImplicit()))
      if (const auto *Local = dyn_cast<VarDecl>(Ref->getDecl()))
        if (Local->isLocalVarDecl() && Local->getInit())
          return mentionsObject(Local->getInit(), WaitedOn, Ctx);
    return false;
  }

  bool argumentsMention(const Expr *Init) const {
    Init = Init->IgnoreImplicit();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init)) {
      for (const Expr *Arg : Construct->arguments())
        if (mentions(Arg->IgnoreImplicit()))
          return true;
      return false;
    }
    return mentions(Init);
  }

  const Expr &Wait;
  const Expr *WaitedOn;
  ASTContext &Ctx;
};

} // namespace

bool stopCallbackWakes(const Stmt &Body, const Expr &Wait,
                       const Expr *WaitedOn, ASTContext &Ctx) {
  if (!WaitedOn)
    return false;
  return WakeUpFinder(Wait, WaitedOn, Ctx).search(&Body);
}

} // namespace coop
