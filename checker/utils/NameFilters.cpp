#include "NameFilters.h"
#include "Names.h"

namespace coop {

NameSet::NameSet(llvm::ArrayRef<llvm::StringRef> Qualified) {
  auto Set = std::make_shared<llvm::StringSet<>>();
  for (llvm::StringRef Name : Qualified)
    Set->insert(unqualifiedName(Name));
  Names = std::move(Set);
}

const clang::FunctionDecl *
referencedFunction(const clang::Expr &Ref,
                   llvm::function_ref<bool(const clang::FunctionDecl &)> Accept) {
  if (const auto *DeclRef = llvm::dyn_cast<clang::DeclRefExpr>(&Ref)) {
    const auto *Function = llvm::dyn_cast<clang::FunctionDecl>(DeclRef->getDecl());
    return Function && Accept(*Function) ? Function : nullptr;
  }
  if (const auto *Lookup = llvm::dyn_cast<clang::UnresolvedLookupExpr>(&Ref))
    for (const clang::NamedDecl *Candidate : Lookup->decls())
      if (const auto *Function = llvm::dyn_cast<clang::FunctionDecl>(Candidate))
        if (Accept(*Function))
          return Function;
  return nullptr;
}

} // namespace coop
