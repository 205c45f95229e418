//===--- UnsafeApiTable.h - typed access to UnsafeApis.def ----------------===//
#ifndef COOP_CHECKER_UTILS_UNSAFEAPITABLE_H
#define COOP_CHECKER_UTILS_UNSAFEAPITABLE_H

#include "clang/Basic/LangOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace coop {

enum class UnsafeApiId {
#define COOP_UNSAFE_API(Id, ...) Id,
#include "UnsafeApis.def"
};

struct UnsafeApi {
  UnsafeApiId Id;
  llvm::StringRef Check;
  llvm::StringRef Api; // qualified: "::pthread_cancel", "::QThread::terminate"
  llvm::StringRef Hazard;
  llvm::StringRef ReplacementCxx;
  llvm::StringRef ReplacementC;
  llvm::StringRef FixTemplate;
  llvm::StringRef FixHeader;

  /// The name as users write it: "pthread_cancel", "QThread::terminate".
  llvm::StringRef spelledName() const { return Api.drop_front(2); }
  /// The replacement to name in a translation unit of this language.
  llvm::StringRef replacementFor(const clang::LangOptions &LO) const {
    return LO.CPlusPlus ? ReplacementCxx : ReplacementC;
  }
  bool hasFix() const { return !FixTemplate.empty(); }
};

/// Every entry, in table order.
llvm::ArrayRef<UnsafeApi> allUnsafeApis();
const UnsafeApi &unsafeApi(UnsafeApiId Id);
/// The entries a check reports, in table order.
std::vector<const UnsafeApi *> unsafeApisOf(llvm::StringRef Check);
/// The qualified names of those entries, ready for hasAnyName().
std::vector<llvm::StringRef> unsafeApiNamesOf(llvm::StringRef Check);
/// The entry of a check whose Api is QualifiedName, if any.
const UnsafeApi *findUnsafeApi(llvm::StringRef Check,
                               llvm::StringRef QualifiedName);

} // namespace coop

#endif // COOP_CHECKER_UTILS_UNSAFEAPITABLE_H
