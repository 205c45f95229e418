//===--- DirectIncludes.h - which headers each file includes itself -------===//
//
// clang-tidy's IncludeInserter assumes a file's includes are sorted: asked
// for a header that an unsorted file already includes, it adds a second
// #include. Checks that insert headers ask this record first.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_DIRECTINCLUDES_H
#define COOP_CHECKER_UTILS_DIRECTINCLUDES_H

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

namespace coop {

class DirectIncludes {
public:
  /// Records the #include directives PP sees from now on.
  void registerPreprocessor(clang::Preprocessor &PP);
  /// True if File has `#include <Header>` or `#include "Header"`; Header may
  /// be given with its brackets or quotes.
  bool includes(clang::FileID File, llvm::StringRef Header) const;
  void clear() { ByFile.clear(); }

private:
  friend class DirectIncludesRecorder;
  llvm::DenseMap<clang::FileID, llvm::StringSet<>> ByFile;
};

} // namespace coop

#endif // COOP_CHECKER_UTILS_DIRECTINCLUDES_H
