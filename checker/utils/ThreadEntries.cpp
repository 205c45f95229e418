//===--- ThreadEntries.cpp - which code runs on a worker thread -----------===//
//
// One RecursiveASTVisitor pass over the translation unit (instantiations
// included) collects:
//   - thread launches, with the expression that names each one's entry;
//   - which object each launch is stored in (its "key": a variable, a field,
//     a container, or the temporary itself), and the detach sites, keyed the
//     same way, so `t.detach()`, `pthread_detach(tid)` and `CloseHandle(h)`
//     find their launch without a second walk;
//   - the loops and direct calls of every function body (lambdas are bodies
//     of their own), which is also the call graph.
// Afterwards each launch is resolved (entry, detach site), and a breadth-first
// search from every distinct entry follows the recorded calls to CallDepth.
// Everything after the walk is linear in what the walk recorded.
//
//===----------------------------------------------------------------------===//
#include "ThreadEntries.h"
#include "ConstantValue.h"
#include "LibraryCode.h"
#include "Names.h"
#include "TopLevelDecls.h"
#include "Unevaluated.h"
#include "Wrappers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace coop {

llvm::StringRef threadLaunchKindName(ThreadLaunchKind Kind) {
  switch (Kind) {
  case ThreadLaunchKind::StdThread:
    return "std::thread";
  case ThreadLaunchKind::StdJthread:
    return "std::jthread";
  case ThreadLaunchKind::CoopJthread:
    return "coop::jthread";
  case ThreadLaunchKind::BoostThread:
    return "boost::thread";
  case ThreadLaunchKind::PthreadCreate:
    return "pthread_create";
  case ThreadLaunchKind::WinBeginThread:
    return "_beginthread";
  case ThreadLaunchKind::WinBeginThreadEx:
    return "_beginthreadex";
  case ThreadLaunchKind::WinCreateThread:
    return "CreateThread";
  case ThreadLaunchKind::Custom:
    return "custom thread function";
  }
  return "thread";
}

bool isDetachedByConstruction(ThreadLaunchKind Kind) {
  return Kind == ThreadLaunchKind::WinBeginThread;
}

namespace {

/// The C API's thread launcher (library/include/coop/coop.h), whose entry
/// takes the thread's own coop_stop_token, and its detach.
constexpr llvm::StringLiteral CoopThreadStart = "::coop_thread_start";
constexpr llvm::StringLiteral CoopThreadDetach = "::coop_thread_detach";

/// The C functions that start a thread, and where their arguments are.
struct CThreadStarter {
  llvm::StringLiteral Name;
  ThreadLaunchKind Kind;
  unsigned NumArgs;
  /// The function the thread runs.
  unsigned EntryArg;
  /// The pointer handed to it.
  unsigned StartArg;
  /// Where the thread's id is written, and the attribute object; NoArg if
  /// the function has none.
  unsigned IdArg;
  unsigned AttrArg;
};

constexpr unsigned NoArg = ~0U;

constexpr CThreadStarter CThreadStarters[] = {
    {"pthread_create", ThreadLaunchKind::PthreadCreate, 4, 2, 3, 0, 1},
    {"_beginthread", ThreadLaunchKind::WinBeginThread, 3, 0, 2, NoArg, NoArg},
    {"_beginthreadex", ThreadLaunchKind::WinBeginThreadEx, 6, 2, 3, NoArg,
     NoArg},
    {"CreateThread", ThreadLaunchKind::WinCreateThread, 6, 2, 3, NoArg, NoArg},
};

/// The (create, detach) pairs a walk with these options knows besides the
/// built-in APIs: the C API's, then the options'.
std::vector<std::pair<std::string, std::string>>
createDetachPairs(const ThreadEntryOptions &Opts) {
  std::vector<std::pair<std::string, std::string>> Pairs;
  Pairs.emplace_back(CoopThreadStart.str(), CoopThreadDetach.str());
  Pairs.insert(Pairs.end(), Opts.ExtraCreateDetach.begin(),
               Opts.ExtraCreateDetach.end());
  return Pairs;
}

const CThreadStarter *cThreadStarter(llvm::StringRef Name) {
  for (const CThreadStarter &Starter : CThreadStarters)
    if (Starter.Name == Name)
      return &Starter;
  return nullptr;
}

/// The object a thread handle lives in: a variable, a field, or (for a
/// temporary such as `std::thread(f).detach()`) the creating expression.
using ObjectKey = const void *;

/// Strips what stands between a value and the expression that produced it:
/// parentheses, implicit and explicit casts, temporaries, cleanups, elidable
/// copies and moves.
const Expr *stripToValue(const Expr *E) {
  while (E) {
    const Expr *Next = stripWrappers(E, ExplicitCasts::Strip);
    if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Next)) {
      // An elidable copy/move, or `T t = T(...)` before C++17.
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (Construct->getNumArgs() == 1 && Ctor &&
          (Construct->isElidable() || Ctor->isCopyOrMoveConstructor()) &&
          !isa<CXXTemporaryObjectExpr>(Construct))
        Next = Construct->getArg(0);
    }
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

bool isGlobalCFunction(const FunctionDecl *FD) {
  return FD && FD->getIdentifier() &&
         FD->getDeclContext()->getRedeclContext()->isTranslationUnit();
}

std::optional<ThreadLaunchKind> threadClassKind(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return std::nullopt;
  llvm::StringRef Name = RD->getName();
  if (Name == "thread" && isInTopLevelNamespace(RD, "std"))
    return ThreadLaunchKind::StdThread;
  if (Name == "jthread" && isInTopLevelNamespace(RD, "std"))
    return ThreadLaunchKind::StdJthread;
  if (Name == "jthread" && isInTopLevelNamespace(RD, "coop"))
    return ThreadLaunchKind::CoopJthread;
  if (Name == "thread" && isInTopLevelNamespace(RD, "boost"))
    return ThreadLaunchKind::BoostThread;
  return std::nullopt;
}

const CXXRecordDecl *recordOf(QualType T);

/// The thread kind a container or smart pointer holds: its first template
/// argument (`std::vector<std::thread>`, `std::unique_ptr<std::jthread>`).
std::optional<ThreadLaunchKind> threadKindOfElement(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  return threadClassKind(recordOf(Spec->getTemplateArgs()[0].getAsType()));
}

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull() || T->isDependentType())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *Ptr = T->getAs<PointerType>())
    T = Ptr->getPointeeType();
  return T->getAsCXXRecordDecl();
}

/// The call operator a functor type runs when called with NumArgs arguments.
const FunctionDecl *callOperatorOf(const CXXRecordDecl *RD, unsigned NumArgs) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  RD = RD->getDefinition();
  if (RD->isLambda())
    return RD->getLambdaCallOperator();
  const FunctionDecl *First = nullptr;
  DeclarationName Name =
      RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
  for (const NamedDecl *D : RD->lookup(Name)) {
    const auto *Method = dyn_cast<CXXMethodDecl>(D);
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D)) {
      // A generic operator(): the specialisation the thread instantiated.
      Method = dyn_cast<CXXMethodDecl>(Template->getTemplatedDecl());
      for (const FunctionDecl *Spec : Template->specializations())
        if (Spec->getNumParams() == NumArgs)
          return Spec;
    }
    if (!Method)
      continue;
    if (Method->getNumParams() == NumArgs)
      return Method;
    if (!First)
      First = Method;
  }
  return First;
}

/// The function a callable expression runs. ExtraArgs is how many arguments
/// follow the callable at the launch (they select a functor's operator()).
const FunctionDecl *resolveCallable(const Expr *E, unsigned ExtraArgs,
                                    unsigned Budget = 8) {
  if (!E || Budget == 0)
    return nullptr;
  E = stripToValue(E);
  if (E->containsErrors())
    return nullptr;
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_AddrOf || Unary->getOpcode() == UO_Plus)
      return resolveCallable(Unary->getSubExpr(), ExtraArgs, Budget - 1);
  // A captureless lambda converted to a function pointer, as passed to
  // pthread_create: `[](void *) -> void * { ... }`, `+[] { ... }`.
  if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(E))
    if (isa_and_nonnull<CXXConversionDecl>(Conversion->getMethodDecl()))
      if (const CXXRecordDecl *RD = Conversion->getRecordDecl())
        if (RD->isLambda())
          return RD->getLambdaCallOperator();
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return Lambda->getCallOperator();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl()))
      return FD;
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
      // A function pointer variable: follow its initializer.
      QualType T = Var->getType();
      if ((T->isFunctionPointerType() || T->isMemberFunctionPointerType() ||
           T->isFunctionReferenceType()) &&
          Var->getInit())
        return resolveCallable(Var->getInit(), ExtraArgs, Budget - 1);
    }
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    // std::bind(f, args...), std::ref(functor), std::move(functor): the
    // callable is the first argument.
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      const IdentifierInfo *II = Callee->getIdentifier();
      if (II && Call->getNumArgs() >= 1 &&
          (isInTopLevelNamespace(Callee, "std") || isInTopLevelNamespace(Callee, "boost")) &&
          llvm::is_contained({"bind", "bind_front", "ref", "cref", "move",
                              "forward"},
                             II->getName())) {
        unsigned Rest = II->getName().starts_with("bind")
                            ? Call->getNumArgs() - 1
                            : ExtraArgs;
        return resolveCallable(Call->getArg(0), Rest, Budget - 1);
      }
    }
  }
  // A functor, a variable holding a lambda, a call returning a functor: the
  // type names the operator(). Library wrappers (std::function,
  // std::packaged_task) hide what they run.
  if (const CXXRecordDecl *RD = recordOf(E->getType()))
    if (!threadClassKind(RD))
      if (const FunctionDecl *Op = callOperatorOf(RD, ExtraArgs))
        if (!RD->getASTContext().getSourceManager().isInSystemHeader(
                Op->getLocation()))
          return Op;
  return nullptr;
}

const FunctionDecl *definitionOf(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  if (const FunctionDecl *Def = FD->getDefinition())
    return Def;
  return FD;
}

/// A launch before its detach is resolved: the keys of the objects its
/// handle is stored in.
struct PendingLaunch {
  ThreadLaunch Launch;
  llvm::SmallVector<ObjectKey, 2> Keys;
  /// The attribute object passed to pthread_create.
  ObjectKey AttrKey = nullptr;
};

class Collector : public RecursiveASTVisitor<Collector> {
  using Base = RecursiveASTVisitor<Collector>;

public:
  Collector(ASTContext &Ctx, const ThreadEntryOptions &Opts)
      : Ctx(Ctx), SM(Ctx.getSourceManager()),
        CreateDetach(createDetachPairs(Opts)) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }
  // Only expressions matter here: a TypeLoc that is traversed (below) is
  // not also walked as a type.
  bool shouldWalkTypesOfTypeLocs() const { return false; }
  /// The only code in a written type that runs is a variable-length array's
  /// size; template arguments are constants, and decltype and typeof
  /// operands are not evaluated (a call there starts nothing and reaches
  /// nothing). Skipping the rest of the TypeLocs saves much of the walk's
  /// work (docs/performance.md, seventh round). It also skips a prototype's
  /// parameters, whose default arguments run in the caller, not here. The
  /// flags are LLVM 22's TraverseQualifier, which LLVM 19 does not pass.
  template <typename... Flags> bool TraverseTypeLoc(TypeLoc TL, Flags... F) {
    if (TL.isNull() || !TL.getType()->isVariablyModifiedType())
      return true;
    return Base::TraverseTypeLoc(TL, F...);
  }

  /// Nothing in the operand of sizeof, noexcept or typeid runs: a call
  /// there reaches nothing, and a thread constructed there starts nothing.
  /// (VisitCallExpr still asks isUnevaluatedOperand for the unevaluated
  /// operands this does not skip: _Generic's, a decltype in a VLA's type.)
  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    if (S && hasUnevaluatedOperand(*S))
      return true;
    return Base::TraverseStmt(S, Queue);
  }

  bool TraverseDecl(Decl *D) {
    if (D && isLibraryInternal(*D))
      return true;
    auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (FD)
      enterFunction(FD);
    bool Result = Base::TraverseDecl(D);
    if (FD)
      Functions.pop_back();
    return Result;
  }

  bool TraverseLambdaExpr(LambdaExpr *L, DataRecursionQueue * = nullptr) {
    enterFunction(L->getCallOperator());
    bool Result = Base::TraverseLambdaExpr(L);
    Functions.pop_back();
    return Result;
  }

  // --- where handles are stored -------------------------------------------

  bool VisitVarDecl(VarDecl *VD) {
    const Expr *Init = VD->getInit();
    if (!Init || VD->isInvalidDecl())
      return true;
    if (VD->isCXXForRangeDecl())
      return true; // aliased by VisitCXXForRangeStmt
    if (VD->getType()->isReferenceType()) {
      // `std::thread &r = t;` is t.
      if (ObjectKey Aliased = keyOf(Init))
        Aliases[VD] = Aliased;
      return true;
    }
    storeInto(Init, VD->getCanonicalDecl());
    return true;
  }

  bool VisitFieldDecl(FieldDecl *FD) {
    if (FD->hasInClassInitializer())
      storeInto(FD->getInClassInitializer(), FD->getCanonicalDecl());
    return true;
  }

  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    if (Init->isMemberInitializer() || Init->isIndirectMemberInitializer())
      storeInto(Init->getInit(), Init->getAnyMember()->getCanonicalDecl());
    return Base::TraverseConstructorInitializer(Init);
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      if (ObjectKey Key = keyOf(BO->getLHS()))
        storeInto(BO->getRHS(), Key);
    return true;
  }

  // --- what each body contains -------------------------------------------

  bool VisitForStmt(ForStmt *Loop) { return addLoop(Loop); }
  bool VisitWhileStmt(WhileStmt *Loop) { return addLoop(Loop); }
  bool VisitDoStmt(DoStmt *Loop) { return addLoop(Loop); }

  bool VisitCXXForRangeStmt(CXXForRangeStmt *For) {
    addLoop(For);
    // `for (auto &t : threads) t.detach();` detaches what `threads` holds.
    if (const VarDecl *LoopVar = For->getLoopVariable())
      if (ObjectKey Range = keyOf(For->getRangeInit()))
        Aliases[LoopVar] = Range;
    return true;
  }

  // --- launches and detaches ----------------------------------------------

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor || Ctor->isCopyOrMoveConstructor() ||
        Construct->getNumArgs() == 0 || Construct->containsErrors() ||
        isInSystemHeader(SM, Construct->getBeginLoc()))
      return true;
    const CXXRecordDecl *RD = Ctor->getParent();
    if (std::optional<ThreadLaunchKind> Kind = threadClassKind(RD)) {
      addLaunch(*Kind, Construct, Construct->getArg(0),
                Construct->getNumArgs() - 1);
      return true;
    }
    for (const auto &[Create, Detach] : CreateDetach)
      if (matchesName(RD, Create)) {
        addCustomLaunch(Construct,
                        {Construct->getArgs(), Construct->getNumArgs()});
        return true;
      }
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    // A call in sizeof, noexcept or the like never runs: it reaches nothing,
    // and what it would wait for or start does not happen.
    if (Call->containsErrors() || isUnevaluatedOperand(*Call))
      return true;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    // Library internals are never followed, so their calls are not kept.
    if (FunctionBody *Body = currentBody())
      Body->Calls.push_back(Call);
    if (isInSystemHeader(SM, Call->getBeginLoc()))
      return true;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        if (ObjectKey Key = keyOf(Op->getArg(0)))
          storeInto(Op->getArg(1), Key);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      visitMemberCall(Member, Callee);
    else if (isGlobalCFunction(Callee))
      visitGlobalCall(Call, Callee->getName());
    else
      visitMakeSmartPointer(Call, Callee);
    for (const auto &[Create, Detach] : CreateDetach) {
      if (matchesName(Callee, Create))
        addCustomLaunch(Call, {Call->getArgs(), Call->getNumArgs()});
      if (!Detach.empty() && matchesName(Callee, Detach))
        for (const Expr *Arg : Call->arguments())
          addDetach(keyOf(Arg), Call);
    }
    return true;
  }

  /// Resolves every launch and returns them.
  std::vector<ThreadLaunch> finish();

  /// The bodies walked, and where each function's is (canonical
  /// declaration).
  std::vector<FunctionBody> Bodies;
  llvm::DenseMap<const FunctionDecl *, unsigned> BodyIndex;
  /// pthread_detach(pthread_self()) calls, by enclosing function.
  llvm::DenseMap<const FunctionDecl *, const CallExpr *> DetachesSelf;

private:
  // Library internals are skipped before they are entered
  // (isLibraryInternal), so every function entered is the user's own.
  void enterFunction(const FunctionDecl *FD) {
    Functions.push_back({FD, NoBody});
  }

  /// The body the walk is in, created when it first holds something; null
  /// outside functions.
  FunctionBody *currentBody() {
    if (Functions.empty())
      return nullptr;
    EnclosingFunction &Current = Functions.back();
    // Looked up once per function entered, not once per call and loop.
    if (Current.Body == NoBody) {
      const FunctionDecl *FD = Current.FD;
      auto [It, New] =
          BodyIndex.try_emplace(FD->getCanonicalDecl(), Bodies.size());
      FunctionBody &Body = New ? Bodies.emplace_back() : Bodies[It->second];
      // A prototype's default arguments come before the definition's body.
      if (New || FD->doesThisDeclarationHaveABody())
        Body.Function = FD;
      Current.Body = It->second;
    }
    return &Bodies[Current.Body];
  }

  bool addLoop(const Stmt *Loop) {
    if (FunctionBody *Body = currentBody())
      Body->Loops.push_back(Loop);
    return true;
  }

  const FunctionDecl *currentFunction() const {
    return Functions.empty() ? nullptr : Functions.back().FD;
  }

  /// The object an lvalue expression (or `&lvalue`) designates: a variable,
  /// a field, or the array or container holding the element.
  ObjectKey keyOf(const Expr *E) const {
    if (!E)
      return nullptr;
    E = stripToValue(E);
    if (const auto *Unary = dyn_cast<UnaryOperator>(E))
      if (Unary->getOpcode() == UO_AddrOf || Unary->getOpcode() == UO_Deref)
        return keyOf(Unary->getSubExpr());
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
      return keyOf(Subscript->getBase());
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      // `threads[i]`, `*ptr`, `ptr->` on a smart pointer or a container.
      OverloadedOperatorKind K = Op->getOperator();
      if ((K == OO_Subscript || K == OO_Star || K == OO_Arrow) &&
          Op->getNumArgs() >= 1)
        return keyOf(Op->getArg(0));
      return nullptr;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const ValueDecl *D = Ref->getDecl();
      if (const auto *Var = dyn_cast<VarDecl>(D)) {
        auto Alias = Aliases.find(Var);
        if (Alias != Aliases.end())
          return Alias->second;
        // A pointer initialised with `&t`, or `new std::thread(...)`.
        return Var->getCanonicalDecl();
      }
      return nullptr;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
        return Field->getCanonicalDecl();
    // An element of a container or the object of a smart pointer:
    // `threads.back()`, `threads.at(i)`, `owner.get()`.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
      if (const auto *Method = Member->getMethodDecl())
        if (Method->getIdentifier() &&
            llvm::is_contained({"front", "back", "at", "get"},
                               Method->getName()))
          return keyOf(Member->getImplicitObjectArgument());
    // A temporary: the launch itself, `std::thread(f).detach()`,
    // `CloseHandle(CreateThread(...))`.
    if (isa<CXXConstructExpr, CallExpr>(E))
      return E;
    return nullptr;
  }

  /// Records that the value of Init is stored in Key, for each launch it
  /// creates: `std::thread t(...)`, `t = std::thread(...)`,
  /// `HANDLE h = CreateThread(...)`, `Worker() : t_(...)`.
  void storeInto(const Expr *Init, ObjectKey Key) {
    if (!Init || !Key)
      return;
    const Expr *Value = stripToValue(Init);
    if (const auto *New = dyn_cast<CXXNewExpr>(Value))
      Value = New->getInitializer() ? stripToValue(New->getInitializer())
                                    : nullptr;
    if (!Value)
      return;
    StoredIn[Value].push_back(Key);
  }

  void addLaunch(ThreadLaunchKind Kind, const Expr *Creation,
                 const Expr *Callable, unsigned ExtraArgs,
                 ObjectKey AttrKey = nullptr) {
    PendingLaunch P;
    P.Launch.Kind = Kind;
    P.Launch.Creation = Creation;
    P.Launch.EntryExpr = Callable;
    P.Launch.Entry = definitionOf(resolveCallable(Callable, ExtraArgs));
    P.Launch.Detached = isDetachedByConstruction(Kind);
    P.Launch.Launcher = currentFunction();
    P.AttrKey = AttrKey;
    // The temporary itself: `std::thread(f).detach()`,
    // `CloseHandle(CreateThread(...))`.
    P.Keys.push_back(Creation);
    Pending.push_back(std::move(P));
  }

  void addCustomLaunch(const Expr *Creation,
                       llvm::ArrayRef<const Expr *> Args) {
    const Expr *Callable = nullptr;
    unsigned Index = 0;
    for (; Index < Args.size(); ++Index)
      if (resolveCallable(Args[Index], Args.size() - Index - 1)) {
        Callable = Args[Index];
        break;
      }
    if (!Callable)
      return;
    addLaunch(ThreadLaunchKind::Custom, Creation, Callable,
              Args.size() - Index - 1);
    // A thread id written through an out-parameter, like pthread_create's.
    for (const Expr *Arg : Args)
      if (const auto *AddrOf = dyn_cast<UnaryOperator>(stripToValue(Arg)))
        if (AddrOf->getOpcode() == UO_AddrOf)
          if (ObjectKey Key = keyOf(AddrOf))
            Pending.back().Keys.push_back(Key);
    // An empty detach name: the function always detaches.
    for (const auto &[Create, Detach] : CreateDetach)
      if (Detach.empty()) {
        const NamedDecl *Named = nullptr;
        if (const auto *Call = dyn_cast<CallExpr>(Creation))
          Named = Call->getDirectCallee();
        else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Creation))
          Named = Construct->getConstructor()->getParent();
        if (matchesName(Named, Create))
          Pending.back().Launch.Detached = true;
      }
  }

  void addDetach(ObjectKey Key, const Expr *Site) {
    if (Key)
      DetachSites.try_emplace(Key, Site);
  }

  void visitMemberCall(const CXXMemberCallExpr *Call,
                       const FunctionDecl *Callee) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    if (!Method || !Method->getIdentifier())
      return;
    llvm::StringRef Name = Method->getName();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (!Object)
      return;
    const CXXRecordDecl *RD = Method->getParent();
    if (Name == "detach" && threadClassKind(RD)) {
      addDetach(keyOf(Object), Call);
      return;
    }
    // A custom thread class's detach (a custom create function that is a
    // member is handled with the free functions).
    for (const auto &[Create, Detach] : CreateDetach)
      if (!Detach.empty() && matchesName(Method, Detach))
        addDetach(keyOf(Object), Call);
    // `threads.emplace_back(worker)`: the container constructs the thread.
    // `threads.push_back(std::thread(worker))` is a construction stored in
    // the container.
    if (Call->getNumArgs() == 0)
      return;
    if (Name.starts_with("emplace")) {
      if (std::optional<ThreadLaunchKind> Kind =
              threadKindOfElement(recordOf(Object->getType()))) {
        addLaunch(*Kind, Call, Call->getArg(0), Call->getNumArgs() - 1);
        Pending.back().Keys.push_back(keyOf(Object));
      }
      return;
    }
    if (Name.starts_with("push") || Name == "insert")
      if (ObjectKey Key = keyOf(Object))
        for (const Expr *Arg : Call->arguments())
          storeInto(Arg, Key);
  }

  /// `std::make_unique<std::thread>(worker)`: the smart pointer owns the
  /// thread, `p->detach()` detaches it.
  void visitMakeSmartPointer(const CallExpr *Call, const FunctionDecl *Callee) {
    if (!Callee->getIdentifier() || Call->getNumArgs() == 0 ||
        !isInTopLevelNamespace(Callee, "std") ||
        !llvm::is_contained({"make_unique", "make_shared", "allocate_shared"},
                            Callee->getName()))
      return;
    std::optional<ThreadLaunchKind> Kind =
        threadKindOfElement(recordOf(Call->getType()));
    if (!Kind)
      return;
    unsigned First = Callee->getName() == "allocate_shared" ? 1 : 0;
    if (Call->getNumArgs() <= First)
      return;
    addLaunch(*Kind, Call, Call->getArg(First),
              Call->getNumArgs() - First - 1);
  }

  void visitGlobalCall(const CallExpr *Call, llvm::StringRef Name) {
    unsigned N = Call->getNumArgs();
    if (const CThreadStarter *Starter = cThreadStarter(Name)) {
      if (N != Starter->NumArgs)
        return;
      // The entry is called with one argument, the start pointer.
      addLaunch(Starter->Kind, Call, Call->getArg(Starter->EntryArg), 1,
                Starter->AttrArg == NoArg ? nullptr
                                          : keyOf(Call->getArg(Starter->AttrArg)));
      Pending.back().Launch.StartArgument = Call->getArg(Starter->StartArg);
      if (Starter->IdArg != NoArg)
        if (ObjectKey Id = keyOf(Call->getArg(Starter->IdArg)))
          Pending.back().Keys.push_back(Id);
    } else if (Name == "pthread_detach" && N == 1) {
      const Expr *Arg = stripToValue(Call->getArg(0));
      const auto *Self = dyn_cast<CallExpr>(Arg);
      const FunctionDecl *SelfCallee = Self ? Self->getDirectCallee() : nullptr;
      if (SelfCallee && isGlobalCFunction(SelfCallee) &&
          SelfCallee->getName() == "pthread_self") {
        if (const FunctionDecl *Fn = currentFunction())
          DetachesSelf.try_emplace(Fn->getCanonicalDecl(), Call);
      } else {
        addDetach(keyOf(Arg), Call);
      }
    } else if (Name == "pthread_attr_setdetachstate" && N == 2) {
      std::optional<int64_t> State =
          constantIntValue(Call->getArg(1), Ctx, FollowLocals::Yes);
      if (State && *State == detachedStateValue())
        if (ObjectKey Attr = keyOf(Call->getArg(0)))
          DetachedAttrs.try_emplace(Attr, Call);
    } else if (Name == "CloseHandle" && N == 1) {
      addDetach(keyOf(Call->getArg(0)), Call);
    } else if (Name.starts_with("WaitFor") || Name.starts_with("MsgWaitFor")) {
      // A handle that is waited for is joined, not detached, even though it
      // is closed afterwards.
      for (const Expr *Arg : Call->arguments())
        if (ObjectKey Key = keyOf(Arg))
          Waited.insert(Key);
    }
  }

  /// PTHREAD_CREATE_DETACHED: glibc declares it as an enumerator; elsewhere
  /// it is a macro, 1 on Linux (musl too).
  int64_t detachedStateValue() {
    if (!DetachedState) {
      DetachedState = 1;
      IdentifierInfo &Name = Ctx.Idents.get("PTHREAD_CREATE_DETACHED");
      for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(&Name))
        if (const auto *Enumerator = dyn_cast<EnumConstantDecl>(D))
          DetachedState = Enumerator->getInitVal().getSExtValue();
    }
    return *DetachedState;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  /// The C API's launcher, then the pairs from the options.
  std::vector<std::pair<std::string, std::string>> CreateDetach;
  static constexpr unsigned NoBody = ~0u;
  struct EnclosingFunction {
    const FunctionDecl *FD;
    /// Index in Bodies, NoBody until the body holds something.
    unsigned Body;
  };
  /// The functions whose bodies the walk is in, innermost last.
  llvm::SmallVector<EnclosingFunction, 8> Functions;
  std::vector<PendingLaunch> Pending;
  llvm::DenseMap<const Expr *, llvm::SmallVector<ObjectKey, 1>> StoredIn;
  llvm::DenseMap<const VarDecl *, ObjectKey> Aliases;
  llvm::DenseMap<ObjectKey, const Expr *> DetachSites;
  llvm::DenseMap<ObjectKey, const Expr *> DetachedAttrs;
  llvm::DenseSet<ObjectKey> Waited;
  std::optional<int64_t> DetachedState;
};

std::vector<ThreadLaunch> Collector::finish() {
  std::vector<ThreadLaunch> Result;
  Result.reserve(Pending.size());
  for (PendingLaunch &P : Pending) {
    ThreadLaunch &L = P.Launch;
    auto Stored = StoredIn.find(L.Creation);
    if (Stored != StoredIn.end())
      P.Keys.append(Stored->second.begin(), Stored->second.end());
    if (!L.Detached && P.AttrKey) {
      auto Attr = DetachedAttrs.find(P.AttrKey);
      if (Attr != DetachedAttrs.end()) {
        L.Detached = true;
        L.DetachSite = Attr->second;
      }
    }
    for (ObjectKey Key : P.Keys) {
      if (L.Detached)
        break;
      auto Site = DetachSites.find(Key);
      if (Site == DetachSites.end())
        continue;
      // Closing a Windows thread handle only detaches if nobody waits on it.
      bool ClosesHandle = L.Kind == ThreadLaunchKind::WinCreateThread ||
                          L.Kind == ThreadLaunchKind::WinBeginThreadEx;
      if (ClosesHandle && Waited.contains(Key))
        continue;
      L.Detached = true;
      L.DetachSite = Site->second;
    }
    Result.push_back(L);
  }
  return Result;
}

} // namespace

/// What one walk of a translation unit finds: the launches as written, and
/// the function bodies (with them the call graph the reach search follows).
struct TranslationUnitWalk {
  const ASTContext *Ctx = nullptr;
  std::vector<std::pair<std::string, std::string>> ExtraCreateDetach;
  /// False when the walk was skipped because the TU starts no thread
  /// (mayStartThreads): then nothing below is filled in.
  bool ListsBodies = false;
  std::vector<ThreadLaunch> Launches;
  std::vector<FunctionBody> Bodies;
  llvm::DenseMap<const FunctionDecl *, unsigned> BodyIndex;
  llvm::DenseMap<const FunctionDecl *, const CallExpr *> DetachesSelf;
};

namespace {
/// The last walk, shared by the checks that analyse the same translation
/// unit: four checks use this analysis, and the walk is its whole cost
/// (docs/performance.md). Each analysis owns a reference from its ensure()
/// to its reset(), so the walk lives while any check still needs it and a
/// later AST at the same address is walked anew. Per thread, because clangd
/// builds the ASTs of several files at once on different threads.
thread_local std::weak_ptr<TranslationUnitWalk> LastWalk;

/// In C a thread starts only by a call to one of the C thread starters or
/// to a create function of the options, so a C TU that refers to none of
/// them starts no thread. Asked before the walk: most C files start none,
/// and the walk is the analysis's whole cost. C++ starts threads by
/// constructing objects too; its TUs are always walked.
bool mayStartThreads(ASTContext &Ctx, const ThreadEntryOptions &Opts) {
  if (Ctx.getLangOpts().CPlusPlus)
    return true;
  auto IsReferenced = [&Ctx](llvm::StringRef Name) {
    auto Ident = Ctx.Idents.find(Name);
    if (Ident == Ctx.Idents.end())
      return false;
    for (const NamedDecl *D :
         Ctx.getTranslationUnitDecl()->lookup(Ident->getValue()))
      if (isa<FunctionDecl>(D) && D->isReferenced())
        return true;
    return false;
  };
  return llvm::any_of(CThreadStarters,
                      [&](const CThreadStarter &Starter) {
                        return IsReferenced(Starter.Name);
                      }) ||
         llvm::any_of(createDetachPairs(Opts), [&](const auto &CreateDetach) {
           return IsReferenced(unqualifiedName(CreateDetach.first));
         });
}

std::shared_ptr<const TranslationUnitWalk>
walkOf(ASTContext &Ctx, const ThreadEntryOptions &Opts) {
  if (std::shared_ptr<TranslationUnitWalk> Last = LastWalk.lock())
    if (Last->Ctx == &Ctx && Last->ExtraCreateDetach == Opts.ExtraCreateDetach &&
        (Last->ListsBodies || !Opts.BodiesEvenWithoutThreads))
      return Last;
  auto Walked = std::make_shared<TranslationUnitWalk>();
  Walked->Ctx = &Ctx;
  Walked->ExtraCreateDetach = Opts.ExtraCreateDetach;
  LastWalk = Walked;
  if (!Opts.BodiesEvenWithoutThreads && !mayStartThreads(Ctx, Opts))
    return Walked;
  Collector Walk(Ctx, Opts);
  for (Decl *D : topLevelCode(Ctx))
    Walk.TraverseDecl(D);
  Walked->ListsBodies = true;
  Walked->Launches = Walk.finish();
  Walked->Bodies = std::move(Walk.Bodies);
  Walked->BodyIndex = std::move(Walk.BodyIndex);
  Walked->DetachesSelf = std::move(Walk.DetachesSelf);
  return Walked;
}
} // namespace

ThreadEntryAnalysis::ThreadEntryAnalysis() = default;
ThreadEntryAnalysis::~ThreadEntryAnalysis() = default;

void ThreadEntryAnalysis::clear() {
  AnalysedContext = nullptr;
  Walk.reset();
  Launches.clear();
  Reaches.clear();
  WorkerFunctions.clear();
}

void ThreadEntryAnalysis::reset() { clear(); }

llvm::ArrayRef<FunctionBody> ThreadEntryAnalysis::bodies() const {
  if (!Walk)
    return {};
  return Walk->Bodies;
}

const FunctionBody *
ThreadEntryAnalysis::bodyOf(const FunctionDecl *FD) const {
  if (!Walk || !FD)
    return nullptr;
  auto It = Walk->BodyIndex.find(FD->getCanonicalDecl());
  return It == Walk->BodyIndex.end() ? nullptr : &Walk->Bodies[It->second];
}

void ThreadEntryAnalysis::ensure(ASTContext &Ctx,
                                 const ThreadEntryOptions &Opts) {
  if (AnalysedContext == &Ctx)
    return;
  clear();
  AnalysedContext = &Ctx;

  Walk = walkOf(Ctx, Opts);
  // Each analysis owns its launches: the reach search below marks the ones
  // whose entry detaches itself.
  Launches = Walk->Launches;

  // Breadth-first from each distinct entry; launches that share an entry
  // share the search.
  struct Visit {
    unsigned Depth;
    const CallExpr *Via;
    const FunctionDecl *Caller;
  };
  llvm::DenseMap<const FunctionDecl *, std::vector<ThreadLaunch *>> ByEntry;
  std::vector<const FunctionDecl *> Entries;
  for (ThreadLaunch &L : Launches)
    if (L.Entry && L.Entry->hasBody()) {
      auto &Group = ByEntry[L.Entry->getCanonicalDecl()];
      if (Group.empty())
        Entries.push_back(L.Entry);
      Group.push_back(&L);
    }

  auto AddReach = [&](const FunctionDecl *FD, WorkerReach Reach) {
    auto &List = Reaches[FD->getCanonicalDecl()];
    if (List.empty())
      WorkerFunctions.push_back(FD);
    for (const WorkerReach &Existing : List)
      if (Existing.Launch == Reach.Launch)
        return;
    List.push_back(Reach);
  };

  for (const FunctionDecl *Entry : Entries) {
    llvm::DenseMap<const FunctionDecl *, Visit> Seen;
    std::vector<const FunctionDecl *> Order{Entry};
    Seen[Entry->getCanonicalDecl()] = {0, nullptr, nullptr};
    for (size_t I = 0; I < Order.size(); ++I) {
      const FunctionDecl *FD = Order[I];
      unsigned Depth = Seen[FD->getCanonicalDecl()].Depth;
      if (Depth >= Opts.CallDepth)
        continue;
      const FunctionBody *Body = bodyOf(FD);
      if (!Body)
        continue;
      for (const CallExpr *Call : Body->Calls) {
        const FunctionDecl *Callee = Call->getDirectCallee()->getDefinition();
        if (!Callee || !Callee->hasBody() ||
            Ctx.getSourceManager().isInSystemHeader(Callee->getLocation()))
          continue;
        if (Seen.try_emplace(Callee->getCanonicalDecl(),
                             Visit{Depth + 1, Call, FD})
                .second)
          Order.push_back(Callee);
      }
    }

    for (ThreadLaunch *L : ByEntry[Entry->getCanonicalDecl()]) {
      // An entry (or a function it calls) that detaches its own thread.
      for (const FunctionDecl *FD : Order) {
        if (L->Detached)
          break;
        auto Self = Walk->DetachesSelf.find(FD->getCanonicalDecl());
        if (Self != Walk->DetachesSelf.end()) {
          L->Detached = true;
          L->DetachSite = Self->second;
        }
      }
      for (const FunctionDecl *FD : Order) {
        const Visit &V = Seen[FD->getCanonicalDecl()];
        WorkerReach Reach{L, V.Depth, V.Via, V.Caller};
        AddReach(FD, Reach);
        // Code in a template is checked (and reported) in its pattern too.
        if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
          if (Pattern != FD)
            AddReach(Pattern, Reach);
      }
    }
  }
}

bool ThreadEntryAnalysis::runsOnWorker(const FunctionDecl *FD) const {
  return FD && Reaches.count(FD->getCanonicalDecl());
}

llvm::ArrayRef<WorkerReach>
ThreadEntryAnalysis::reachesOf(const FunctionDecl *FD) const {
  if (!FD)
    return {};
  auto It = Reaches.find(FD->getCanonicalDecl());
  if (It == Reaches.end())
    return {};
  return It->second;
}

} // namespace coop
