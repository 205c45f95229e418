#include "coop-fuzz-posix.h"
