//===--- Names.h - matching declarations against names from options -------===//
#ifndef COOP_CHECKER_UTILS_NAMES_H
#define COOP_CHECKER_UTILS_NAMES_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace coop {

/// The last component of a qualified name: "f" for "::ns::f" and for "f".
llvm::StringRef unqualifiedName(llvm::StringRef Name);

/// True if D is named Name the way hasName() matches: "f" matches an f in any
/// scope, "::f" only the global one (or an extern "C" one declared at global
/// scope), "ns::C::f" (or "::ns::C::f") only that qualified name.
bool matchesName(const clang::NamedDecl *D, llvm::StringRef Name);
bool matchesAnyName(const clang::NamedDecl *D,
                    llvm::ArrayRef<std::string> Names);

/// True if D is declared directly in namespace NS, itself at global scope;
/// inline namespaces (std::__1) are looked through.
bool isInTopLevelNamespace(const clang::Decl *D, llvm::StringRef NS);

/// True if Record is the class QualifiedName ("::std::future") names, in any
/// inline namespace (std::__1::future), a specialization of a class template
/// included (hasName() needs the template arguments there).
bool isRecordNamed(const clang::CXXRecordDecl *Record,
                   llvm::StringRef QualifiedName);

} // namespace coop

#endif // COOP_CHECKER_UTILS_NAMES_H
