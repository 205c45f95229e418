/* Broken C around every construct the coop checks look at; see
   invalid-code.cpp.

   RUN: not %clang_tidy --load=%coop_plugin %s -checks='-*,coop-*' -- -std=c11 -ferror-limit=0 2>&1 | FileCheck %s
   RUN: not %coop_tidy %s -checks='-*,coop-*' -- -std=c11 -ferror-limit=0 2>&1 | FileCheck %s
   CHECK-DAG: invalid-code.c:12:43: error: call to undeclared function 'pthread_cancel'
   CHECK-DAG: invalid-code.c:28:18: error: expected '}'
   CHECK: Found compiler error(s).
*/
#include <signal.h>

void cancel_undeclared(unsigned long t) { pthread_cancel(t); }
void kill_half(unsigned long t) { pthread_kill(t, SIGKILL + ); }
int pthread_setcanceltype(int, int *);
void async_bad(void) { pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS); }
volatile int stop_flag;
void *worker(void *arg) {
  while (!stop_flag) {
    pthread_cond_wait(&cond, );
  }
  return arg
}
struct broken { int x; pthread_t t };
void start(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  pthread_detach(t);
  for (;;) sleep(
