//===--- CheckOptions.h - check options that need reading with care ------===//
//
// Bool options. ClangTidyCheck::OptionsView::get<bool> and store<bool> are out-of-line
// specialisations whose mangled names differ between GCC and the Clang that
// built libclangTidy (std::is_integral_v in the enable_if), so a GCC-built
// module cannot link against them. This reads the option as text, parsed the
// way clang-tidy parses a bool; store it as text too:
//   Options.store(Opts, "Name", Value ? "true" : "false");
//
// AllowedSignals options, whose entries are checked against the signal
// names the classifier knows.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_CHECKOPTIONS_H
#define COOP_CHECKER_UTILS_CHECKOPTIONS_H

#include "Signals.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/OptionsUtils.h"
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

/// Gives Signals the ';'-separated signal names in Value. An entry that names
/// no signal the classifier knows (a number, an alias such as SIGIOT, a typo)
/// could never match, and the user would keep getting the warnings they meant
/// to allow: it is reported as a configuration error naming
/// CheckName.AllowedSignals.
inline void applyAllowedSignals(clang::tidy::ClangTidyCheck &Check,
                                llvm::StringRef CheckName, llvm::StringRef Value,
                                SignalClassifier &Signals) {
  std::vector<llvm::StringRef> Names =
      clang::tidy::utils::options::parseStringList(Value);
  for (llvm::StringRef Name : Names)
    if (!Name.trim().empty() && !isKnownSignalName(Name.trim()))
      Check.configurationDiag(
          "invalid configuration value '%0' for option '%1'; expected signal "
          "names such as SIGUSR1, separated by ';'")
          << Name.trim() << (CheckName + ".AllowedSignals").str();
  Signals.setAllowedSignals(Names);
}

} // namespace coop

#endif // COOP_CHECKER_UTILS_CHECKOPTIONS_H
