#include "FixTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace coop {

std::optional<StringRef> plainSourceText(const Expr &E, const SourceManager &SM,
                                         const LangOptions &LO) {
  SourceRange Range = E.getSourceRange();
  if (Range.isInvalid() || Range.getBegin().isMacroID() ||
      Range.getEnd().isMacroID())
    return std::nullopt;
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(CharSourceRange::getTokenRange(Range),
                                        SM, LO, &Invalid);
  if (Invalid || Text.empty())
    return std::nullopt;
  return Text;
}

static const Expr *calleeObject(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    return Member->getImplicitObjectArgument();
  return nullptr;
}

std::optional<std::string>
instantiateFixTemplate(StringRef Template, const CallExpr &Call,
                       const SourceManager &SM, const LangOptions &LO,
                       StringRef Token) {
  std::string Out;
  while (!Template.empty()) {
    size_t Open = Template.find('{');
    Out += Template.take_front(Open).str();
    if (Open == StringRef::npos)
      break;
    size_t Close = Template.find('}', Open);
    if (Close == StringRef::npos)
      return std::nullopt;
    StringRef Name = Template.slice(Open + 1, Close);
    Template = Template.drop_front(Close + 1);

    std::optional<StringRef> Text;
    if (Name == "callee") {
      const Expr *Callee = Call.getCallee()->IgnoreImplicit();
      if (const auto *Member = dyn_cast<MemberExpr>(Callee)) {
        // `cv.wait` : keep the object and the operator as written.
        if (auto Whole = plainSourceText(*Member, SM, LO))
          Text = Whole;
      } else {
        Text = plainSourceText(*Callee, SM, LO);
      }
    } else if (Name == "object") {
      if (const Expr *Object = calleeObject(Call))
        Text = plainSourceText(*Object, SM, LO);
    } else if (Name == "token") {
      if (!Token.empty())
        Text = Token;
    } else if (Name == "args") {
      std::string All;
      for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
        if (isa<CXXDefaultArgExpr>(Call.getArg(I)))
          break;
        auto Arg = plainSourceText(*Call.getArg(I), SM, LO);
        if (!Arg)
          return std::nullopt;
        All += (I ? ", " : "") + Arg->str();
      }
      Out += All;
      continue;
    } else if (Name.consume_front("arg")) {
      unsigned Index;
      if (!Name.getAsInteger(10, Index) && Index < Call.getNumArgs() &&
          !isa<CXXDefaultArgExpr>(Call.getArg(Index)))
        Text = plainSourceText(*Call.getArg(Index), SM, LO);
    }
    if (!Text)
      return std::nullopt;
    Out += Text->str();
  }
  return Out;
}

} // namespace coop
