//===--- SharedVariables.h - who reads and writes a variable, and where ---===//
//
// An index of every access to the scalar variables of a translation unit
// (globals, statics, members, and locals, which lambdas can capture by
// reference), each with the function it happens in. Checks ask "which other
// functions write this variable?" without walking the AST themselves.
//
// Templates are indexed in their patterns, not per instantiation: an access
// through a class template specialization is keyed to the pattern's member,
// so code in a template is judged (and reported) once.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_SHAREDVARIABLES_H
#define COOP_CHECKER_UTILS_SHAREDVARIABLES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace coop {

enum class AccessKind {
  /// The value is loaded (an lvalue-to-rvalue conversion).
  Read,
  /// Assigned, compound-assigned, incremented or decremented.
  Write,
  /// Its address or a reference to non-const is taken: whoever holds it may
  /// write the variable.
  Escape,
  /// Anything else: a const reference, an operand of a dependent expression
  /// in a template, and every access in an operand that is never evaluated
  /// (sizeof, decltype, typeof, noexcept, ...), even an assignment.
  Other,
};

struct VariableAccess {
  /// The DeclRefExpr or MemberExpr that names the variable.
  const clang::Expr *Ref = nullptr;
  AccessKind Kind = AccessKind::Other;
  /// The innermost function the access is in (a lambda's call operator for
  /// code in a lambda); null in a namespace-scope initializer.
  const clang::FunctionDecl *Function = nullptr;
  /// True for a member access on `this` inside a constructor of the member's
  /// class: the object is not shared with another thread yet.
  bool InOwnConstructor = false;
};

/// The key the index files a variable under: the canonical VarDecl or
/// FieldDecl, with members and static data members of template
/// specializations mapped to the template's own. Null for anything else.
const clang::ValueDecl *sharedVariableKey(const clang::ValueDecl *D);
/// The variable a DeclRefExpr or MemberExpr names, as a key (null otherwise).
const clang::ValueDecl *sharedVariableKeyOf(const clang::Expr *E);

class SharedVariableIndex {
public:
  /// Walks the translation unit once, from its top-level declarations
  /// (TopLevelDecls.h; call it when the finder is done); later calls with
  /// the same context are free.
  void ensure(clang::ASTContext &Ctx);
  /// Forget the TU (call from onStartOfTranslationUnit, before the next
  /// TU's context can take this one's address).
  void reset();

  /// Every access to the variable Key (see sharedVariableKey), in source
  /// order of the walk. Accesses to a lambda's by-copy capture are accesses
  /// to the lambda's copy and are not listed.
  llvm::ArrayRef<VariableAccess> accessesOf(const clang::ValueDecl *Key) const;
  /// The access made by Ref (a DeclRefExpr or MemberExpr), if indexed.
  const VariableAccess *accessAt(const clang::Expr *Ref) const;
  /// Lambdas that capture the local Key by copy, explicitly or implicitly.
  llvm::ArrayRef<const clang::LambdaExpr *>
  copyCapturesOf(const clang::ValueDecl *Key) const;

private:
  const clang::ASTContext *AnalysedContext = nullptr;
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<VariableAccess, 4>>
      Accesses;
  llvm::DenseMap<const clang::Expr *, std::pair<const clang::ValueDecl *, unsigned>>
      ByRef;
  llvm::DenseMap<const clang::ValueDecl *,
                 llvm::SmallVector<const clang::LambdaExpr *, 1>>
      CopyCaptures;
};

} // namespace coop

#endif // COOP_CHECKER_UTILS_SHAREDVARIABLES_H
