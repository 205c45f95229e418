#include "../coop-fuzz-coop.h"
