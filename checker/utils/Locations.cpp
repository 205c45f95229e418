#include "Locations.h"

namespace coop {

clang::SourceLocation userFacingLoc(const clang::SourceManager &SM,
                                    clang::SourceLocation Loc) {
  return Loc.isMacroID() ? SM.getFileLoc(Loc) : Loc;
}

} // namespace coop
