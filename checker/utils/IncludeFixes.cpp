#include "IncludeFixes.h"
#include "LibraryCode.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Token.h"

using namespace clang;
using clang::tidy::utils::IncludeSorter;

namespace coop {

class UserIncludeRecorder : public PPCallbacks {
public:
  UserIncludeRecorder(IncludeFixes &Fixes, const SourceManager &SM)
      : Fixes(Fixes), SM(SM) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &IncludeTok,
                          StringRef FileName, bool IsAngled, CharSourceRange,
                          OptionalFileEntryRef, StringRef, StringRef,
                          const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    // Fixes go into the user's files only; a TU of headers has thousands of
    // includes in the libraries'.
    if (isInSystemHeader(SM, HashLoc))
      return;
    // What IncludeInserter hands its sorter: the end of the `include` token.
    Fixes.Directives[SM.getFileID(HashLoc)].push_back(
        {FileName.str(), IsAngled, HashLoc, IncludeTok.getEndLoc()});
  }

private:
  IncludeFixes &Fixes;
  const SourceManager &SM;
};

void IncludeFixes::registerPreprocessor(Preprocessor &PP) {
  SM = &PP.getSourceManager();
  PP.addPPCallbacks(std::make_unique<UserIncludeRecorder>(*this, *SM));
}

bool IncludeFixes::includes(FileID File, StringRef Header) const {
  auto It = Directives.find(File);
  if (It == Directives.end())
    return false;
  StringRef Name = Header.trim("<>\"");
  for (const Directive &D : It->second)
    if (D.Header == Name)
      return true;
  return false;
}

std::optional<FixItHint> IncludeFixes::insertion(FileID File,
                                                 StringRef Header) {
  if (!SM || File.isInvalid())
    return std::nullopt;
  if (includes(File, Header))
    return std::nullopt;
  // As IncludeInserter takes it: <name> is angled, anything else quoted.
  bool IsAngled = Header.consume_front("<");
  if (IsAngled != Header.consume_back(">"))
    return std::nullopt;
  if (!SelfContainedDiags && !Inserted[File].insert(Header).second)
    return std::nullopt;

  std::unique_ptr<IncludeSorter> &Sorter = Sorters[File];
  if (!Sorter) {
    Sorter = std::make_unique<IncludeSorter>(
        SM, File, SM->getFilename(SM->getLocForStartOfFile(File)),
        IncludeStyle);
    auto Recorded = Directives.find(File);
    if (Recorded != Directives.end())
      for (const Directive &D : Recorded->second)
        Sorter->addInclude(D.Header, D.IsAngled, D.Hash, D.End);
  }
  return Sorter->createIncludeInsertion(Header, IsAngled);
}

std::optional<FixItHint> IncludeFixes::mainFileInsertion(StringRef Header) {
  if (!SM)
    return std::nullopt;
  return insertion(SM->getMainFileID(), Header);
}

void IncludeFixes::clear() {
  Directives.clear();
  Sorters.clear();
  Inserted.clear();
}

} // namespace coop
