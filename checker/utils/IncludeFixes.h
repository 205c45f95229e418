//===--- IncludeFixes.h - #include fix-its for the user's files -----------===//
//
// The fix-its that add the header a rewrite needs, in the place clang-tidy's
// IncludeSorter picks for the configured IncludeStyle. It stands in for
// clang-tidy's IncludeInserter, which records every #include of the TU and
// builds a sorter for every file that has one: in a TU of headers that is
// thousands of library files, paid by each check that holds an inserter
// whether or not it ever reports (docs/performance.md, eighth round). Fixes
// only ever go into the user's files, so only their #include directives are
// recorded, and a file's sorter is built when a fix first needs it.
//
// It also knows which headers a file includes itself: IncludeSorter assumes
// a file's includes are sorted and, asked for a header that an unsorted file
// already includes, would add a second #include.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_INCLUDEFIXES_H
#define COOP_CHECKER_UTILS_INCLUDEFIXES_H

#include "clang-tidy/utils/IncludeSorter.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>

namespace coop {

class IncludeFixes {
public:
  using Style = clang::tidy::utils::IncludeSorter::IncludeStyle;

  /// SelfContainedDiags (clangd): every diagnostic carries its own include
  /// fix, instead of only the first one per file and header.
  IncludeFixes(Style IncludeStyle, bool SelfContainedDiags)
      : IncludeStyle(IncludeStyle), SelfContainedDiags(SelfContainedDiags) {}

  /// Records the #include directives of the user's files that PP sees from
  /// now on.
  void registerPreprocessor(clang::Preprocessor &PP);

  /// The fix-it that adds Header to File: `<name>` for an angled include, a
  /// bare `name` for a quoted one, as IncludeInserter takes it. None when File
  /// already includes it, when a fix already added it to File (outside
  /// self-contained diagnostics), or when Header is malformed.
  std::optional<clang::FixItHint> insertion(clang::FileID File,
                                            llvm::StringRef Header);
  std::optional<clang::FixItHint> mainFileInsertion(llvm::StringRef Header);

  Style style() const { return IncludeStyle; }

  /// Forget the TU (its FileIDs and locations mean nothing in the next).
  void clear();

private:
  friend class UserIncludeRecorder;

  /// True if File has `#include <Header>` or `#include "Header"`; Header may
  /// be given with its brackets or quotes.
  bool includes(clang::FileID File, llvm::StringRef Header) const;

  /// One #include as IncludeSorter takes it.
  struct Directive {
    std::string Header;
    bool IsAngled;
    clang::SourceLocation Hash;
    clang::SourceLocation End;
  };

  const Style IncludeStyle;
  const bool SelfContainedDiags;
  const clang::SourceManager *SM = nullptr;
  llvm::DenseMap<clang::FileID, llvm::SmallVector<Directive, 8>> Directives;
  llvm::DenseMap<clang::FileID,
                 std::unique_ptr<clang::tidy::utils::IncludeSorter>>
      Sorters;
  llvm::DenseMap<clang::FileID, llvm::StringSet<>> Inserted;
};

} // namespace coop

#endif // COOP_CHECKER_UTILS_INCLUDEFIXES_H
