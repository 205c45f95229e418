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

/// The text of E as written in the file: E may use macros (`NULL`,
/// `MSG_NOSIGNAL`, `FD_ARG(x)`) as long as it begins and ends outside a
/// macro's body, so the file holds it as one contiguous piece.
static std::optional<StringRef> writtenText(const Expr &E,
                                            const SourceManager &SM,
                                            const LangOptions &LO) {
  SourceRange Range = E.getSourceRange();
  if (Range.isInvalid())
    return std::nullopt;
  CharSourceRange File = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Range), SM, LO);
  if (File.isInvalid())
    return std::nullopt;
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(File, SM, LO, &Invalid);
  if (Invalid || Text.empty())
    return std::nullopt;
  return Text;
}

FixTemplateToken fixTemplateTokenKind(StringRef Template) {
  if (Template.contains("{c_token}"))
    return FixTemplateToken::C;
  if (Template.contains("{token}"))
    return FixTemplateToken::Cxx;
  return FixTemplateToken::None;
}

/// The object of a member call as an lvalue expression: `cv` for `cv.wait()`,
/// `*p` for `p->wait()`. None for an implicit `this`.
static std::optional<std::string> calleeObjectText(const CallExpr &Call,
                                                   const SourceManager &SM,
                                                   const LangOptions &LO) {
  const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(&Call);
  if (!MemberCall)
    return std::nullopt;
  const auto *Member =
      dyn_cast<MemberExpr>(MemberCall->getCallee()->IgnoreParens());
  const Expr *Object = MemberCall->getImplicitObjectArgument();
  if (!Member || !Object || Member->isImplicitAccess())
    return std::nullopt;
  std::optional<StringRef> Text = writtenText(*Object, SM, LO);
  if (!Text)
    return std::nullopt;
  if (!Member->isArrow())
    return Text->str();
  const Expr *Pointer = Object->IgnoreImpCasts();
  bool Postfix = isa<DeclRefExpr, MemberExpr, CallExpr, ArraySubscriptExpr,
                     ParenExpr, CXXThisExpr>(Pointer);
  return Postfix ? "*" + Text->str() : "*(" + Text->str() + ")";
}

/// The arguments from First on, each as ", <text>"; nullopt if one of them
/// comes from a macro.
static std::optional<std::string> argumentsFrom(const CallExpr &Call,
                                                unsigned First,
                                                const SourceManager &SM,
                                                const LangOptions &LO) {
  std::string Out;
  for (unsigned I = First; I < Call.getNumArgs(); ++I) {
    if (isa<CXXDefaultArgExpr>(Call.getArg(I)))
      break;
    std::optional<StringRef> Arg = writtenText(*Call.getArg(I), SM, LO);
    if (!Arg)
      return std::nullopt;
    Out += ", " + Arg->str();
  }
  return Out;
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
      std::optional<std::string> Object = calleeObjectText(Call, SM, LO);
      if (!Object)
        return std::nullopt;
      Out += *Object;
      continue;
    } else if (Name == "token" || Name == "c_token") {
      if (!Token.empty())
        Text = Token;
    } else if (Name.consume_front("argsFrom")) {
      unsigned First;
      std::optional<std::string> Rest;
      if (!Name.getAsInteger(10, First))
        Rest = argumentsFrom(Call, First, SM, LO);
      if (!Rest)
        return std::nullopt;
      Out += *Rest;
      continue;
    } else if (Name == "args") {
      std::optional<std::string> All = argumentsFrom(Call, 0, SM, LO);
      if (!All)
        return std::nullopt;
      if (!All->empty())
        Out += All->substr(2); // without the leading ", "
      continue;
    } else if (Name.consume_front("arg")) {
      unsigned Index;
      if (!Name.getAsInteger(10, Index) && Index < Call.getNumArgs() &&
          !isa<CXXDefaultArgExpr>(Call.getArg(Index)))
        Text = writtenText(*Call.getArg(Index), SM, LO);
    }
    if (!Text)
      return std::nullopt;
    Out += Text->str();
  }
  return Out;
}

} // namespace coop
