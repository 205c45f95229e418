// QThread::terminate and QThread::setTerminationEnabled(true), on QThread
// itself and through classes derived from it; never a same-named member of
// an unrelated class.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c++17 -nostdinc \
// RUN:   -isystem %S/../Inputs/terminate-thread
#include "qthread-stand-in.h"

#define STOP(t) (t)->terminate()

class Worker : public QThread {
protected:
  void run() override {
    setTerminationEnabled(false);
    // ... a critical section ...
    setTerminationEnabled(true);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'QThread::setTerminationEnabled' with true lets QThread::terminate() kill the thread at any instruction of the code that follows; cooperative replacement: leave termination disabled and stop the thread cooperatively: a coop::stop_token that run() checks, or requestInterruption() [coop-terminate-thread]
    setTerminationEnabled();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'QThread::setTerminationEnabled' with true lets QThread::terminate()
    QThread::setTerminationEnabled(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'QThread::setTerminationEnabled' with true
    const bool enable = true;
    setTerminationEnabled(enable);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'QThread::setTerminationEnabled' with true
    bool disable = false;
    setTerminationEnabled(disable);
  }

public:
  void setEnabled(bool runtime_value) {
    setTerminationEnabled(runtime_value); // not known: not guessed at
  }
  void shutdown() {
    terminate();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'QThread::terminate' kills the thread at whatever instruction it is running: its destructors never run, and a mutex it holds stays locked forever; cooperative replacement: a coop::stop_source whose coop::stop_token run() checks, or requestInterruption() and isInterruptionRequested() checks in run(); a child process (coop::process_worker on POSIX) for work that must be killable [coop-terminate-thread]
    QThread::terminate();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'QThread::terminate' kills the thread
  }
};

class Leaf final : public Worker {};

// Declares its own terminate(), which hides QThread's: that one is the
// class's own business (unless it calls QThread's).
class Graceful : public QThread {
public:
  void terminate() {
    requestInterruption();
    wait();
  }
  void hard() {
    QThread::terminate();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'QThread::terminate' kills the thread
  }
};

// Not Qt's QThread, and not derived from it.
namespace app {
class QThread {
public:
  void terminate();
};
} // namespace app
struct Process {
  void terminate();
};

void callers(QThread *thread, QThread &ref, Worker *worker, Leaf leaf,
             Graceful *graceful, app::QThread *mine, Process *process) {
  thread->terminate();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'QThread::terminate' kills the thread
  ref.terminate();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'QThread::terminate' kills the thread
  worker->terminate();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'QThread::terminate' kills the thread
  leaf.terminate();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'QThread::terminate' kills the thread
  worker->QThread::terminate();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'QThread::terminate' kills the thread
  STOP(thread);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QThread::terminate' kills the thread
  STOP(worker); // NOLINT(coop-terminate-thread)

  graceful->terminate();
  mine->terminate();
  process->terminate();
  thread->requestInterruption();
  thread->quit();
  thread->wait();
}

// Connected as a slot: the address is taken.
void wire(QObject *button, QThread *thread, Worker *worker) {
  QObject::connect(button, 0, thread, &QThread::terminate);
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'QThread::terminate' kills the thread
  QObject::connect(button, 0, worker, &Worker::terminate);
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: 'QThread::terminate' kills the thread
  void (QThread::*slot)() = &QThread::quit;
  (thread->*slot)();
}

// Templates: reported once, however many instantiations.
template <class Thread> void stop_all(Thread *const *threads, int n) {
  for (int i = 0; i < n; ++i)
    threads[i]->terminate();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'QThread::terminate' kills the thread
}
template <bool Enable> struct Toggler : QThread {
  void run() override {
    setTerminationEnabled(Enable);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'QThread::setTerminationEnabled' with true
  }
};
template <class T> struct Owner : QThread {
  void stop() { terminate(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'QThread::terminate' kills the thread
};
// A dependent base: known to be QThread only once instantiated.
template <class Base> struct Wrapper : Base {
  void stop() {
    this->terminate();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'QThread::terminate' kills the thread
    Base::setTerminationEnabled(true);
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'QThread::setTerminationEnabled' with true
  }
};
void instantiate(QThread *const *threads, Worker *const *workers,
                 Leaf *const *leaves) {
  Wrapper<QThread> wrapped;
  wrapped.stop();
  Wrapper<Graceful> graceful; // its own terminate()
  graceful.stop();
  stop_all(threads, 1);
  stop_all(workers, 1);
  stop_all(leaves, 1);
  Toggler<false> off;
  Toggler<true> on;
  Owner<int> a;
  Owner<char> b;
  a.stop();
  b.stop();
}
