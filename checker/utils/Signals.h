//===--- Signals.h - which signals end or stop a process ------------------===//
//
// Shared by every check that looks at a signal sent to a thread
// (pthread_kill, tgkill, pthread_sigqueue, syscall(SYS_tgkill, ...)). A
// signal's default action applies to the whole process, so "kill a thread
// with SIGKILL" kills the program.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_SIGNALS_H
#define COOP_CHECKER_UTILS_SIGNALS_H

#include "ConstantValue.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

namespace coop {

enum class SignalAction { Terminate, Stop, Other };

/// The signals code sends to a thread with a handler installed, to interrupt
/// a blocking call: they terminate by default but are the wake-up idiom. The
/// default of the AllowedSignals option of the checks that classify signals.
inline constexpr llvm::StringLiteral WakeUpSignals = "SIGUSR1;SIGUSR2";

/// True if Name is a signal the classifier knows by its name ("SIGKILL").
/// The AllowedSignals options match signals by these names only, so any
/// other entry (a number, an alias such as SIGIOT, a typo) can never match
/// and deserves a configuration warning.
bool isKnownSignalName(llvm::StringRef Name);

struct SignalInfo {
  llvm::StringRef Name; // "SIGKILL"; empty for a number with no known name
  int64_t Number;
  SignalAction Action;
};

/// A raw system call that sends a signal to one thread:
/// syscall(SYS_tgkill, tgid, tid, sig) or syscall(SYS_tkill, tid, sig).
struct ThreadSignalSyscall {
  llvm::StringRef Name;   // "SYS_tgkill"
  unsigned SignalArgument; // index of the signal among syscall()'s arguments
};

/// Resolves the signal argument of a call to its number and default action.
/// Numbers differ between platforms, so names are matched through the macros
/// the translation unit itself defines; Linux's numbering is the fallback for
/// code that declares the functions without including <signal.h>.
class SignalClassifier {
public:
  /// Signals never reported even though their default action terminates,
  /// because code sends them to wake a thread that has a handler installed.
  void setAllowedSignals(llvm::ArrayRef<llvm::StringRef> Names);
  /// Must be called for each translation unit (registerPPCallbacks).
  void setPreprocessor(const clang::Preprocessor *PP);

  /// The signal Arg evaluates to, following a local variable whose only value
  /// is its initializer (constantIntValue's rules).
  std::optional<SignalInfo> classify(const clang::Expr *Arg,
                                     clang::ASTContext &Ctx) const;

  /// True if the signal terminates or stops the process and is not allowed.
  bool isForcedTermination(const SignalInfo &Signal) const;

  /// The thread-directed signal system call numbered Number, if any. Like
  /// signals, system call numbers come from the translation unit's macros
  /// (SYS_tgkill, __NR_tgkill), with Linux x86-64's numbers as the fallback.
  std::optional<ThreadSignalSyscall>
  threadSignalSyscall(int64_t Number, clang::ASTContext &Ctx) const;

private:
  void buildNumberMap(clang::ASTContext &Ctx) const;

  const clang::Preprocessor *PP = nullptr;
  llvm::StringSet<> Allowed;
  mutable bool NumberMapBuilt = false;
  mutable llvm::DenseMap<int64_t, unsigned> NumberToEntry;
};

} // namespace coop

#endif // COOP_CHECKER_UTILS_SIGNALS_H
