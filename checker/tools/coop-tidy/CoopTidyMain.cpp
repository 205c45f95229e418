// coop-tidy: clang-tidy with the coop module linked in, for environments where
// loading a plugin into the system clang-tidy is not possible.
#include "clang-tidy/tool/ClangTidyMain.h"

int main(int Argc, const char **Argv) {
  return clang::tidy::clangTidyMain(Argc, Argv);
}
