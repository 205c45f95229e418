//===--- CoopTidyModule.cpp - the coop clang-tidy module ------------------===//
//
// One registration serves all three artefacts: the --load plugin, coop-tidy
// and coop-clangd each link these objects, and the registry entry below adds
// the checks to whichever clang-tidy (or clangd) hosts them.
//
//===----------------------------------------------------------------------===//
#include "CheckNames.h"
#include "DetachedInfiniteLoopCheck.h"
#include "IgnoredStopTokenCheck.h"
#include "NonAtomicStopFlagCheck.h"
#include "PthreadCancelCheck.h"
#include "TerminateThreadCheck.h"
#include "UnboundedWaitCheck.h"
#include "utils/Compat.h"

namespace coop {

class CoopModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<PthreadCancelCheck>(names::PthreadCancel);
    Factories.registerCheck<UnboundedWaitCheck>(names::UnboundedWait);
    Factories.registerCheck<DetachedInfiniteLoopCheck>(names::DetachedInfiniteLoop);
    Factories.registerCheck<TerminateThreadCheck>(names::TerminateThread);
    Factories.registerCheck<NonAtomicStopFlagCheck>(names::NonAtomicStopFlag);
    Factories.registerCheck<IgnoredStopTokenCheck>(names::IgnoredStopToken);
  }
};

} // namespace coop

static clang::tidy::ClangTidyModuleRegistry::Add<coop::CoopModule>
    CoopModuleRegistration("coop-module",
                           "Checks for unsafe thread termination, with "
                           "fixes into the coop cooperative-cancellation library.");

// Referenced by code that links the module statically and must keep it.
volatile int CoopModuleAnchorSource = 0;
