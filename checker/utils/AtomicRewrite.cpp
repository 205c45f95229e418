//===--- AtomicRewrite.cpp - turning a plain variable into an atomic one --===//
#include "AtomicRewrite.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace coop {

// --- spelling ---------------------------------------------------------------

static TypeLoc unqualifiedTypeLoc(const DeclaratorDecl &D) {
  const TypeSourceInfo *TSI = D.getTypeSourceInfo();
  if (!TSI)
    return {};
  TypeLoc TL = TSI->getTypeLoc();
  if (auto Qualified = TL.getAs<QualifiedTypeLoc>())
    TL = Qualified.getUnqualifiedLoc();
  return TL;
}

/// The file range of the type as written, without cv-qualifiers.
static CharSourceRange writtenTypeRange(const DeclaratorDecl &D,
                                        const ASTContext &Ctx) {
  TypeLoc TL = unqualifiedTypeLoc(D);
  if (TL.isNull())
    return {};
  return Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(TL.getBeginLoc(), TL.getEndLoc()),
      Ctx.getSourceManager(), Ctx.getLangOpts());
}

/// C11's <stdatomic.h> name for an atomic builtin integer type.
static llvm::StringRef stdatomicTypedef(const BuiltinType &T) {
  switch (T.getKind()) {
  case BuiltinType::Bool:
    return "atomic_bool";
  case BuiltinType::Char_S:
  case BuiltinType::Char_U:
    return "atomic_char";
  case BuiltinType::SChar:
    return "atomic_schar";
  case BuiltinType::UChar:
    return "atomic_uchar";
  case BuiltinType::Short:
    return "atomic_short";
  case BuiltinType::UShort:
    return "atomic_ushort";
  case BuiltinType::Int:
    return "atomic_int";
  case BuiltinType::UInt:
    return "atomic_uint";
  case BuiltinType::Long:
    return "atomic_long";
  case BuiltinType::ULong:
    return "atomic_ulong";
  case BuiltinType::LongLong:
    return "atomic_llong";
  case BuiltinType::ULongLong:
    return "atomic_ullong";
  default:
    return {};
  }
}

/// The type as written (`unsigned long`, `sig_atomic_t`, `BOOL`), or as
/// printed when it cannot be read from the source.
static std::string writtenType(const ValueDecl &Var, const ASTContext &Ctx) {
  if (const auto *D = dyn_cast<DeclaratorDecl>(&Var)) {
    CharSourceRange Range = writtenTypeRange(*D, Ctx);
    if (Range.isValid()) {
      llvm::StringRef Text = Lexer::getSourceText(
          Range, Ctx.getSourceManager(), Ctx.getLangOpts());
      if (!Text.empty())
        return Text.str();
    }
  }
  PrintingPolicy Policy(Ctx.getLangOpts());
  return Var.getType().getUnqualifiedType().getAsString(Policy);
}

/// The C spelling: a <stdatomic.h> typedef for builtin types written as
/// such, `_Atomic(T)` for the rest (typedefs such as sig_atomic_t).
static std::pair<std::string, llvm::StringRef>
cAtomicSpelling(const ValueDecl &Var, const ASTContext &Ctx) {
  bool WrittenAsTypedef = false;
  if (const auto *D = dyn_cast<DeclaratorDecl>(&Var)) {
    TypeLoc TL = unqualifiedTypeLoc(*D);
    WrittenAsTypedef =
        !TL.isNull() && !TL.getAsAdjusted<TypedefTypeLoc>().isNull();
  } else {
    WrittenAsTypedef = Var.getType()->getAs<TypedefType>() != nullptr;
  }
  if (!WrittenAsTypedef)
    if (const auto *Builtin =
            Var.getType().getCanonicalType()->getAs<BuiltinType>()) {
      llvm::StringRef Name = stdatomicTypedef(*Builtin);
      if (!Name.empty())
        return {Name.str(), "<stdatomic.h>"};
    }
  return {"_Atomic(" + writtenType(Var, Ctx) + ")", ""};
}

std::string atomicSpellingOf(const ValueDecl &Var, const ASTContext &Ctx) {
  if (Ctx.getLangOpts().CPlusPlus)
    return "std::atomic<" + writtenType(Var, Ctx) + ">";
  return cAtomicSpelling(Var, Ctx).first;
}

// --- will every use still compile? -----------------------------------------

namespace {

class UseChecker {
public:
  UseChecker(const ValueDecl &Var, BodyParents &Parents, ASTContext &Ctx)
      : Ctx(Ctx), Parents(Parents), IsBool(Var.getType()->isBooleanType()) {}

  bool accepts(const VariableAccess &Access) {
    Function = Access.Function;
    if (!Ctx.getLangOpts().CPlusPlus)
      // C converts _Atomic objects in every expression a plain one can
      // appear in; only a pointer to the plain type no longer fits.
      return Access.Kind != AccessKind::Escape;
    switch (Access.Kind) {
    case AccessKind::Read:
      return readStaysValid(Access);
    case AccessKind::Write:
      return writeStaysValid(Access);
    case AccessKind::Escape:
    case AccessKind::Other:
      return false;
    }
    return false;
  }

private:
  /// The statement that contains S in the body of the use's function, or
  /// null when S initializes a local (*ParentDecl is then the variable) or
  /// is outside any body (a namespace-scope or member initializer, whose
  /// declaration is not known here: such uses are not rewritten).
  const Stmt *parentStmt(const Stmt &S, const Decl **ParentDecl = nullptr) {
    if (ParentDecl)
      *ParentDecl = nullptr;
    const Stmt *Parent = Parents.parentOf(S, Function);
    const auto *Decls = dyn_cast_or_null<DeclStmt>(Parent);
    if (!Decls)
      return Parent;
    if (ParentDecl)
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit() == &S)
          *ParentDecl = Var;
    return nullptr;
  }

  /// Climbs from E through parentheses; returns the first other parent.
  const Stmt *skipParens(const Expr *&E, const Decl **ParentDecl = nullptr) {
    const Stmt *P = parentStmt(*E, ParentDecl);
    while (const auto *Paren = dyn_cast_or_null<ParenExpr>(P)) {
      E = Paren;
      P = parentStmt(*E, ParentDecl);
    }
    return P;
  }

  /// A read: `flag` converted to its value. std::atomic<T> converts to T
  /// implicitly, so the read compiles wherever a T value is consumed by a
  /// conversion; it does not where the type itself is deduced or copied.
  bool readStaysValid(const VariableAccess &Access) {
    const Expr *Cur = Access.Ref;
    const Decl *ParentDecl = nullptr;
    const Stmt *P = skipParens(Cur, &ParentDecl);
    const auto *Load = dyn_cast_or_null<ImplicitCastExpr>(P);
    if (!Load || Load->getCastKind() != CK_LValueToRValue)
      return false;
    Cur = Load;
    for (;;) {
      P = parentStmt(*Cur, &ParentDecl);
      if (P && (isa<ImplicitCastExpr>(P) || isa<ParenExpr>(P) ||
                isa<ExprWithCleanups>(P))) {
        Cur = cast<Expr>(P);
        continue;
      }
      break;
    }
    if (!P)
      return consumedByDeclaration(ParentDecl);
    if (!isa<Expr>(P)) {
      if (isa<ReturnStmt>(P))
        return Access.Function &&
               !Access.Function->getDeclaredReturnType()
                    ->getContainedDeducedType();
      return true; // a condition, a discarded value
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(P))
      return UO->getOpcode() == UO_LNot || UO->getOpcode() == UO_Minus ||
             UO->getOpcode() == UO_Plus || UO->getOpcode() == UO_Not;
    if (const auto *BO = dyn_cast<BinaryOperator>(P))
      return BO->getOpcode() != BO_Comma; // a built-in operator converts
    if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(P))
      return Cond->getCond() == Cur; // a branch would become ambiguous
    if (const auto *Call = dyn_cast<CallExpr>(P))
      return argumentStaysValid(Call->getDirectCallee(),
                                {Call->getArgs(), Call->getNumArgs()}, Cur,
                                isa<CXXOperatorCallExpr>(Call));
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(P))
      return argumentStaysValid(Construct->getConstructor(),
                                {Construct->getArgs(), Construct->getNumArgs()},
                                Cur, false);
    if (isa<InitListExpr>(P))
      return true;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P))
      return Cast->getType()->isScalarType() &&
             !Cast->getType()->isReferenceType();
    return false;
  }

  static bool consumedByDeclaration(const Decl *D) {
    if (const auto *Var = dyn_cast_or_null<VarDecl>(D))
      return !Var->isInitCapture() &&
             !Var->getType()->getContainedDeducedType();
    return isa_and_nonnull<FieldDecl>(D);
  }

  /// An argument converts to a parameter of a non-template function; a
  /// template would deduce std::atomic<T> and copy it.
  static bool argumentStaysValid(const FunctionDecl *Callee,
                                 llvm::ArrayRef<const Expr *> Args,
                                 const Expr *Arg, bool IsOperatorCall) {
    if (!Callee || Callee->getPrimaryTemplate() ||
        Callee->getTemplatedKind() == FunctionDecl::TK_FunctionTemplate)
      return false;
    unsigned Offset = 0;
    if (IsOperatorCall)
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
        if (!Method->isStatic())
          Offset = 1;
    for (unsigned I = 0; I < Args.size(); ++I)
      if (Args[I] == Arg)
        return I >= Offset && I - Offset < Callee->getNumParams();
    return false;
  }

  /// A write: `=` for any T; the compound assignments and increments only
  /// where std::atomic<T> has them (integers: += -= &= |= ^= ++ --). The
  /// atomic operators return a value, not an lvalue, so the result must not
  /// be used as one.
  bool writeStaysValid(const VariableAccess &Access) {
    const Expr *Cur = Access.Ref;
    const Stmt *P = skipParens(Cur);
    std::optional<bool> Supported;
    bool YieldsValue = false;
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P)) {
      Supported = BO->getLHS()->IgnoreParens() == Access.Ref &&
                  assignmentSupported(BO->getOpcode());
    } else if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P)) {
      Supported = !IsBool && UO->isIncrementDecrementOp();
      YieldsValue = UO->isPostfix();
    } else if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(P)) {
      Supported = Op->getNumArgs() >= 1 && Op->getArg(0)->IgnoreParens() ==
                                               Access.Ref &&
                  operatorSupported(Op->getOperator());
    }
    if (!Supported || !*Supported)
      return false;
    if (YieldsValue)
      return true;
    const Expr *Write = cast<Expr>(P);
    const Stmt *Consumer = skipParens(Write);
    if (!Consumer || !isa<Expr>(Consumer))
      return true; // a statement of its own, a for increment
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Consumer))
      return Cast->getCastKind() == CK_LValueToRValue ||
             Cast->getCastKind() == CK_ToVoid;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Consumer))
      return Cast->getType()->isVoidType();
    if (const auto *BO = dyn_cast<BinaryOperator>(Consumer))
      return BO->getOpcode() == BO_Comma && BO->getLHS() == Write;
    return isa<ExprWithCleanups>(Consumer);
  }

  bool assignmentSupported(BinaryOperatorKind Op) const {
    if (Op == BO_Assign)
      return true;
    if (IsBool)
      return false;
    return Op == BO_AddAssign || Op == BO_SubAssign || Op == BO_AndAssign ||
           Op == BO_OrAssign || Op == BO_XorAssign;
  }

  bool operatorSupported(OverloadedOperatorKind Op) const {
    if (Op == OO_Equal)
      return true;
    if (IsBool)
      return false;
    return Op == OO_PlusEqual || Op == OO_MinusEqual || Op == OO_AmpEqual ||
           Op == OO_PipeEqual || Op == OO_CaretEqual || Op == OO_PlusPlus ||
           Op == OO_MinusMinus;
  }

  ASTContext &Ctx;
  BodyParents &Parents;
  bool IsBool;
  /// The function of the use being judged.
  const FunctionDecl *Function = nullptr;
};

/// True if a defaulted copy or move of Record (or of a specialization, for
/// a class template pattern) is used: std::atomic has none.
bool copiesAreUsed(const CXXRecordDecl &Record) {
  auto Used = [](const CXXMethodDecl *M) {
    return M->isDefaulted() && (M->isUsed(false) || M->isReferenced());
  };
  auto AnyUsed = [&](const CXXRecordDecl &RD) {
    for (const CXXConstructorDecl *Ctor : RD.ctors())
      if (Ctor->isCopyOrMoveConstructor() && Used(Ctor))
        return true;
    for (const CXXMethodDecl *Method : RD.methods())
      if ((Method->isCopyAssignmentOperator() ||
           Method->isMoveAssignmentOperator()) &&
          Used(Method))
        return true;
    return false;
  };
  if (AnyUsed(Record))
    return true;
  if (const ClassTemplateDecl *Template = Record.getDescribedClassTemplate())
    for (const ClassTemplateSpecializationDecl *Spec :
         Template->specializations())
      if (AnyUsed(*Spec))
        return true;
  return false;
}

/// The declaration statement of a local variable, searched for in the body
/// of the function that declares it (only when a fix is built).
const DeclStmt *declarationStatementOf(const VarDecl &Var) {
  const auto *Fn = dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod());
  llvm::SmallVector<const Stmt *, 32> Work;
  if (Fn && Fn->getBody())
    Work.push_back(Fn->getBody());
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Decls = dyn_cast<DeclStmt>(S))
      if (llvm::is_contained(Decls->decls(), &Var))
        return Decls;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return nullptr;
}

/// True if D declares nothing but the variable (`bool a, b;` cannot change
/// one type).
bool declaresAlone(const DeclaratorDecl &D, ASTContext &Ctx) {
  if (const auto *Var = dyn_cast<VarDecl>(&D); Var && Var->isLocalVarDecl()) {
    const DeclStmt *Stmt = declarationStatementOf(*Var);
    return Stmt && Stmt->isSingleDecl();
  }
  for (const Decl *Other : D.getLexicalDeclContext()->decls())
    if (Other != &D && isa<DeclaratorDecl>(Other) &&
        cast<DeclaratorDecl>(Other)->getInnerLocStart() == D.getInnerLocStart())
      return false;
  return true;
}

/// The initializer rewrite that C++11/14 need: `T x = init;` copies a
/// temporary std::atomic<T>, whose copy constructor is deleted.
bool rewriteCopyInit(const DeclaratorDecl &D, ASTContext &Ctx,
                     std::vector<FixItHint> &Edits) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  const Expr *Init = nullptr;
  bool Braces = false;
  if (const auto *Var = dyn_cast<VarDecl>(&D)) {
    if (!Var->hasInit() || Var->getInitStyle() != VarDecl::CInit)
      return true;
    Init = Var->getInit();
  } else if (const auto *Field = dyn_cast<FieldDecl>(&D)) {
    if (!Field->hasInClassInitializer() ||
        Field->getInClassInitStyle() != ICIS_CopyInit)
      return true;
    // A default member initializer cannot use parentheses, and braces
    // reject narrowing: only literals that fit are rewritten.
    Init = Field->getInClassInitializer();
    const Expr *Value = Init ? Init->IgnoreImpCasts() : nullptr;
    if (!Value || !(isa<CXXBoolLiteralExpr>(Value) ||
                    isa<IntegerLiteral>(Value)))
      return false;
    Expr::EvalResult Result;
    if (!Init->EvaluateAsInt(Result, Ctx))
      return false;
    llvm::APSInt Literal = Value->EvaluateKnownConstInt(Ctx);
    if (llvm::APSInt::compareValues(Literal, Result.Val.getInt()) != 0)
      return false;
    Braces = true;
  }
  if (!Init)
    return false;
  CharSourceRange InitRange = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Init->getSourceRange()), SM, LO);
  SourceLocation NameEnd =
      Lexer::getLocForEndOfToken(D.getLocation(), 0, SM, LO);
  if (InitRange.isInvalid() || NameEnd.isInvalid() || NameEnd.isMacroID())
    return false;
  Edits.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(NameEnd, InitRange.getBegin()),
      Braces ? "{" : "("));
  Edits.push_back(
      FixItHint::CreateInsertion(InitRange.getEnd(), Braces ? "}" : ")"));
  return true;
}

/// The edits to one declaration: the type replaced, `volatile` dropped.
bool rewriteDeclaration(const DeclaratorDecl &D, llvm::StringRef Atomic,
                        ASTContext &Ctx, std::vector<FixItHint> &Edits) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  if (D.getLocation().isMacroID() || !declaresAlone(D, Ctx))
    return false;
  CharSourceRange Specifiers = Lexer::makeFileCharRange(
      CharSourceRange::getCharRange(D.getInnerLocStart(), D.getLocation()), SM,
      LO);
  CharSourceRange Type = writtenTypeRange(D, Ctx);
  if (Specifiers.isInvalid() || Type.isInvalid() ||
      !SM.isInMainFile(Specifiers.getBegin()))
    return false;
  // Walk the tokens before the name: qualifiers outside the type are
  // dropped (volatile) or refused (const, which a written flag cannot be
  // anyway); anything inside the type's range must be plain.
  std::pair<FileID, unsigned> Start = SM.getDecomposedLoc(Specifiers.getBegin());
  llvm::StringRef Buffer = SM.getBufferData(Start.first);
  Lexer Lex(SM.getLocForStartOfFile(Start.first), LO, Buffer.begin(),
            Buffer.begin() + Start.second, Buffer.end());
  Token Tok;
  bool TypeSeen = false;
  while (!Lex.LexFromRawLexer(Tok)) {
    SourceLocation Loc = Tok.getLocation();
    if (!SM.isBeforeInTranslationUnit(Loc, Specifiers.getEnd()))
      break;
    bool InType = !SM.isBeforeInTranslationUnit(Loc, Type.getBegin()) &&
                  SM.isBeforeInTranslationUnit(Loc, Type.getEnd());
    llvm::StringRef Word =
        Tok.is(tok::raw_identifier) ? Tok.getRawIdentifier() : "";
    bool Qualifier = Word == "volatile" || Word == "const" ||
                     Word == "_Atomic" || Word == "restrict";
    if (InType) {
      if (Qualifier)
        return false;
      TypeSeen = true;
      continue;
    }
    if (Word == "volatile") {
      // Remove the keyword and the blanks after it.
      Token Next;
      Lexer Peek(SM.getLocForStartOfFile(Start.first), LO, Buffer.begin(),
                 Buffer.data() + SM.getFileOffset(Tok.getEndLoc()),
                 Buffer.end());
      if (Peek.LexFromRawLexer(Next) && Next.is(tok::eof))
        return false;
      Edits.push_back(FixItHint::CreateRemoval(
          CharSourceRange::getCharRange(Loc, Next.getLocation())));
    } else if (Qualifier) {
      return false;
    }
  }
  if (!TypeSeen)
    return false;
  Edits.push_back(FixItHint::CreateReplacement(Type, Atomic));
  if (LO.CPlusPlus && !LO.CPlusPlus17)
    return rewriteCopyInit(D, Ctx, Edits);
  return true;
}

} // namespace

std::optional<AtomicRewrite> rewriteAsAtomic(const ValueDecl &Var,
                                             const SharedVariableIndex &Index,
                                             BodyParents &Parents,
                                             ASTContext &Ctx) {
  const LangOptions &LO = Ctx.getLangOpts();
  if (LO.CPlusPlus ? !LO.CPlusPlus11 : !LO.C11)
    return std::nullopt;
  QualType T = Var.getType();
  if (T.isNull() || T->isDependentType() || T->isReferenceType() ||
      T->isEnumeralType() || !(T->isBooleanType() || T->isIntegerType()))
    return std::nullopt;

  llvm::SmallVector<const DeclaratorDecl *, 2> Decls;
  if (const auto *Field = dyn_cast<FieldDecl>(&Var)) {
    if (Field->isBitField() || Field->getParent()->isUnion())
      return std::nullopt;
    if (LO.CPlusPlus) {
      const auto *Record = dyn_cast<CXXRecordDecl>(Field->getParent());
      if (!Record || copiesAreUsed(*Record))
        return std::nullopt;
      // Aggregate initialization copies before C++17.
      if (!LO.CPlusPlus17 && Record->hasDefinition() && Record->isAggregate())
        return std::nullopt;
    }
    Decls.push_back(Field);
  } else if (const auto *Variable = dyn_cast<VarDecl>(&Var)) {
    if (isa<ParmVarDecl>(Variable)) // the function's signature would change
      return std::nullopt;
    for (const VarDecl *Redecl : Variable->redecls())
      Decls.push_back(Redecl);
  } else {
    return std::nullopt;
  }

  UseChecker Uses(Var, Parents, Ctx);
  for (const VariableAccess &Access : Index.accessesOf(&Var))
    if (!Uses.accepts(Access))
      return std::nullopt;
  if (LO.CPlusPlus && !Index.copyCapturesOf(&Var).empty())
    return std::nullopt;

  AtomicRewrite Rewrite;
  std::string Atomic;
  if (LO.CPlusPlus) {
    Atomic = atomicSpellingOf(Var, Ctx);
    Rewrite.Header = "<atomic>";
  } else {
    auto [Spelling, Header] = cAtomicSpelling(Var, Ctx);
    Atomic = Spelling;
    Rewrite.Header = Header;
  }
  for (const DeclaratorDecl *D : Decls)
    if (!rewriteDeclaration(*D, Atomic, Ctx, Rewrite.Edits))
      return std::nullopt;
  return Rewrite;
}

} // namespace coop
