// coop-tidy: clang-tidy with the coop module linked in, for environments where
// loading a plugin into the system clang-tidy is not possible.
#include "../ResourceDir.h"
#include "clang-tidy/tool/ClangTidyMain.h"

int main(int Argc, const char **Argv) {
  std::string Storage;
  std::vector<const char *> Args =
      coop::withResourceDir(Argc, Argv, reinterpret_cast<void *>(&main),
                            "--extra-arg-before=-resource-dir=", "resource-dir",
                            Storage);
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()), Args.data());
}
