//===--- TopLevelDecls.cpp - the TU's own code, listed by the finder ------===//
#include "TopLevelDecls.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coop {

namespace {
constexpr llvm::StringLiteral DeclId = "top-level-decl";

/// In the TU's own declaration list, and able to hold code. The lexical
/// context alone is not enough: a function template's pattern has the TU as
/// its lexical context too, but it is traversed through the template, not
/// listed. Prototypes, uninitialised variables and forward declarations
/// hold nothing to walk; leaving them out keeps the finder's reports (each
/// an allocation and a callback) to the few declarations that do.
AST_MATCHER(Decl, isTopLevelCode) {
  const DeclContext *Lexical = Node.getLexicalDeclContext();
  if (!Lexical || !isa<TranslationUnitDecl>(Lexical) ||
      !Lexical->containsDecl(const_cast<Decl *>(&Node)))
    return false;
  if (const auto *Function = dyn_cast<FunctionDecl>(&Node))
    return Function->doesThisDeclarationHaveABody();
  if (const auto *Var = dyn_cast<VarDecl>(&Node))
    return Var->hasInit();
  if (const auto *Record = dyn_cast<CXXRecordDecl>(&Node))
    return Record->isThisDeclarationADefinition();
  return true;
}

// ASTMatchers has no matcher for variable templates, nor (in LLVM 19)
// for `export { ... }`.
const clang::ast_matchers::internal::VariadicDynCastAllOfMatcher<Decl,
                                                                 ExportDecl>
    exportBlock;
const clang::ast_matchers::internal::VariadicDynCastAllOfMatcher<
    Decl, VarTemplateDecl>
    variableTemplate;

class Collector : public TopLevelDecls,
                  public MatchFinder::MatchCallback {
public:
  void registerMatchers(MatchFinder &Finder, const LangOptions &LangOpts) {
    // One matcher per kind that can hold code: the finder tries a matcher
    // only on the nodes of its kind, and most of a TU's declarations are
    // parameters, fields and enumerators.
    Finder.addMatcher(functionDecl(isTopLevelCode()).bind(DeclId), this);
    Finder.addMatcher(varDecl(isTopLevelCode()).bind(DeclId), this);
    if (!LangOpts.CPlusPlus)
      return;
    Finder.addMatcher(namespaceDecl(isTopLevelCode()).bind(DeclId), this);
    Finder.addMatcher(linkageSpecDecl(isTopLevelCode()).bind(DeclId), this);
    Finder.addMatcher(exportBlock(isTopLevelCode()).bind(DeclId), this);
    Finder.addMatcher(cxxRecordDecl(isTopLevelCode()).bind(DeclId), this);
    Finder.addMatcher(classTemplateDecl(isTopLevelCode()).bind(DeclId), this);
    Finder.addMatcher(functionTemplateDecl(isTopLevelCode()).bind(DeclId),
                      this);
    Finder.addMatcher(variableTemplate(isTopLevelCode()).bind(DeclId), this);
  }

  void run(const MatchFinder::MatchResult &Result) override {
    if (const auto *D = Result.Nodes.getNodeAs<Decl>(DeclId))
      Decls.push_back(const_cast<Decl *>(D));
  }
  void onStartOfTranslationUnit() override { Decls.clear(); }
  // The finder's profile (--enable-check-profile) reports the collection
  // under this name, beside the checks it serves; not a check's name, so no
  // `Checks:` pattern can select it.
  llvm::StringRef getID() const override { return "coop:top-level-decls"; }
};

/// Per thread: clangd builds the ASTs of several files at once, each with
/// its own finder, and registers each finder's checks on one thread.
thread_local llvm::DenseMap<const MatchFinder *, std::weak_ptr<Collector>>
    CollectorByFinder;
} // namespace

std::shared_ptr<const TopLevelDecls>
TopLevelDecls::of(MatchFinder &Finder, const LangOptions &LangOpts) {
  auto Known = CollectorByFinder.find(&Finder);
  if (Known != CollectorByFinder.end())
    if (std::shared_ptr<Collector> Existing = Known->second.lock())
      return Existing;
  // Forget the finders whose checks, and so collectors, are gone: a new
  // finder may have a destroyed one's address.
  for (auto It = CollectorByFinder.begin(); It != CollectorByFinder.end();) {
    auto Next = std::next(It);
    if (It->second.expired())
      CollectorByFinder.erase(It);
    It = Next;
  }
  auto Created = std::make_shared<Collector>();
  Created->registerMatchers(Finder, LangOpts);
  CollectorByFinder[&Finder] = Created;
  return Created;
}

} // namespace coop
