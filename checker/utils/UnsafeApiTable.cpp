#include "UnsafeApiTable.h"

namespace coop {

static const UnsafeApi Table[] = {
#define COOP_UNSAFE_API(Id, Check, Api, Hazard, Cxx, C, Fix, Header)            \
  {UnsafeApiId::Id, Check, Api, Hazard, Cxx, C, Fix, Header},
#include "UnsafeApis.def"
};

llvm::ArrayRef<UnsafeApi> allUnsafeApis() { return Table; }

const UnsafeApi &unsafeApi(UnsafeApiId Id) {
  return Table[static_cast<unsigned>(Id)];
}

std::vector<const UnsafeApi *> unsafeApisOf(llvm::StringRef Check) {
  std::vector<const UnsafeApi *> Result;
  for (const UnsafeApi &Entry : Table)
    if (Entry.Check == Check)
      Result.push_back(&Entry);
  return Result;
}

std::vector<llvm::StringRef> unsafeApiNamesOf(llvm::StringRef Check) {
  std::vector<llvm::StringRef> Names;
  for (const UnsafeApi *Entry : unsafeApisOf(Check))
    Names.push_back(Entry->Api);
  return Names;
}

const UnsafeApi *findUnsafeApi(llvm::StringRef Check,
                               llvm::StringRef QualifiedName) {
  for (const UnsafeApi &Entry : Table)
    if (Entry.Check == Check && Entry.Api == QualifiedName)
      return &Entry;
  return nullptr;
}

} // namespace coop
