#include "DescriptorFacts.h"
#include "ConstantValue.h"
#include "Names.h"
#include "PlatformConstants.h"
#include "SameObject.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace coop {

// Linux's values, for translation units that did not include the header
// that defines the name.
static constexpr int64_t LinuxSockNonblock = 04000;
static constexpr int64_t LinuxONonblock = 04000;
static constexpr int64_t LinuxFSetfl = 4;
static constexpr int64_t LinuxFionbio = 0x5421;
static constexpr int64_t LinuxSoRcvtimeoOld = 20;
static constexpr int64_t LinuxSoRcvtimeoNew = 66;

FlagState flagState(const Expr *Flags, int64_t Flag, ASTContext &Ctx) {
  if (!Flags)
    return FlagState::Unknown;
  if (std::optional<int64_t> Value =
          constantIntValue(Flags, Ctx, FollowLocals::Yes))
    return (*Value & Flag) ? FlagState::Set : FlagState::Clear;
  const auto *Or = dyn_cast<BinaryOperator>(Flags->IgnoreParenImpCasts());
  if (!Or || Or->getOpcode() != BO_Or)
    return FlagState::Unknown;
  FlagState L = flagState(Or->getLHS(), Flag, Ctx);
  FlagState R = flagState(Or->getRHS(), Flag, Ctx);
  if (L == FlagState::Set || R == FlagState::Set)
    return FlagState::Set;
  if (L == FlagState::Clear && R == FlagState::Clear)
    return FlagState::Clear;
  return FlagState::Unknown;
}

/// The name of the C library function Call calls directly (a global or
/// extern "C" function), or "" for anything else.
static StringRef globalCalleeName(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier() ||
      !Callee->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return "";
  return Callee->getName();
}

/// True if Call calls coop::<Name> (the library's C++ interface).
static bool callsCoopFunction(const CallExpr &Call, StringRef Name) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->getIdentifier() && Callee->getName() == Name &&
         isInTopLevelNamespace(Callee, "coop");
}

static bool isNamedRecordOrTypedef(QualType T, StringRef Name) {
  while (!T.isNull()) {
    if (const auto *Typedef = T->getAs<TypedefType>()) {
      if (Typedef->getDecl()->getName() == Name)
        return true;
      T = Typedef->desugar();
      continue;
    }
    break;
  }
  if (T.isNull())
    return false;
  const RecordDecl *Record = T->getAsRecordDecl();
  return Record && Record->getIdentifier() && Record->getName() == Name;
}

/// True if T is fd_set, or a pointer to or array of it.
static bool isFdSetType(QualType T) {
  T = T.getNonReferenceType();
  while (!T.isNull() && (T->isPointerType() || T->isArrayType()))
    T = T->isPointerType() ? T->getPointeeType()
                           : QualType(T->getArrayElementTypeNoTypeQual(), 0);
  return !T.isNull() && isNamedRecordOrTypedef(T, "fd_set");
}

static bool mentionsFdSet(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (isa<VarDecl>(Ref->getDecl()) && isFdSetType(Ref->getType()))
      return true;
  for (const Stmt *Child : S->children())
    if (mentionsFdSet(Child))
      return true;
  return false;
}

static bool isPollfd(QualType T) {
  return !T.isNull() && isNamedRecordOrTypedef(T, "pollfd");
}

static bool isPollfdRecord(const RecordDecl *Record) {
  return Record && Record->getIdentifier() && Record->getName() == "pollfd";
}

/// Calls whose first argument can only be a socket.
static bool takesOnlySockets(StringRef Name) {
  static constexpr llvm::StringLiteral Names[] = {
      "recv",       "recvfrom",    "recvmsg",     "send",   "sendto",
      "sendmsg",    "setsockopt",  "getsockopt",  "bind",   "listen",
      "connect",    "shutdown",    "getpeername", "getsockname",
      "accept",     "accept4"};
  return llvm::is_contained(Names, Name);
}

static bool isReadinessWait(StringRef Name) {
  static constexpr llvm::StringLiteral Names[] = {
      "poll", "ppoll", "select", "pselect", "epoll_wait", "epoll_pwait"};
  return llvm::is_contained(Names, Name);
}

DescriptorFacts::DescriptorFacts(const Stmt &Body, ASTContext &Ctx,
                                 const Preprocessor *PP)
    : Body(Body), Ctx(Ctx), PP(PP) {
  visit(&Body, true);
}

void DescriptorFacts::visit(const Stmt *S, bool IsFullExpression) {
  if (!S)
    return;
  if (const auto *E = dyn_cast<Expr>(S)) {
    if (IsFullExpression && mentionsFdSet(E))
      FdSetExpressions.push_back(E);
    if (const auto *Call = dyn_cast<CallExpr>(E))
      visitCall(*Call);
    if (const auto *Assign = dyn_cast<BinaryOperator>(E);
        Assign && Assign->getOpcode() == BO_Assign) {
      visitProducer(nullptr, Assign->getLHS(), Assign->getRHS(),
                    Assign->getBeginLoc());
      // pfd.fd = sock;
      if (const auto *Member =
              dyn_cast<MemberExpr>(Assign->getLHS()->IgnoreParenImpCasts()))
        if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
          if (Field->getIdentifier() && Field->getName() == "fd" &&
              isPollfdRecord(Field->getParent()))
            ReadinessRegistrations.push_back(
                {nullptr, Assign->getRHS(), Assign->getBeginLoc()});
    }
    // struct pollfd pfd = {sock, POLLIN, 0};
    if (const auto *Init = dyn_cast<InitListExpr>(E))
      if (isPollfd(Init->getType()) && Init->getNumInits() > 0)
        ReadinessRegistrations.push_back(
            {nullptr, Init->getInit(0), Init->getBeginLoc()});
    if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
      visit(Lambda->getBody(), true);
  }
  if (const auto *Decls = dyn_cast<DeclStmt>(S))
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (const Expr *Init = Var->getInit())
          visitProducer(Var, nullptr, Init, Var->getLocation());
  for (const Stmt *Child : S->children())
    visit(Child, !isa<Expr>(S));
}

void DescriptorFacts::visitProducer(const VarDecl *Var, const Expr *Target,
                                    const Expr *Value, SourceLocation Loc) {
  const auto *Call = dyn_cast<CallExpr>(Value->IgnoreParenCasts());
  if (!Call)
    return;
  StringRef Name = globalCalleeName(*Call);
  Site Produced{Var, Target, Loc};
  auto NonBlockingIf = [&](unsigned FlagsArg, StringRef FlagName,
                           int64_t Fallback) {
    if (Call->getNumArgs() > FlagsArg &&
        flagState(Call->getArg(FlagsArg),
                  platformConstantOr(FlagName, Ctx, PP, Fallback), Ctx) ==
                  FlagState::Set)
      NonBlocking.push_back(Produced);
  };
  if (Name == "socket") {
    Sockets.push_back(Produced);
    NonBlockingIf(1, "SOCK_NONBLOCK", LinuxSockNonblock);
  } else if (Name == "accept") {
    Sockets.push_back(Produced);
  } else if (Name == "accept4") {
    Sockets.push_back(Produced);
    NonBlockingIf(3, "SOCK_NONBLOCK", LinuxSockNonblock);
  } else if (Name == "mq_open") {
    NonBlockingIf(1, "O_NONBLOCK", LinuxONonblock);
  }
}

void DescriptorFacts::visitCall(const CallExpr &Call) {
  if (callsCoopFunction(Call, "wait_readable")) {
    if (Call.getNumArgs() > 0)
      DirectWaits.push_back({nullptr, Call.getArg(0), Call.getBeginLoc()});
    return;
  }
  StringRef Name = globalCalleeName(Call);
  if (Name.empty() || Call.getNumArgs() == 0)
    return;
  const Expr *First = Call.getArg(0);
  SourceLocation Loc = Call.getBeginLoc();
  auto ArgValue = [&](unsigned I) -> std::optional<int64_t> {
    if (Call.getNumArgs() <= I)
      return std::nullopt;
    return constantIntValue(Call.getArg(I), Ctx, FollowLocals::Yes);
  };

  if (takesOnlySockets(Name))
    Sockets.push_back({nullptr, First, Loc});
  if (Name == "socketpair" && Call.getNumArgs() == 4) {
    if (const Expr *Array = designatedObject(Call.getArg(3)))
      SocketPairArrays.push_back(Array);
  } else if (Name == "fcntl") {
    if (ArgValue(1) == platformConstantOr("F_SETFL", Ctx, PP, LinuxFSetfl) &&
        Call.getNumArgs() > 2 &&
        flagState(Call.getArg(2),
                  platformConstantOr("O_NONBLOCK", Ctx, PP, LinuxONonblock),
                  Ctx) == FlagState::Set)
      NonBlocking.push_back({nullptr, First, Loc});
  } else if (Name == "ioctl" || Name == "ioctlsocket") {
    std::optional<int64_t> Request = ArgValue(1);
    if (Request && (*Request & 0xffffffff) ==
                       (platformConstantOr("FIONBIO", Ctx, PP, LinuxFionbio) &
                        0xffffffff))
      NonBlocking.push_back({nullptr, First, Loc});
  } else if (Name == "setsockopt") {
    std::optional<int64_t> Option = ArgValue(2);
    if (Option && (Option == platformConstant("SO_RCVTIMEO", Ctx, PP) ||
                   *Option == LinuxSoRcvtimeoOld ||
                   *Option == LinuxSoRcvtimeoNew))
      ReceiveTimeouts.push_back({nullptr, First, Loc});
  } else if (Name == "epoll_ctl") {
    if (Call.getNumArgs() > 2)
      ReadinessRegistrations.push_back({nullptr, Call.getArg(2), Loc});
  } else if (Name == "coop_wait_fd") {
    DirectWaits.push_back({nullptr, First, Loc});
  } else if (isReadinessWait(Name)) {
    ReadinessWaits.push_back(Loc);
  }
}

bool DescriptorFacts::matches(const Site &S, const Expr *Fd) const {
  if (S.Var) {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(designatedObject(Fd));
    return Ref && Ref->getDecl()->getCanonicalDecl() == S.Var->getCanonicalDecl();
  }
  return S.Named && isSameObject(S.Named, Fd, Ctx);
}

bool DescriptorFacts::before(SourceLocation A, const Expr &Use) const {
  const SourceManager &SM = Ctx.getSourceManager();
  return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(A),
                                      SM.getExpansionLoc(Use.getBeginLoc()));
}

bool DescriptorFacts::anyBefore(const std::vector<Site> &Sites, const Expr *Fd,
                                const Expr &Use) const {
  for (const Site &S : Sites)
    if (before(S.Loc, Use) && matches(S, Fd))
      return true;
  return false;
}

bool DescriptorFacts::isSocket(const Expr *Fd) const {
  for (const Site &S : Sockets)
    if (matches(S, Fd))
      return true;
  if (const auto *Element =
          dyn_cast_or_null<ArraySubscriptExpr>(designatedObject(Fd)))
    for (const Expr *Array : SocketPairArrays)
      if (isSameObject(Element->getBase(), Array, Ctx))
        return true;
  return false;
}

DescriptorBound DescriptorFacts::boundBefore(const Expr *Fd,
                                             const Expr &Use) const {
  if (anyBefore(NonBlocking, Fd, Use))
    return DescriptorBound::NonBlocking;
  if (anyBefore(ReceiveTimeouts, Fd, Use))
    return DescriptorBound::ReceiveTimeout;
  if (anyBefore(DirectWaits, Fd, Use))
    return DescriptorBound::ReadinessWait;
  bool Registered = anyBefore(ReadinessRegistrations, Fd, Use);
  for (const Expr *E : FdSetExpressions)
    if (!Registered && before(E->getBeginLoc(), Use) &&
        mentionsObject(E, Fd, Ctx))
      Registered = true;
  if (Registered)
    for (SourceLocation Wait : ReadinessWaits)
      if (before(Wait, Use))
        return DescriptorBound::ReadinessWait;
  return DescriptorBound::None;
}

} // namespace coop
