/* Broken C around pthread launches and loops; see invalid-code.cpp.
   RUN: not %clang_tidy --load=%coop_plugin %s -checks='-*,coop-detached-infinite-loop' -- -std=c99 2>&1 | FileCheck %s --implicit-check-not='PLEASE submit'
   RUN: not %coop_tidy %s -checks='-*,coop-detached-infinite-loop' -- -std=c99 2>&1 | FileCheck %s --implicit-check-not='PLEASE submit'
   CHECK: error:
   CHECK: Found compiler error(s).
*/
#include <pthread.h>
int work(void);
static void *w(void *a) { for (;;) work(); }
void s1(void) { pthread_t t; pthread_create(&t, 0, w); pthread_detach(t); }
void s2(void) { pthread_t t; pthread_create(&t, 0, undeclared, 0); pthread_detach(t); }
void s3(void) { pthread_detach(); pthread_detach(pthread_self(1)); }
static void *w2(a) void *a; { while (1) work(); }
void s4(void) { pthread_t t; pthread_create(&t, 0, w2, 0); pthread_detach(t); }
void s5(void) { pthread_attr_t at; pthread_attr_setdetachstate(&at); pthread_create(&t, &at, w, 0); }
void s6(void) { pthread_t t; pthread_create(&t, 0, (void *(*)(void *))42, 0); pthread_detach(t); }
void s7(void) { for (;;) { if (undeclared_var) goto nowhere; } }
