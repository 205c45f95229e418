#include "BodyParents.h"

using namespace clang;

namespace coop {

const Stmt *BodyParents::parentOf(const Stmt &S, const Stmt &Body) {
  std::unique_ptr<ParentMap> &Map = Maps[&Body];
  if (!Map)
    // ParentMap only reads the tree; its constructor is not const-correct.
    Map = std::make_unique<ParentMap>(const_cast<Stmt *>(&Body));
  return Map->getParent(&S);
}

const Stmt *BodyParents::parentOf(const Stmt &S, const FunctionDecl *Fn) {
  const Stmt *Body = Fn ? Fn->getBody() : nullptr;
  return Body ? parentOf(S, *Body) : nullptr;
}

} // namespace coop
