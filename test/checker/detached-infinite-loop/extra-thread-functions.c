// ExtraThreadFunctions in C: a project's own thread starter, named in the
// options, starts threads even in a file that refers to no C thread API
// (the thread-entry walk is skipped only in a C file that refers to none of
// the thread starters, the options' included).
// RUN: %check_coop %s coop-detached-infinite-loop %t -- -- -std=c11
// RUN: %check_coop -check-suffix=EXTRA %s coop-detached-infinite-loop %t -- -config="{CheckOptions: {coop-detached-infinite-loop.ExtraThreadFunctions: 'os_spawn:'}}" -- -std=c11
int work(void);
int os_spawn(void (*entry)(void *), void *arg);
#define SPAWN(f) os_spawn((f), 0)

static void pump(void *arg) {
  (void)arg;
  for (;;)
    work();
}
void start(void) { SPAWN(pump); }
// CHECK-MESSAGES-EXTRA: :[[@LINE-4]]:3: warning: thread entry 'pump' runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively; cooperative replacement: coop_thread_start with a worker loop that checks coop_stop_requested() [coop-detached-infinite-loop]
// CHECK-MESSAGES-EXTRA: :[[@LINE-2]]:20: note: thread started here by 'os_spawn'
