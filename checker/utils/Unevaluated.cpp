#include "Unevaluated.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/TypeLoc.h"

using namespace clang;

namespace coop {

bool isUnevaluatedOperand(const Expr &E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(E);
  // Bounded: an expression is never nested this deep in practice, and the
  // walk must end even on a malformed tree.
  for (unsigned Depth = 0; Depth < 256; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    // A non-dependent node in a template is shared with its instantiations;
    // they all wrap it the same way, so any parent tells.
    const DynTypedNode &Parent = Parents[0];
    if (const auto *Trait = Parent.get<UnaryExprOrTypeTraitExpr>())
      // sizeof of a variable-length array is computed at run time.
      return !Trait->getTypeOfArgument()->isVariableArrayType();
    if (Parent.get<CXXNoexceptExpr>() || Parent.get<RequiresExpr>())
      return true;
    if (const auto *TypeId = Parent.get<CXXTypeidExpr>())
      return !TypeId->isPotentiallyEvaluated();
    if (const auto *Generic = Parent.get<GenericSelectionExpr>())
      return Generic->isExprPredicate() &&
             Node.get<Expr>() == Generic->getControllingExpr();
    if (const auto *Loc = Parent.get<TypeLoc>()) {
      TypeLoc Unqualified = Loc->getUnqualifiedLoc();
      if (Unqualified.getAs<DecltypeTypeLoc>() ||
          Unqualified.getAs<TypeOfExprTypeLoc>())
        return true;
    }
    // A declaration ends the expression (a variable's initializer, a
    // function's body): nothing above it is an operator's operand.
    if (Parent.get<Decl>())
      return false;
    Node = Parent;
  }
  return false;
}

} // namespace coop
