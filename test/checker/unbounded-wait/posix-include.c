// The fix adds <coop/coop.h> to a file that only gets it through another
// header, and adds it once for several fixes.
// RUN: %check_coop %s coop-unbounded-wait %t -- -- -std=c11 -I %coop_include \
// RUN:   -I %S/../Inputs/unbounded-wait
#include <stdio.h>
#include "project.h"
// CHECK-FIXES: #include <coop/coop.h>
// CHECK-FIXES-NEXT: #include <stdio.h>
// CHECK-FIXES-NEXT: #include "project.h"
// CHECK-FIXES-NOT: #include <coop/coop.h>

static void *run(coop_stop_token stop, void *arg) {
  sem_wait(&jobs);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sem_wait' waits for the semaphore with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop_sem_wait(&sem, token, NULL), which returns COOP_STOPPED on a stop [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE-3]]:34: note: the fix passes the stop token 'stop' declared here
  // CHECK-MESSAGES: :[[@LINE+10]]:35: note: this code runs on the thread that 'coop_thread_start' starts here
  // CHECK-FIXES: {{^}}  coop_sem_wait(&jobs, stop, NULL);{{$}}
  sem_wait(&jobs);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sem_wait' waits for the semaphore
  // CHECK-MESSAGES: :[[@LINE-8]]:34: note: the fix passes the stop token 'stop' declared here
  // CHECK-MESSAGES: :[[@LINE+5]]:35: note: this code runs on the thread that 'coop_thread_start' starts here
  // CHECK-FIXES: {{^}}  coop_sem_wait(&jobs, stop, NULL);{{$}}
  return arg;
}

coop_thread *start(void) { return coop_thread_start(run, NULL); }
