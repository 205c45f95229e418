#include "SignalHandlers.h"
#include "ConstantValue.h"
#include "Names.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace coop {

// signal(sig, handler) and its relatives; sigaction(sig, act, oldact).
static constexpr llvm::StringRef InstallFunctions[] = {
    "::signal", "::std::signal", "::sigset", "::bsd_signal", "::sysv_signal",
    "::sigaction"};

llvm::ArrayRef<llvm::StringRef> SignalHandlers::installFunctions() {
  return InstallFunctions;
}

bool SignalHandlers::record(const CallExpr &Call, ASTContext &Ctx) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || Call.getNumArgs() < 2 ||
      !llvm::any_of(InstallFunctions, [&](llvm::StringRef Name) {
        return matchesName(Callee, Name);
      }))
    return false;
  std::optional<int64_t> Number = constantIntValue(Call.getArg(0), Ctx, FollowLocals::Yes);
  if (!Number)
    return true;
  // sigaction(sig, NULL, &old) only reads the disposition, and
  // signal(sig, SIG_DFL) restores the default action: SIG_DFL is
  // ((__sighandler_t) 0) everywhere. (A sigaction whose sa_handler is SIG_DFL
  // counts as a handler; that is rare, and costs a missed warning, not a
  // false one.)
  const Expr *Disposition = Call.getArg(1);
  if (isAlwaysNullPointer(Disposition, Ctx, FollowLocals::Yes))
    return true;
  // In C a 0 cast to a function pointer is not a null pointer constant.
  if (const auto *Literal =
          dyn_cast<IntegerLiteral>(Disposition->IgnoreParenCasts()))
    if (Literal->getValue().isZero())
      return true;
  Handled.insert(*Number);
  return true;
}

void SignalHandlers::defer(const SignalInfo &Signal,
                           llvm::unique_function<void()> Report) {
  Pending.emplace_back(Signal, std::move(Report));
}

void SignalHandlers::reportAndClear() {
  for (auto &[Signal, Report] : Pending)
    if (Signal.Name == "SIGKILL" || Signal.Name == "SIGSTOP" ||
        !Handled.contains(Signal.Number))
      Report();
  Pending.clear();
  Handled.clear();
}

} // namespace coop
