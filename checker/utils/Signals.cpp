#include "Signals.h"
#include "ConstantValue.h"
#include "PlatformConstants.h"

using namespace clang;

namespace coop {
namespace {

struct KnownSignal {
  llvm::StringLiteral Name;
  int64_t LinuxNumber;
  SignalAction Action; // the default disposition, signal(7)
};

// Default dispositions from POSIX / signal(7). Core-dumping signals terminate
// too. Real-time signals also terminate by default but are sent to threads
// that handle them, so they are left out.
constexpr KnownSignal KnownSignals[] = {
    {"SIGHUP", 1, SignalAction::Terminate},
    {"SIGINT", 2, SignalAction::Terminate},
    {"SIGQUIT", 3, SignalAction::Terminate},
    {"SIGILL", 4, SignalAction::Terminate},
    {"SIGTRAP", 5, SignalAction::Terminate},
    {"SIGABRT", 6, SignalAction::Terminate},
    {"SIGBUS", 7, SignalAction::Terminate},
    {"SIGFPE", 8, SignalAction::Terminate},
    {"SIGKILL", 9, SignalAction::Terminate},
    {"SIGUSR1", 10, SignalAction::Terminate},
    {"SIGSEGV", 11, SignalAction::Terminate},
    {"SIGUSR2", 12, SignalAction::Terminate},
    {"SIGPIPE", 13, SignalAction::Terminate},
    {"SIGALRM", 14, SignalAction::Terminate},
    {"SIGTERM", 15, SignalAction::Terminate},
    {"SIGSTKFLT", 16, SignalAction::Terminate},
    {"SIGCHLD", 17, SignalAction::Other},
    {"SIGCONT", 18, SignalAction::Other},
    {"SIGSTOP", 19, SignalAction::Stop},
    {"SIGTSTP", 20, SignalAction::Stop},
    {"SIGTTIN", 21, SignalAction::Stop},
    {"SIGTTOU", 22, SignalAction::Stop},
    {"SIGURG", 23, SignalAction::Other},
    {"SIGXCPU", 24, SignalAction::Terminate},
    {"SIGXFSZ", 25, SignalAction::Terminate},
    {"SIGVTALRM", 26, SignalAction::Terminate},
    {"SIGPROF", 27, SignalAction::Terminate},
    {"SIGWINCH", 28, SignalAction::Other},
    {"SIGIO", 29, SignalAction::Terminate},
    {"SIGPWR", 30, SignalAction::Terminate},
    {"SIGSYS", 31, SignalAction::Terminate},
};

struct KnownSignalSyscall {
  llvm::StringLiteral Name;      // <sys/syscall.h>
  llvm::StringLiteral KernelName; // <asm/unistd.h>
  int64_t LinuxX8664Number;
  unsigned SignalArgument;
};

constexpr KnownSignalSyscall KnownSignalSyscalls[] = {
    {"SYS_tgkill", "__NR_tgkill", 234, 3}, // syscall(SYS_tgkill, tgid, tid, sig)
    {"SYS_tkill", "__NR_tkill", 200, 2},   // syscall(SYS_tkill, tid, sig)
};

} // namespace

bool isKnownSignalName(StringRef Name) {
  for (const KnownSignal &Signal : KnownSignals)
    if (Signal.Name == Name)
      return true;
  return false;
}

void SignalClassifier::setAllowedSignals(llvm::ArrayRef<StringRef> Names) {
  Allowed.clear();
  for (StringRef Name : Names)
    Allowed.insert(Name.trim());
}

void SignalClassifier::setPreprocessor(const Preprocessor *NewPP) {
  PP = NewPP;
  NumberMapBuilt = false;
  NumberToEntry.clear();
}

void SignalClassifier::buildNumberMap(ASTContext &Ctx) const {
  NumberMapBuilt = true;
  for (unsigned I = 0; I < std::size(KnownSignals); ++I)
    // First name wins for aliases that share a number.
    NumberToEntry.try_emplace(platformConstantOr(KnownSignals[I].Name, Ctx, PP,
                                                 KnownSignals[I].LinuxNumber),
                              I);
}

std::optional<SignalInfo>
SignalClassifier::classify(const Expr *Arg, ASTContext &Ctx) const {
  std::optional<int64_t> Number = constantIntValue(Arg, Ctx, FollowLocals::Yes);
  if (!Number)
    return std::nullopt;

  if (!NumberMapBuilt)
    buildNumberMap(Ctx);
  auto It = NumberToEntry.find(*Number);
  if (It == NumberToEntry.end())
    return SignalInfo{"", *Number, SignalAction::Other};
  const KnownSignal &Known = KnownSignals[It->second];
  return SignalInfo{Known.Name, *Number, Known.Action};
}

bool SignalClassifier::isForcedTermination(const SignalInfo &Signal) const {
  return Signal.Action != SignalAction::Other && !Signal.Name.empty() &&
         !Allowed.contains(Signal.Name);
}

std::optional<ThreadSignalSyscall>
SignalClassifier::threadSignalSyscall(int64_t Number, ASTContext &Ctx) const {
  for (const KnownSignalSyscall &Known : KnownSignalSyscalls) {
    std::optional<int64_t> Defined = platformConstant(Known.Name, Ctx, PP);
    if (!Defined)
      Defined = platformConstant(Known.KernelName, Ctx, PP);
    if (Number == Defined.value_or(Known.LinuxX8664Number))
      return ThreadSignalSyscall{Known.Name, Known.SignalArgument};
  }
  return std::nullopt;
}

} // namespace coop
