//===--- HeldLocks.cpp - which mutexes are held where a statement runs ----===//
#include "HeldLocks.h"
#include "Wrappers.h"
#include "SharedVariables.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace coop {

namespace {

/// The locks held at a point while replaying the statements before it.
class LockState {
public:
  void lock(const ValueDecl *Mutex) {
    if (Mutex && !llvm::is_contained(Held, Mutex))
      Held.push_back(Mutex);
  }
  void unlock(const ValueDecl *Mutex) { llvm::erase(Held, Mutex); }

  /// A guard variable and the mutexes it manages.
  void addGuard(const VarDecl *Guard,
                llvm::SmallVector<const ValueDecl *, 2> Mutexes, bool Locks) {
    if (Locks)
      for (const ValueDecl *M : Mutexes)
        lock(M);
    Guards[Guard] = std::move(Mutexes);
  }
  const llvm::SmallVector<const ValueDecl *, 2> *guard(const VarDecl *V) const {
    auto It = Guards.find(V);
    return It == Guards.end() ? nullptr : &It->second;
  }

  llvm::SmallVector<const ValueDecl *, 2> Held;

private:
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const ValueDecl *, 2>>
      Guards;
};

const Expr *stripMutexExpr(const Expr *E) {
  return stripWrappers(E, ExplicitCasts::Strip);
}

/// The variable or member that holds the mutex E designates (`m`, `&m`,
/// `this->m_`, `*pm` is not followed).
const ValueDecl *mutexOf(const Expr *E) {
  E = stripMutexExpr(E);
  if (const auto *AddrOf = dyn_cast_or_null<UnaryOperator>(E))
    if (AddrOf->getOpcode() == UO_AddrOf)
      E = stripMutexExpr(AddrOf->getSubExpr());
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return sharedVariableKey(Ref->getDecl());
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    return sharedVariableKey(Member->getMemberDecl());
  return nullptr;
}

llvm::StringRef recordName(QualType T) {
  if (T.isNull())
    return {};
  T = T.getNonReferenceType();
  if (const auto *RD = T->getAsRecordDecl())
    if (RD->getIdentifier())
      return RD->getName();
  if (const auto *Spec = T->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *TD = Spec->getTemplateName().getAsTemplateDecl())
      if (TD->getIdentifier())
        return TD->getName();
  return {};
}

bool isLockGuardType(QualType T) {
  llvm::StringRef Name = recordName(T);
  return Name == "lock_guard" || Name == "unique_lock" ||
         Name == "scoped_lock" || Name == "shared_lock";
}

void applyGuardDecl(const VarDecl &Guard, LockState &State) {
  const Expr *Init = stripMutexExpr(Guard.getInit());
  if (!Init)
    return;
  llvm::ArrayRef<const Expr *> Args;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
    Args = {Construct->getArgs(), Construct->getNumArgs()};
  else if (const auto *List = dyn_cast<ParenListExpr>(Init))
    Args = {const_cast<ParenListExpr *>(List)->getExprs(), List->getNumExprs()};
  else if (const auto *Unresolved = dyn_cast<CXXUnresolvedConstructExpr>(Init))
    Args = {Unresolved->arg_begin(), Unresolved->getNumArgs()};
  bool Locks = true;
  llvm::SmallVector<const ValueDecl *, 2> Mutexes;
  for (const Expr *Arg : Args) {
    llvm::StringRef Tag = recordName(Arg->getType());
    if (Tag == "defer_lock_t" || Tag == "try_to_lock_t")
      Locks = false;
    else if (const ValueDecl *Mutex = mutexOf(Arg))
      Mutexes.push_back(Mutex);
  }
  State.addGuard(&Guard, std::move(Mutexes), Locks);
}

bool isGlobalFunctionNamed(const FunctionDecl *FD,
                           std::initializer_list<llvm::StringRef> Names) {
  return FD && FD->getIdentifier() &&
         FD->getDeclContext()->getRedeclContext()->isTranslationUnit() &&
         llvm::is_contained(Names, FD->getName());
}

void applyStatement(const Stmt *S, LockState &State) {
  if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (isLockGuardType(Var->getType()))
          applyGuardDecl(*Var, State);
    return;
  }
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return;
  E = stripMutexExpr(E);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return;
    llvm::StringRef Name = Method->getName();
    bool Lock = Name == "lock" || Name == "lock_shared";
    bool Unlock = Name == "unlock" || Name == "unlock_shared";
    if (!Lock && !Unlock)
      return;
    const Expr *Object = stripMutexExpr(Member->getImplicitObjectArgument());
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Object))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (const auto *Managed = State.guard(Var)) {
          for (const ValueDecl *M : *Managed)
            Lock ? State.lock(M) : State.unlock(M);
          return;
        }
    Lock ? State.lock(mutexOf(Object)) : State.unlock(mutexOf(Object));
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (Call->getNumArgs() < 1)
      return;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (isGlobalFunctionNamed(Callee, {"pthread_mutex_lock", "mtx_lock",
                                       "EnterCriticalSection",
                                       "pthread_rwlock_rdlock",
                                       "pthread_rwlock_wrlock"}))
      State.lock(mutexOf(Call->getArg(0)));
    else if (isGlobalFunctionNamed(Callee, {"pthread_mutex_unlock",
                                            "mtx_unlock",
                                            "LeaveCriticalSection",
                                            "pthread_rwlock_unlock"}))
      State.unlock(mutexOf(Call->getArg(0)));
  }
}

/// The init-statement of an if, switch or for that encloses Child in its
/// condition or body (not the init-statement itself).
const Stmt *initStatementOf(const Stmt *Parent, const Stmt *Child) {
  const Stmt *Init = nullptr;
  if (const auto *If = dyn_cast<IfStmt>(Parent))
    Init = If->getInit();
  else if (const auto *Switch = dyn_cast<SwitchStmt>(Parent))
    Init = Switch->getInit();
  else if (const auto *For = dyn_cast<ForStmt>(Parent))
    Init = For->getInit();
  else if (const auto *RangeFor = dyn_cast<CXXForRangeStmt>(Parent))
    Init = RangeFor->getInit();
  return Init == Child ? nullptr : Init;
}

} // namespace

llvm::SmallVector<const ValueDecl *, 2>
heldMutexes(const Stmt &S, const FunctionDecl *Fn, BodyParents &Parents) {
  // The statements that run before S, innermost scope first.
  llvm::SmallVector<llvm::SmallVector<const Stmt *, 8>, 8> Before;
  const Stmt *ChildStmt = &S;
  for (unsigned Steps = 0; Steps < 4096; ++Steps) {
    // An initializer's parent is its declaration statement.
    const Stmt *ParentStmt = Parents.parentOf(*ChildStmt, Fn);
    if (!ParentStmt || isa<LambdaExpr>(ParentStmt))
      break; // the function's (or the lambda's) body is done
    llvm::SmallVector<const Stmt *, 8> Level;
    if (const auto *Block = dyn_cast<CompoundStmt>(ParentStmt)) {
      for (const Stmt *Item : Block->body()) {
        if (Item == ChildStmt)
          break;
        Level.push_back(Item);
      }
    } else if (const Stmt *Init = initStatementOf(ParentStmt, ChildStmt)) {
      Level.push_back(Init);
    }
    if (!Level.empty())
      Before.push_back(std::move(Level));
    ChildStmt = ParentStmt;
  }
  LockState State;
  for (const auto &Level : llvm::reverse(Before))
    for (const Stmt *Item : Level)
      applyStatement(Item, State);
  return State.Held;
}

} // namespace coop
