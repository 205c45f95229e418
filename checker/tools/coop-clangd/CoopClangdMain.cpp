// coop-clangd: clangd with the coop clang-tidy module linked in.
#include "../ResourceDir.h"

namespace clang::clangd {
// Defined in clangd's libclangdMain; LLVM does not install its header.
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

int main(int Argc, char *Argv[]) {
  std::string Storage;
  std::vector<const char *> Args =
      coop::withResourceDir(Argc, Argv, reinterpret_cast<void *>(&main),
                            "--resource-dir=", "resource-dir", Storage);
  // clangdMain takes char ** but does not write through it.
  return clang::clangd::clangdMain(static_cast<int>(Args.size()),
                                   const_cast<char **>(Args.data()));
}
