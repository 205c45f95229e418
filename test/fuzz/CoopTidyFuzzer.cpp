//===--- CoopTidyFuzzer.cpp - libFuzzer target for the coop checks -------===//
//
// Feeds mutated source text through every coop check, the way clang-tidy
// runs them (clang::tidy::runClangTidy over an in-memory file), once as C11
// and once as C++20: mutations turn valid code into every kind of broken
// declaration, dependent expression and missing body the checks must survive.
//
// System headers come from stand-ins/ (-nostdlibinc): small declarations of
// the thread, signal, wait, Windows, Qt and coop APIs the checks look for,
// with their real names and signatures. Real libstdc++ costs a second per
// input - mostly the checks walking all of it - and the fuzzer is about
// malformed user code; the real headers are what bench/corpus/ runs over.
// COOP_FUZZ_REAL_HEADERS=1 in the environment uses the real ones instead.
//
// Besides crashes (ASan, assertions - the module is compiled without NDEBUG -
// and libFuzzer's own timeout/OOM detection) the target aborts when a coop
// diagnostic, note or fix-it points outside the input: every location a coop
// check reports must be a real one.
//
// Build and run: scripts/fuzz.sh (see docs/real-world.md).
//
//===----------------------------------------------------------------------===//
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#ifndef COOP_FUZZ_RESOURCE_DIR
#error "COOP_FUZZ_RESOURCE_DIR: clang's resource directory (stddef.h & co.)"
#endif
#ifndef COOP_FUZZ_LIBRARY_INCLUDE
#error "COOP_FUZZ_LIBRARY_INCLUDE: the coop library's include directory"
#endif
#ifndef COOP_FUZZ_STAND_INS
#error "COOP_FUZZ_STAND_INS: test/fuzz/stand-ins"
#endif

using namespace clang;
using namespace clang::tidy;

namespace {

struct InputMode {
  const char *FileName;
  std::vector<std::string> Args;
};

const InputMode Modes[] = {
    {"coop-fuzz-input.c", {"-xc", "-std=c11"}},
    {"coop-fuzz-input.cpp", {"-xc++", "-std=c++20"}},
};

bool useRealHeaders() {
  static const bool Real = [] {
    const char *Env = std::getenv("COOP_FUZZ_REAL_HEADERS");
    return Env && llvm::StringRef(Env) == "1";
  }();
  return Real;
}

/// The in-memory input lives in the current directory: ClangTool changes
/// into the compilation's directory on every layer of the overlay, so it
/// must exist on the real file system too.
const std::string &workingDirectory() {
  static const std::string Dir = [] {
    llvm::SmallString<256> Path;
    if (llvm::sys::fs::current_path(Path))
      return std::string("/tmp");
    return std::string(Path);
  }();
  return Dir;
}

[[noreturn]] void reportBadLocation(const ClangTidyError &Error,
                                    const tooling::DiagnosticMessage &Message,
                                    const char *What) {
  llvm::errs() << "coop-fuzz: " << What << " in " << Error.DiagnosticName
               << ": '" << Message.Message << "' at '" << Message.FilePath
               << "' offset " << Message.FileOffset << "\n";
  std::abort();
}

/// A coop diagnostic's message, notes and fix-its must all point into a real
/// file: the input (offset within its size) or a header that exists.
void checkLocations(const ClangTidyError &Error,
                    const tooling::DiagnosticMessage &Message,
                    llvm::StringRef InputName, size_t InputSize) {
  if (Message.FilePath.empty())
    reportBadLocation(Error, Message, "no location");
  if (Message.FilePath == InputName && Message.FileOffset > InputSize)
    reportBadLocation(Error, Message, "offset past the end of the input");
  for (const auto &FileAndReplacements : Message.Fix)
    for (const tooling::Replacement &R : FileAndReplacements.second) {
      if (R.getFilePath().empty())
        reportBadLocation(Error, Message, "fix-it with no file");
      if (R.getFilePath() == InputName &&
          size_t(R.getOffset()) + R.getLength() > InputSize)
        reportBadLocation(Error, Message, "fix-it past the end of the input");
    }
}

std::vector<ClangTidyError> runOnce(llvm::StringRef Source,
                                    const InputMode &Mode) {
  llvm::SmallString<256> FileName(workingDirectory());
  llvm::sys::path::append(FileName, Mode.FileName);
  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  Options.Checks = "-*,coop-*";
  Options.HeaderFilterRegex = ".*";
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), std::move(Options)));

  auto InMemory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  InMemory->addFile(FileName, 0,
                    llvm::MemoryBuffer::getMemBufferCopy(Source, FileName));
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  Overlay->pushOverlay(InMemory);

  std::vector<std::string> Args = Mode.Args;
  Args.push_back("-resource-dir=" COOP_FUZZ_RESOURCE_DIR);
  if (useRealHeaders()) {
    Args.push_back("-I" COOP_FUZZ_LIBRARY_INCLUDE);
  } else {
    Args.push_back("-nostdlibinc");
    Args.push_back("-nostdinc++");
    Args.push_back("-isystem" COOP_FUZZ_STAND_INS);
    // After the stand-ins: the real C API header, which they include_next.
    Args.push_back("-idirafter" COOP_FUZZ_LIBRARY_INCLUDE);
  }
  // Keep compiler errors from piling up: a mutated input has many.
  Args.push_back("-ferror-limit=5");
  tooling::FixedCompilationDatabase Compilations(workingDirectory(), Args);

  std::vector<ClangTidyError> Errors =
      runClangTidy(Context, Compilations, {std::string(FileName)}, Overlay,
                   /*ApplyAnyFix=*/true);
  for (const ClangTidyError &Error : Errors) {
    if (!llvm::StringRef(Error.DiagnosticName).starts_with("coop-"))
      continue;
    checkLocations(Error, Error.Message, FileName, Source.size());
    for (const tooling::DiagnosticMessage &Note : Error.Notes)
      checkLocations(Error, Note, FileName, Source.size());
  }
  return Errors;
}

} // namespace

/// Headers that do not parse would make every input fail to compile, which
/// would look like fuzzing while testing nothing; so would checks that do not
/// run. A known input must compile cleanly and get its coop diagnostic.
extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  const char *Probe = "#include <pthread.h>\n#include <signal.h>\n"
                      "void f(pthread_t t) { pthread_kill(t, SIGKILL); }\n";
  for (const InputMode &Mode : Modes) {
    bool Reported = false;
    for (const ClangTidyError &Error : runOnce(Probe, Mode)) {
      if (llvm::StringRef(Error.DiagnosticName).starts_with("coop-")) {
        Reported = true;
        continue;
      }
      llvm::errs() << "coop-fuzz: the probe input does not compile: "
                   << Error.Message.Message << "\n";
      std::exit(2);
    }
    if (!Reported) {
      llvm::errs() << "coop-fuzz: no coop diagnostic on the probe input\n";
      std::exit(2);
    }
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Source(reinterpret_cast<const char *>(Data), Size);
  for (const InputMode &Mode : Modes)
    runOnce(Source, Mode);
  return 0;
}
