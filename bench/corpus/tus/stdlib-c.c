/* Corpus TU: the C standard library (C17, with <threads.h>) and the POSIX
   headers threads are written against. */
#define _GNU_SOURCE
#include <assert.h>
#include <complex.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <fenv.h>
#include <float.h>
#include <inttypes.h>
#include <iso646.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <mqueue.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <spawn.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <tgmath.h>
#include <threads.h>
#include <time.h>
#include <uchar.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

static atomic_bool coop_corpus_stop;

static void *coop_corpus_worker(void *arg) {
  (void)arg;
  while (!atomic_load(&coop_corpus_stop))
    usleep(1000);
  return NULL;
}

void coop_corpus_c(void) {
  pthread_t thread;
  pthread_create(&thread, NULL, coop_corpus_worker, NULL);
  atomic_store(&coop_corpus_stop, true);
  pthread_join(thread, NULL);
}
