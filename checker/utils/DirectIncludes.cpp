#include "DirectIncludes.h"
#include "LibraryCode.h"
#include "clang/Lex/PPCallbacks.h"

using namespace clang;

namespace coop {

class DirectIncludesRecorder : public PPCallbacks {
public:
  DirectIncludesRecorder(DirectIncludes &Record, const SourceManager &SM)
      : Record(Record), SM(SM) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &, StringRef FileName,
                          bool, CharSourceRange, OptionalFileEntryRef,
                          StringRef, StringRef, const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    // Fixes go into the user's files only; a TU of headers has thousands of
    // includes in the libraries'.
    if (isInSystemHeader(SM, HashLoc))
      return;
    Record.ByFile[SM.getFileID(SM.getExpansionLoc(HashLoc))].insert(FileName);
  }

private:
  DirectIncludes &Record;
  const SourceManager &SM;
};

void DirectIncludes::registerPreprocessor(Preprocessor &PP) {
  PP.addPPCallbacks(
      std::make_unique<DirectIncludesRecorder>(*this, PP.getSourceManager()));
}

bool DirectIncludes::includes(FileID File, StringRef Header) const {
  auto It = ByFile.find(File);
  return It != ByFile.end() && It->second.contains(Header.trim("<>\""));
}

} // namespace coop
