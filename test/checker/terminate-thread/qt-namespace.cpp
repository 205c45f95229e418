// A Qt configured with -qtnamespace declares its classes in the namespace the
// QT_NAMESPACE macro names; that QThread is Qt's, a QThread in any other
// namespace is not.
// RUN: %check_coop %s coop-terminate-thread %t -- -- -std=c++17 -nostdinc \
// RUN:   -isystem %S/../Inputs/terminate-thread -DQT_NAMESPACE=MyQt
#include "qthread-stand-in.h"

namespace other {
class QThread {
public:
  void terminate();
};
} // namespace other

class Worker : public MyQt::QThread {
  void run() override { setTerminationEnabled(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'QThread::setTerminationEnabled' with true lets QThread::terminate() kill the thread
};

void stop(MyQt::QThread *thread, Worker *worker, other::QThread *unrelated) {
  thread->terminate();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'QThread::terminate' kills the thread
  worker->terminate();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'QThread::terminate' kills the thread
  unrelated->terminate();
}
