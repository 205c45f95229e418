// Umbrella header: all of coop.
#pragma once

#include "deadline.hpp"
#include "future.hpp"
#include "io.hpp"
#include "jthread.hpp"
#include "linked_stop_source.hpp"
#include "process.hpp"
#include "queue.hpp"
#include "semaphore.hpp"
#include "sleep.hpp"
#include "stop_reason.hpp"
#include "stop_token.hpp"
#include "wait.hpp"
#include "wait_status.hpp"
