#include "PlatformConstants.h"
#include "clang/Lex/MacroInfo.h"

using namespace clang;

namespace coop {

// Alias chains in system headers are short (SO_RCVTIMEO -> SO_RCVTIMEO_OLD
// -> 20); the bound also ends a macro that names itself.
static constexpr unsigned MaxAliasDepth = 6;

static std::optional<int64_t> enumeratorValue(StringRef Name, ASTContext &Ctx) {
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
    if (const auto *Enumerator = dyn_cast<EnumConstantDecl>(D))
      return Enumerator->getInitVal().getSExtValue();
  return std::nullopt;
}

/// A C integer literal as the preprocessor spells it: 0x40, 04000, 20u, 1L.
/// A macro read from a precompiled preamble (clangd, PCH) has tokens with no
/// literal data; their text is read back through the source manager.
static std::optional<int64_t> literalValue(const Token &Tok,
                                           const Preprocessor *PP) {
  if (!Tok.is(tok::numeric_constant))
    return std::nullopt;
  SmallString<32> Buffer;
  StringRef Text;
  if (Tok.getLiteralData()) {
    Text = StringRef(Tok.getLiteralData(), Tok.getLength());
  } else {
    bool Invalid = false;
    if (!PP)
      return std::nullopt;
    Text = PP->getSpelling(Tok, Buffer, &Invalid);
    if (Invalid)
      return std::nullopt;
  }
  Text = Text.rtrim("uUlL");
  uint64_t Value;
  if (Text.getAsInteger(0, Value))
    return std::nullopt;
  return static_cast<int64_t>(Value);
}

static std::optional<int64_t> valueOf(StringRef Name, ASTContext &Ctx,
                                      const Preprocessor *PP, unsigned Depth);

/// The value of a macro body: `N`, `-N`, `NAME`, each optionally in parens.
static std::optional<int64_t> macroBodyValue(const MacroInfo &MI,
                                             ASTContext &Ctx,
                                             const Preprocessor *PP,
                                             unsigned Depth) {
  ArrayRef<Token> Tokens = MI.tokens();
  while (Tokens.size() >= 2 && Tokens.front().is(tok::l_paren) &&
         Tokens.back().is(tok::r_paren))
    Tokens = Tokens.drop_front().drop_back();
  bool Negate = false;
  if (Tokens.size() == 2 && Tokens.front().is(tok::minus)) {
    Negate = true;
    Tokens = Tokens.drop_front();
  }
  if (Tokens.size() != 1)
    return std::nullopt;
  std::optional<int64_t> Value;
  if (Tokens[0].is(tok::identifier))
    Value = valueOf(Tokens[0].getIdentifierInfo()->getName(), Ctx, PP,
                    Depth + 1);
  else
    Value = literalValue(Tokens[0], PP);
  if (Value && Negate)
    return -*Value;
  return Value;
}

static std::optional<int64_t> valueOf(StringRef Name, ASTContext &Ctx,
                                      const Preprocessor *PP, unsigned Depth) {
  if (Depth > MaxAliasDepth)
    return std::nullopt;
  // glibc writes `enum { MSG_DONTWAIT = 0x40 }; #define MSG_DONTWAIT
  // MSG_DONTWAIT`: the enumerator is the value.
  if (std::optional<int64_t> Value = enumeratorValue(Name, Ctx))
    return Value;
  if (!PP)
    return std::nullopt;
  const IdentifierInfo *II = PP->getIdentifierInfo(Name);
  if (!II || !II->hasMacroDefinition())
    return std::nullopt;
  const MacroInfo *MI = PP->getMacroInfo(II);
  if (!MI || MI->isFunctionLike())
    return std::nullopt;
  return macroBodyValue(*MI, Ctx, PP, Depth);
}

std::optional<int64_t> platformConstant(StringRef Name, ASTContext &Ctx,
                                        const Preprocessor *PP) {
  return valueOf(Name, Ctx, PP, 0);
}

} // namespace coop
