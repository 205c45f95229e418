//===--- BoolOption.h - bool check options, read and stored as text -------===//
//
// ClangTidyCheck::OptionsView::get<bool> and store<bool> are out-of-line
// specialisations whose mangled names differ between GCC and the Clang that
// built libclangTidy (std::is_integral_v in the enable_if), so a GCC-built
// module cannot link against them. This reads the option as text, parsed the
// way clang-tidy parses a bool; store it as text too:
//   Options.store(Opts, "Name", Value ? "true" : "false");
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_BOOLOPTION_H
#define COOP_CHECKER_UTILS_BOOLOPTION_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/Support/YAMLParser.h"

namespace coop {

/// The option's value; Default when unset. An invalid value is reported as a
/// configuration error (naming CheckName.LocalName) and reads as Default.
inline bool readBoolOption(clang::tidy::ClangTidyCheck &Check,
                           const clang::tidy::ClangTidyCheck::OptionsView &Options,
                           llvm::StringRef CheckName,
                           llvm::StringRef LocalName, bool Default) {
  std::optional<llvm::StringRef> Text = Options.get(LocalName);
  if (!Text)
    return Default;
  if (std::optional<bool> Parsed = llvm::yaml::parseBool(*Text))
    return *Parsed;
  long long Number;
  if (!Text->getAsInteger(10, Number))
    return Number != 0;
  Check.configurationDiag(
      "invalid configuration value '%0' for option '%1'; expected a bool")
      << *Text << (CheckName + "." + LocalName).str();
  return Default;
}

} // namespace coop

#endif // COOP_CHECKER_UTILS_BOOLOPTION_H
