//===--- OptionFields.h - fields of one entry of a list option ------------===//
//
// List options hold entries such as "Queue::pop:1:-1" or
// "ns::spawn:ns::join": fields separated by ':', where a "::" belongs to a
// qualified name and separates nothing.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_OPTIONFIELDS_H
#define COOP_CHECKER_UTILS_OPTIONFIELDS_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace coop {

/// Entry split at every ':' that is not part of a "::", each field trimmed.
inline llvm::SmallVector<llvm::StringRef, 3>
splitOptionFields(llvm::StringRef Entry) {
  llvm::SmallVector<llvm::StringRef, 3> Fields;
  size_t Start = 0;
  for (size_t I = 0; I < Entry.size(); ++I) {
    if (Entry[I] != ':')
      continue;
    if (I + 1 < Entry.size() && Entry[I + 1] == ':') {
      ++I;
      continue;
    }
    Fields.push_back(Entry.slice(Start, I).trim());
    Start = I + 1;
  }
  Fields.push_back(Entry.drop_front(Start).trim());
  return Fields;
}

} // namespace coop

#endif // COOP_CHECKER_UTILS_OPTIONFIELDS_H
