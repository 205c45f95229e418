#include_next <coop/coop.h>
