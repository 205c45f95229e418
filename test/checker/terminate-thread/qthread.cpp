// The real QThread: Qt 6's <QThread> (Debian's qt6-base-dev).
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c++17 -fPIC \
// RUN:   -isystem /usr/include/x86_64-linux-gnu/qt6 \
// RUN:   -isystem /usr/include/x86_64-linux-gnu/qt6/QtCore
#include <QThread>

#define STOP(t) (t)->terminate()

class Worker : public QThread {
  void run() override {
    setTerminationEnabled(false);
    // ... a critical section ...
    setTerminationEnabled(true);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'QThread::setTerminationEnabled' with true lets QThread::terminate() kill the thread at any instruction of the code that follows; cooperative replacement: leave termination disabled and stop the thread cooperatively: a coop::stop_token that run() checks, or requestInterruption() [coop-terminate-thread]
    setTerminationEnabled();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'QThread::setTerminationEnabled' with true
    while (!isInterruptionRequested()) {
    }
  }
};

void stop(QThread *thread, Worker *worker) {
  thread->terminate();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'QThread::terminate' kills the thread at whatever instruction it is running: its destructors never run, and a mutex it holds stays locked forever; cooperative replacement: a coop::stop_source whose coop::stop_token run() checks, or requestInterruption() and isInterruptionRequested() checks in run(); a child process (coop::process_worker on POSIX) for work that must be killable [coop-terminate-thread]
  worker->terminate();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'QThread::terminate' kills the thread
  STOP(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QThread::terminate' kills the thread
  STOP(thread); // NOLINT
}

void wire(QObject *owner, QThread *thread) {
  QObject::connect(owner, &QObject::destroyed, thread, &QThread::terminate);
  // CHECK-MESSAGES: :[[@LINE-1]]:66: warning: 'QThread::terminate' kills the thread
  QObject::connect(owner, &QObject::destroyed, thread, &QThread::requestInterruption);
}

template <class T> void stop_all(T *const *threads, int n) {
  for (int i = 0; i < n; ++i)
    threads[i]->terminate();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'QThread::terminate' kills the thread
}

// The cooperative way is silent.
void cooperative(QThread *const *threads, Worker *const *workers) {
  stop_all(threads, 2);
  stop_all(workers, 2);
  threads[0]->requestInterruption();
  threads[0]->quit();
  threads[0]->wait();
}
