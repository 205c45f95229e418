//===--- Instantiations.h - is this code a template instantiation? --------===//
//
// Checks judge templates in their patterns, once, not once per
// instantiation. The isInstantiated() and isInTemplateInstantiation()
// matchers answer that by searching the parent map upwards from every
// candidate node, which dominated the cost of checks that match every
// function or loop (docs/performance.md); walking the declaration contexts
// gives the same answer for the price of a few pointer hops.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_INSTANTIATIONS_H
#define COOP_CHECKER_UTILS_INSTANTIATIONS_H

#include "clang/AST/DeclCXX.h"

namespace coop {

/// True if D is a function or class template instantiation (implicit or
/// explicit), or is declared inside one: a member of an instantiated class,
/// a lambda in an instantiated function.
inline bool isInInstantiation(const clang::Decl &D) {
  const clang::DeclContext *DC = llvm::isa<clang::DeclContext>(D)
                                     ? llvm::cast<clang::DeclContext>(&D)
                                     : D.getDeclContext();
  for (; DC; DC = DC->getParent()) {
    if (const auto *Function = llvm::dyn_cast<clang::FunctionDecl>(DC)) {
      if (Function->isTemplateInstantiation())
        return true;
    } else if (const auto *Record = llvm::dyn_cast<clang::CXXRecordDecl>(DC)) {
      switch (Record->getTemplateSpecializationKind()) {
      case clang::TSK_ImplicitInstantiation:
      case clang::TSK_ExplicitInstantiationDeclaration:
      case clang::TSK_ExplicitInstantiationDefinition:
        return true;
      default:
        break;
      }
    }
  }
  return false;
}

} // namespace coop

#endif // COOP_CHECKER_UTILS_INSTANTIATIONS_H
