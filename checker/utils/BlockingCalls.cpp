#include "BlockingCalls.h"
#include "ConstantValue.h"
#include "DescriptorFacts.h"
#include "OptionFields.h"
#include "PlatformConstants.h"

using namespace clang;

namespace coop {

// Win32's INFINITE, a DWORD.
static constexpr int64_t Win32Infinite = 0xFFFFFFFF;

BlockingShape blockingShape(UnsafeApiId Id) {
  BlockingShape S;
  auto Timeout = [&S](unsigned Arg, InfiniteTimeout Infinite,
                      int64_t Value = -1) {
    S.TimeoutArg = Arg;
    S.Infinite = Infinite;
    S.InfiniteValue = Value;
    if (Value == Win32Infinite)
      S.InfiniteValueWidth = 32;
  };
  auto Receive = [&S](std::optional<unsigned> FlagsArg) {
    S.DescriptorArg = 0;
    S.WaitsOn = WaitedObject::FirstArgument;
    if (FlagsArg) {
      S.NoWaitFlagArg = FlagsArg;
      S.NoWaitFlag = "MSG_DONTWAIT";
      S.NoWaitFlagFallback = 0x40;
    }
  };
  switch (Id) {
  case UnsafeApiId::CondVarWait:
  case UnsafeApiId::CondVarAnyWait:
  case UnsafeApiId::SemaphoreAcquire:
  case UnsafeApiId::LatchWait:
  case UnsafeApiId::LatchArriveAndWait:
  case UnsafeApiId::BarrierArriveAndWait:
  case UnsafeApiId::BarrierWait:
    S.IsMethod = true;
    S.WaitsOn = WaitedObject::CallObject;
    break;
  case UnsafeApiId::FutureGet:
  case UnsafeApiId::FutureWait:
  case UnsafeApiId::SharedFutureGet:
  case UnsafeApiId::SharedFutureWait:
    S.IsMethod = true;
    break;
  case UnsafeApiId::ThreadJoin:
    S.IsMethod = true;
    S.OnlyOnWorkers = true;
    break;
  case UnsafeApiId::PthreadJoin:
    S.OnlyOnWorkers = true;
    break;
  case UnsafeApiId::PthreadCondWait: // pthread_cond_wait(cond, mutex)
  case UnsafeApiId::CndWait:         // cnd_wait(cond, mutex)
  case UnsafeApiId::SemWait:         // sem_wait(sem)
  case UnsafeApiId::SemWaitCToken:
    S.WaitsOn = WaitedObject::FirstArgument;
    break;
  case UnsafeApiId::Poll: // poll(fds, nfds, timeout_ms)
    Timeout(2, InfiniteTimeout::Negative);
    break;
  case UnsafeApiId::Ppoll: // ppoll(fds, nfds, timeout_ts, sigmask)
    Timeout(2, InfiniteTimeout::Null);
    break;
  case UnsafeApiId::EpollWait:  // epoll_wait(epfd, events, max, timeout_ms)
  case UnsafeApiId::EpollPwait: // epoll_pwait(..., timeout_ms, sigmask)
    Timeout(3, InfiniteTimeout::Negative);
    break;
  case UnsafeApiId::Select:  // select(n, r, w, e, timeval)
  case UnsafeApiId::Pselect: // pselect(n, r, w, e, timespec, sigmask)
    Timeout(4, InfiniteTimeout::Null);
    break;
  case UnsafeApiId::WaitForSingleObject:   // (handle, ms)
  case UnsafeApiId::WaitForSingleObjectEx: // (handle, ms, alertable)
    Timeout(1, InfiniteTimeout::Value, Win32Infinite);
    break;
  case UnsafeApiId::WaitForMultipleObjects:    // (n, handles, all, ms)
  case UnsafeApiId::WaitForMultipleObjectsEx:  // (..., ms, alertable)
  case UnsafeApiId::MsgWaitForMultipleObjects: // (..., ms, wake_mask)
    Timeout(3, InfiniteTimeout::Value, Win32Infinite);
    break;
  case UnsafeApiId::MsgWaitForMultipleObjectsEx: // (n, handles, ms, mask, f)
    Timeout(2, InfiniteTimeout::Value, Win32Infinite);
    break;
  case UnsafeApiId::SleepEx: // SleepEx(ms, alertable)
    Timeout(0, InfiniteTimeout::Value, Win32Infinite);
    break;
  case UnsafeApiId::Accept:  // accept(fd, addr, addrlen)
  case UnsafeApiId::Accept4: // accept4(fd, addr, addrlen, sock_flags)
    Receive(std::nullopt);
    break;
  case UnsafeApiId::Recv:     // recv(fd, buf, len, flags)
  case UnsafeApiId::Recvfrom: // recvfrom(fd, buf, len, flags, addr, addrlen)
    Receive(3);
    break;
  case UnsafeApiId::Recvmsg: // recvmsg(fd, msg, flags)
    Receive(2);
    break;
  case UnsafeApiId::ReadSocket: // read(fd, buf, len)
    Receive(std::nullopt);
    S.OnlyOnSockets = true;
    break;
  case UnsafeApiId::Msgrcv: // msgrcv(id, msg, size, type, msgflg)
    S.NoWaitFlagArg = 4;
    S.NoWaitFlag = "IPC_NOWAIT";
    S.NoWaitFlagFallback = 04000;
    break;
  case UnsafeApiId::MqReceive: // mq_receive(mqd, msg, len, prio)
    S.DescriptorArg = 0;
    break;
  default:
    break;
  }
  return S;
}

std::optional<UserBlockingApi> parseUserBlockingApi(StringRef Entry) {
  llvm::SmallVector<StringRef, 3> Fields = splitOptionFields(Entry);
  if (Fields.size() > 3 || Fields[0].empty() || Fields[0].ends_with("::") ||
      Fields[0].ends_with(":"))
    return std::nullopt;
  UserBlockingApi Api;
  Api.Name = Fields[0].str();
  if (Fields.size() == 1)
    return Api;

  unsigned Index;
  if (Fields[1].getAsInteger(10, Index))
    return std::nullopt;
  Api.Shape.TimeoutArg = Index;
  // Without a value: -1, or a null pointer for a pointer argument.
  Api.Shape.Infinite = InfiniteTimeout::Value;
  Api.Shape.InfiniteValue = -1;
  if (Fields.size() == 3) {
    int64_t Number;
    if (Fields[2] == "null" || Fields[2] == "NULL" || Fields[2] == "nullptr")
      Api.Shape.Infinite = InfiniteTimeout::Null;
    else if (!Fields[2].getAsInteger(0, Number))
      Api.Shape.InfiniteValue = Number;
    else
      return std::nullopt;
  }
  return Api;
}

bool hasInfiniteTimeout(const BlockingShape &Shape, const CallExpr &Call,
                        ASTContext &Ctx) {
  if (!Shape.TimeoutArg || *Shape.TimeoutArg >= Call.getNumArgs())
    return false;
  const Expr *Arg = Call.getArg(*Shape.TimeoutArg);
  if (Arg->isTypeDependent() || Arg->isValueDependent())
    return false;
  QualType Type = Arg->getType();
  if (Shape.Infinite == InfiniteTimeout::Null ||
      (Type->isPointerType() && Shape.InfiniteValue == -1))
    return Type->isPointerType() && isAlwaysNullPointer(Arg, Ctx, FollowLocals::Yes);
  std::optional<int64_t> Value = constantIntValue(Arg, Ctx, FollowLocals::Yes);
  if (!Value)
    return false;
  if (Shape.Infinite == InfiniteTimeout::Negative)
    return *Value < 0;
  // Compare in the argument's width: -1 and 0xFFFFFFFF are the same DWORD.
  uint64_t Width = Shape.InfiniteValueWidth
                       ? Shape.InfiniteValueWidth
                       : (Type->isIntegerType() ? Ctx.getTypeSize(Type) : 64);
  uint64_t Mask = Width >= 64 ? ~uint64_t(0) : (uint64_t(1) << Width) - 1;
  return ((static_cast<uint64_t>(*Value) ^
           static_cast<uint64_t>(Shape.InfiniteValue)) &
          Mask) == 0;
}

bool mayHaveNoWaitFlag(const BlockingShape &Shape, const CallExpr &Call,
                       ASTContext &Ctx, const Preprocessor *PP) {
  if (!Shape.NoWaitFlagArg)
    return false;
  if (*Shape.NoWaitFlagArg >= Call.getNumArgs())
    return true;
  int64_t Flag =
      platformConstantOr(Shape.NoWaitFlag, Ctx, PP, Shape.NoWaitFlagFallback);
  return flagState(Call.getArg(*Shape.NoWaitFlagArg), Flag, Ctx) !=
         FlagState::Clear;
}

} // namespace coop
