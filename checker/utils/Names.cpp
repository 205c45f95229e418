#include "Names.h"
#include "clang/AST/DeclBase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace coop {

llvm::StringRef unqualifiedName(llvm::StringRef Name) {
  llvm::StringRef Last = Name.rsplit("::").second;
  return Last.empty() ? Name : Last;
}

bool matchesName(const NamedDecl *D, llvm::StringRef Name) {
  if (!D || !D->getIdentifier())
    return false;
  // Asked of every call the thread-entry walk sees, with names that almost
  // never match: a suffix compare rejects them before the name is split.
  if (!Name.ends_with(D->getName()))
    return false;
  bool FromGlobalScope = Name.consume_front("::");
  llvm::StringRef Last = unqualifiedName(Name);
  if (D->getName() != Last)
    return false;
  // Computing the qualified name is the costly part: only for a name whose
  // last component already matched.
  bool AnyScope = !FromGlobalScope && Last.size() == Name.size();
  return AnyScope || D->getQualifiedNameAsString() == Name;
}

bool matchesAnyName(const NamedDecl *D, llvm::ArrayRef<std::string> Names) {
  for (const std::string &Name : Names)
    if (matchesName(D, Name))
      return true;
  return false;
}

bool isInTopLevelNamespace(const Decl *D, llvm::StringRef NS) {
  if (!D)
    return false;
  const DeclContext *Parent = D->getDeclContext();
  while (Parent && Parent->isInlineNamespace())
    Parent = Parent->getParent();
  const auto *Namespace = dyn_cast_or_null<NamespaceDecl>(Parent);
  return Namespace && Namespace->getName() == NS &&
         Namespace->getParent()->getRedeclContext()->isTranslationUnit();
}

bool isRecordNamed(const CXXRecordDecl *Record, llvm::StringRef QualifiedName) {
  if (!Record)
    return false;
  QualifiedName.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  QualifiedName.split(Parts, "::");
  const DeclContext *Context = Record;
  for (llvm::StringRef Part : llvm::reverse(Parts)) {
    while (Context && Context->isInlineNamespace())
      Context = Context->getParent();
    const auto *Named = dyn_cast_or_null<NamedDecl>(Context);
    if (!Named || !Named->getIdentifier() || Named->getName() != Part)
      return false;
    Context = Context->getParent();
  }
  while (Context && Context->isInlineNamespace())
    Context = Context->getParent();
  return Context && Context->getRedeclContext()->isTranslationUnit();
}

} // namespace coop
