#include <coop/coop.h>
#include <stdio.h>

int main(void) {
  coop_stop_source *s = coop_stop_source_create();
  if (!coop_stop_source_request_stop(s)) return 1;
  if (coop_sleep_ms(coop_stop_source_token(s), 10000) != COOP_STOPPED) return 2;
  coop_stop_source_destroy(s);
  puts("consume_c: ok");
  return 0;
}
