// System V and POSIX message queues, a C stop callback that wakes a wait,
// and coop_wait_fd as the readiness wait before a receive. CheckAllFunctions.
// RUN: %check_coop %s coop-unbounded-wait %t -- \
// RUN:   -config="{CheckOptions: {coop-unbounded-wait.CheckAllFunctions: true}}" \
// RUN:   -- -std=c11 -D_GNU_SOURCE -I %coop_include
#include <fcntl.h>
#include <mqueue.h>
#include <poll.h>
#include <sys/msg.h>
#include <sys/socket.h>
#include <coop/coop.h>

struct message {
  long type;
  char text[32];
};

void system_v(int queue, int flags) {
  struct message msg;
  msgrcv(queue, &msg, sizeof msg.text, 0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'msgrcv' without IPC_NOWAIT waits for a message with no timeout, so a stop request cannot wake the thread; cooperative replacement: msgrcv with IPC_NOWAIT in a loop that waits with coop_sleep_ms(token, ms) between attempts [coop-unbounded-wait]
  msgrcv(queue, &msg, sizeof msg.text, 0, MSG_NOERROR);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'msgrcv' without IPC_NOWAIT
  msgrcv(queue, &msg, sizeof msg.text, 0, IPC_NOWAIT);
  msgrcv(queue, &msg, sizeof msg.text, 0, MSG_NOERROR | IPC_NOWAIT);
  msgrcv(queue, &msg, sizeof msg.text, 0, flags);
}

void posix_queue(mqd_t queue, const char *name) {
  char buf[64];
  mq_receive(queue, buf, sizeof buf, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mq_receive' on a blocking queue waits for a message with no timeout, so a stop request cannot wake the thread; cooperative replacement: coop_wait_fd(mqd, POLLIN, token, -1) first (on Linux an mqd_t is a descriptor), or mq_timedreceive in a loop that checks coop_stop_requested(token) [coop-unbounded-wait]
  mqd_t nonblocking = mq_open(name, O_RDONLY | O_NONBLOCK);
  mq_receive(nonblocking, buf, sizeof buf, NULL);
  mqd_t blocking = mq_open(name, O_RDONLY);
  mq_receive(blocking, buf, sizeof buf, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mq_receive' on a blocking queue
}

static void wake(void *cond) { pthread_cond_broadcast(cond); }

void woken(coop_stop_token token, pthread_cond_t *cond, pthread_mutex_t *mutex,
           int fd) {
  // A stop callback that signals the condition variable: interruptible.
  coop_stop_callback *cb = coop_stop_callback_create(token, wake, cond);
  pthread_cond_wait(cond, mutex);
  coop_stop_callback_destroy(cb);
  // Waiting for readability with the token first bounds the receive.
  char buf[16];
  if (coop_wait_fd(fd, POLLIN, token, -1) == COOP_READY)
    recv(fd, buf, sizeof buf, 0);
}
