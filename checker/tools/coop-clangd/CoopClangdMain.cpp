// coop-clangd: clangd with the coop clang-tidy module linked in.
namespace clang::clangd {
// Defined in clangd's libclangdMain; LLVM does not install its header.
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

int main(int Argc, char *Argv[]) { return clang::clangd::clangdMain(Argc, Argv); }
