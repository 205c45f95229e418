//===--- DescriptorFacts.h - what a function shows about its descriptors --===//
//
// A receive on a socket (accept, recv, read, ...) blocks for as long as no
// data arrives, unless the code bounded it: the socket is non-blocking, it
// has a receive timeout, or the function waited for it to become readable
// first. And `read` blocks that way only on a socket or pipe; on a regular
// file it returns. This analysis reads one function body (lambdas written in
// it included) and answers both questions from what that body does, never
// from names or types, so it stays silent rather than guess:
//
//   a socket:   the descriptor is produced there by socket(), accept(),
//               accept4() or socketpair(), or passed there to a call that
//               only takes sockets (recv, send, setsockopt, bind, listen,
//               connect, shutdown, ...).
//   bounded:    before the receive, the descriptor was created with
//               SOCK_NONBLOCK, set O_NONBLOCK (fcntl F_SETFL) or FIONBIO
//               (ioctl), given SO_RCVTIMEO (setsockopt), or registered for a
//               readiness wait (a pollfd, FD_SET, epoll_ctl) that a poll,
//               ppoll, select, pselect or epoll_wait then performed, or
//               waited for with coop::wait_readable / coop_wait_fd.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_DESCRIPTORFACTS_H
#define COOP_CHECKER_UTILS_DESCRIPTORFACTS_H

#include "ConstantValue.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Lex/Preprocessor.h"
#include <vector>

namespace coop {

/// Whether a flags argument has a given bit, judged by value: `0`,
/// `MSG_DONTWAIT`, `flags | O_NONBLOCK` with the bit in a constant operand.
enum class FlagState { Set, Clear, Unknown };
FlagState flagState(const clang::Expr *Flags, int64_t Flag,
                    clang::ASTContext &Ctx);

/// How a receive on a descriptor is bounded, if it is.
enum class DescriptorBound { None, NonBlocking, ReceiveTimeout, ReadinessWait };

class DescriptorFacts {
public:
  /// Reads Body once. PP (may be null) gives the platform's flag values.
  DescriptorFacts(const clang::Stmt &Body, clang::ASTContext &Ctx,
                  const clang::Preprocessor *PP);

  /// True if the body shows that Fd is a socket.
  bool isSocket(const clang::Expr *Fd) const;

  /// What, before Use in the body, keeps a receive on Fd from waiting
  /// forever.
  DescriptorBound boundBefore(const clang::Expr *Fd,
                              const clang::Expr &Use) const;

private:
  /// A descriptor as the body names it: a variable it initialises, or an
  /// expression (`fd`, `conn.fd`, `fds[0]`) compared with isSameObject.
  struct Site {
    const clang::VarDecl *Var = nullptr;
    const clang::Expr *Named = nullptr;
    clang::SourceLocation Loc;
  };

  void visit(const clang::Stmt *S, bool IsFullExpression);
  void visitCall(const clang::CallExpr &Call);
  void visitProducer(const clang::VarDecl *Var, const clang::Expr *Target,
                     const clang::Expr *Value, clang::SourceLocation Loc);
  bool matches(const Site &S, const clang::Expr *Fd) const;
  bool before(clang::SourceLocation A, const clang::Expr &Use) const;
  bool anyBefore(const std::vector<Site> &Sites, const clang::Expr *Fd,
                 const clang::Expr &Use) const;

  const clang::Stmt &Body;
  clang::ASTContext &Ctx;
  const clang::Preprocessor *PP;

  std::vector<Site> Sockets;
  std::vector<const clang::Expr *> SocketPairArrays;
  std::vector<Site> NonBlocking;
  std::vector<Site> ReceiveTimeouts;
  std::vector<Site> ReadinessRegistrations;
  /// Full expressions that mention an fd_set: FD_SET(fd, &set) expands to
  /// one; whether it names a given descriptor is asked per query.
  std::vector<const clang::Expr *> FdSetExpressions;
  std::vector<clang::SourceLocation> ReadinessWaits;
  std::vector<Site> DirectWaits;
};

} // namespace coop

#endif // COOP_CHECKER_UTILS_DESCRIPTORFACTS_H
