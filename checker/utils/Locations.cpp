#include "Locations.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace coop {

clang::SourceLocation userFacingLoc(const clang::SourceManager &SM,
                                    clang::SourceLocation Loc) {
  return Loc.isMacroID() ? SM.getFileLoc(Loc) : Loc;
}

SourceLocation nameLoc(const Expr &Ref) {
  if (const auto *Named = dyn_cast<DeclRefExpr>(&Ref))
    return Named->getLocation();
  if (const auto *Member = dyn_cast<MemberExpr>(&Ref))
    return Member->getMemberLoc();
  if (const auto *Overloaded = dyn_cast<OverloadExpr>(&Ref))
    return Overloaded->getNameLoc();
  return Ref.getBeginLoc();
}

} // namespace coop
