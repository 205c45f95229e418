// Asks a stop source to stop and reads it through a token: proves the
// packaged headers and library link and run.
#include <coop/stop_token.hpp>

#include <cstdio>

int main() {
  coop::stop_source source;
  coop::stop_token token = source.get_token();
  bool before = token.stop_requested();
  bool first = source.request_stop();
  std::printf("c++: before=%d first=%d after=%d\n", before, first, token.stop_requested());
  return before || !first || !token.stop_requested();
}
