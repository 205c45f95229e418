/* Fuzzer stand-in for the POSIX, Linux and C11 thread headers: the names
   the coop checks look for, with their real signatures, and nothing else, so
   an input parses in milliseconds (see ../CoopTidyFuzzer.cpp). */
#ifndef COOP_FUZZ_POSIX_H
#define COOP_FUZZ_POSIX_H
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef unsigned long pthread_t;
typedef struct { int opaque; } pthread_attr_t;
typedef struct { int opaque; } pthread_mutex_t;
typedef struct { int opaque; } pthread_cond_t;
typedef int pid_t;
typedef long ssize_t;
typedef unsigned int socklen_t;
typedef long time_t;
typedef int sig_atomic_t;
typedef unsigned long nfds_t;
struct timespec { time_t tv_sec; long tv_nsec; };
struct timeval { time_t tv_sec; long tv_usec; };
struct sockaddr { unsigned short sa_family; char sa_data[14]; };
struct msghdr { void *msg_name; };
struct pollfd { int fd; short events; short revents; };
struct epoll_event { unsigned events; void *ptr; };
typedef struct { unsigned long bits[16]; } fd_set;
typedef struct { unsigned long bits[16]; } sigset_t;
union sigval { int sival_int; void *sival_ptr; };
typedef struct { int opaque; } sem_t;
typedef int mqd_t;
typedef struct { int opaque; } FILE;
#define PTHREAD_CANCEL_ENABLE 0
#define PTHREAD_CANCEL_DISABLE 1
#define PTHREAD_CANCEL_DEFERRED 0
#define PTHREAD_CANCEL_ASYNCHRONOUS 1
#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1
#define PTHREAD_MUTEX_INITIALIZER {0}
#define PTHREAD_COND_INITIALIZER {0}
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGRTMIN 34
#define SIGRTMAX 64
#define SYS_getpid 39
#define SYS_kill 62
#define SYS_gettid 186
#define SYS_tkill 200
#define MSG_NOERROR 010000
#define IPC_NOWAIT 04000
#define MSG_DONTWAIT 0x40
#define SYS_tgkill 234
#define __NR_tkill 200
#define __NR_tgkill 234
#define EINTR 4
#define ETIMEDOUT 110
#define POLLIN 1
#define EPOLLIN 1
#define O_RDONLY 0
#define O_NONBLOCK 04000
int pthread_create(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
int pthread_join(pthread_t, void **);
int pthread_detach(pthread_t);
pthread_t pthread_self(void);
int pthread_equal(pthread_t, pthread_t);
void pthread_exit(void *) __attribute__((noreturn));
int pthread_cancel(pthread_t);
int pthread_setcancelstate(int, int *);
int pthread_setcanceltype(int, int *);
void pthread_testcancel(void);
int pthread_kill(pthread_t, int);
int pthread_sigqueue(pthread_t, int, const union sigval);
int pthread_attr_init(pthread_attr_t *);
int pthread_attr_destroy(pthread_attr_t *);
int pthread_attr_setdetachstate(pthread_attr_t *, int);
int pthread_mutex_lock(pthread_mutex_t *);
int pthread_mutex_unlock(pthread_mutex_t *);
int pthread_cond_wait(pthread_cond_t *, pthread_mutex_t *);
int pthread_cond_timedwait(pthread_cond_t *, pthread_mutex_t *, const struct timespec *);
int pthread_cond_signal(pthread_cond_t *);
int pthread_cond_broadcast(pthread_cond_t *);
int tgkill(pid_t, pid_t, int);
int kill(pid_t, int);
int raise(int);
long syscall(long, ...);
pid_t getpid(void);
pid_t gettid(void);
typedef void (*sighandler_t)(int);
sighandler_t signal(int, sighandler_t);
unsigned sleep(unsigned);
int usleep(unsigned);
int nanosleep(const struct timespec *, struct timespec *);
ssize_t read(int, void *, size_t);
ssize_t write(int, const void *, size_t);
int close(int);
int open(const char *, int, ...);
int pipe(int[2]);
int accept(int, struct sockaddr *, socklen_t *);
ssize_t recv(int, void *, size_t, int);
ssize_t recvfrom(int, void *, size_t, int, struct sockaddr *, socklen_t *);
ssize_t recvmsg(int, struct msghdr *, int);
int poll(struct pollfd *, nfds_t, int);
int ppoll(struct pollfd *, nfds_t, const struct timespec *, const sigset_t *);
int select(int, fd_set *, fd_set *, fd_set *, struct timeval *);
int pselect(int, fd_set *, fd_set *, fd_set *, const struct timespec *, const sigset_t *);
int epoll_wait(int, struct epoll_event *, int, int);
int epoll_pwait(int, struct epoll_event *, int, int, const sigset_t *);
int sem_wait(sem_t *);
int sem_trywait(sem_t *);
int sem_timedwait(sem_t *, const struct timespec *);
int sem_post(sem_t *);
ssize_t mq_receive(mqd_t, char *, size_t, unsigned *);
ssize_t msgrcv(int, void *, size_t, long, int);
int ioctl(int, unsigned long, ...);
int fcntl(int, int, ...);
int printf(const char *, ...);
int fprintf(FILE *, const char *, ...);
extern FILE *stderr;
void *malloc(size_t);
void free(void *);
void abort(void) __attribute__((noreturn));
void exit(int) __attribute__((noreturn));
int atoi(const char *);
/* C11 <threads.h> */
typedef unsigned long thrd_t;
typedef struct { int opaque; } mtx_t;
typedef struct { int opaque; } cnd_t;
typedef int (*thrd_start_t)(void *);
enum { thrd_success, thrd_error, thrd_timedout, thrd_busy, thrd_nomem };
int thrd_create(thrd_t *, thrd_start_t, void *);
int thrd_join(thrd_t, int *);
int thrd_detach(thrd_t);
int mtx_lock(mtx_t *);
int mtx_unlock(mtx_t *);
int cnd_wait(cnd_t *, mtx_t *);
int cnd_timedwait(cnd_t *, mtx_t *, const struct timespec *);
int cnd_signal(cnd_t *);
#ifdef __cplusplus
}
#endif
#endif
