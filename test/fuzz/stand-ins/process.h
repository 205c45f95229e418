#include "coop-fuzz-windows.h"
