//===--- Locations.h - where a diagnostic goes, and only once -------------===//
#ifndef COOP_CHECKER_UTILS_LOCATIONS_H
#define COOP_CHECKER_UTILS_LOCATIONS_H

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

namespace coop {

/// Where a user should see a diagnostic for something written at Loc: a token
/// from a macro body is reported at the macro's use, a token passed as a
/// macro argument where the argument is written. Either way the location is
/// in the user's file, so NOLINT on that line works.
clang::SourceLocation userFacingLoc(const clang::SourceManager &SM,
                                    clang::SourceLocation Loc);

/// Where an expression that names a function, variable or member is
/// written: the name itself, not a leading `::`, `&`, qualifier or object.
clang::SourceLocation nameLoc(const clang::Expr &Ref);

/// Where a call names its callee: `wait` in `cv.wait(lk)`, `recv` in
/// `::recv(...)`.
inline clang::SourceLocation calleeNameLoc(const clang::CallExpr &Call) {
  return nameLoc(*Call.getCallee()->IgnoreParenImpCasts());
}

/// Remembers reported locations so that code in a template is reported once,
/// however many times it is instantiated.
class ReportedLocations {
public:
  /// True the first time Loc (with the same Discriminator) is seen.
  bool firstTime(clang::SourceLocation Loc, unsigned Discriminator = 0) {
    return Seen
        .insert({Loc.getRawEncoding(), Discriminator})
        .second;
  }
  void clear() { Seen.clear(); }

private:
  llvm::DenseSet<std::pair<unsigned, unsigned>> Seen;
};

} // namespace coop

#endif // COOP_CHECKER_UTILS_LOCATIONS_H
