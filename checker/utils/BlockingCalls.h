//===--- BlockingCalls.h - when a blocking call can wait forever ----------===//
//
// coop-unbounded-wait's table rows (UnsafeApis.def) say what each blocking
// API is and what replaces it; this says how to read a call of it: which
// argument is the timeout and which value of it means "forever", which
// argument is the descriptor or the no-wait flag that can bound it, and what
// object the call blocks on. User APIs named in the check's options get the
// same treatment.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_BLOCKINGCALLS_H
#define COOP_CHECKER_UTILS_BLOCKINGCALLS_H

#include "ConstantValue.h"
#include "UnsafeApiTable.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Lex/Preprocessor.h"
#include <optional>
#include <string>
#include <vector>

namespace coop {

/// Which timeout value means "wait forever".
enum class InfiniteTimeout {
  Negative,   // any negative number (poll, epoll_wait)
  Null,       // a null pointer (select's timeval, ppoll's timespec)
  Value,      // one value, compared in the argument's width (INFINITE)
};

/// What the call blocks on, for a stop callback that would wake it.
enum class WaitedObject { None, CallObject, FirstArgument };

struct BlockingShape {
  /// Matched as a member call on the class named in the table row.
  bool IsMethod = false;
  /// The argument that holds the timeout; none when the API has no timeout
  /// and every call waits until the event.
  std::optional<unsigned> TimeoutArg;
  InfiniteTimeout Infinite = InfiniteTimeout::Negative;
  int64_t InfiniteValue = -1;
  /// The width InfiniteValue is compared in; 0: the argument's. Win32's
  /// INFINITE is a 32-bit DWORD even where a stand-in declares DWORD wider.
  unsigned InfiniteValueWidth = 0;
  /// The descriptor a receive waits on: DescriptorFacts may bound it.
  std::optional<unsigned> DescriptorArg;
  /// A flags argument whose bit (platform constant NoWaitFlag, Linux value
  /// NoWaitFlagFallback) makes the call return at once.
  std::optional<unsigned> NoWaitFlagArg;
  llvm::StringLiteral NoWaitFlag = "";
  int64_t NoWaitFlagFallback = 0;
  /// `read`: only a wait when the function shows the descriptor is a socket.
  bool OnlyOnSockets = false;
  /// Joins: only a hazard on a worker thread (joining from main is how a
  /// program ends its threads).
  bool OnlyOnWorkers = false;
  WaitedObject WaitsOn = WaitedObject::None;
};

/// How to read a call of a coop-unbounded-wait table entry.
BlockingShape blockingShape(UnsafeApiId Id);

/// A blocking API the user named in ExtraBlockingFunctions:
///   name                every call blocks until the event
///   name:N              argument N is the timeout; -1 (or a null pointer
///                       for a pointer argument) means forever
///   name:N:V            ... and the value V (an integer, or null) does
/// The name is matched like clang-tidy's hasName ("::ns::f", "Queue::pop").
struct UserBlockingApi {
  std::string Name;
  BlockingShape Shape;
};

/// Parses one ExtraBlockingFunctions entry; nullopt if it is malformed.
std::optional<UserBlockingApi> parseUserBlockingApi(llvm::StringRef Entry);

/// Whether the timeout argument of Call means "wait forever", judged by
/// value (a constexpr constant or a local that always holds it counts).
/// False when the value is unknown.
bool hasInfiniteTimeout(const BlockingShape &Shape, const clang::CallExpr &Call,
                        clang::ASTContext &Ctx);

/// True unless Call's no-wait flag is known to be clear (an unknown flags
/// value may hold it, so the call is not reported).
bool mayHaveNoWaitFlag(const BlockingShape &Shape, const clang::CallExpr &Call,
                       clang::ASTContext &Ctx, const clang::Preprocessor *PP);

} // namespace coop

#endif // COOP_CHECKER_UTILS_BLOCKINGCALLS_H
