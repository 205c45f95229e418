/* The C API through pkg-config: coop.pc's flags compile and link it. */
#include <coop/coop.h>

#include <stdio.h>

int main(void) {
  coop_stop_source *source = coop_stop_source_create();
  coop_stop_token token = coop_stop_source_token(source);
  int before = coop_stop_requested(token);
  int first = coop_stop_source_request_stop(source);
  int after = coop_stop_requested(token);
  printf("c: before=%d first=%d after=%d\n", before, first, after);
  coop_stop_source_destroy(source);
  return before || !first || !after;
}
