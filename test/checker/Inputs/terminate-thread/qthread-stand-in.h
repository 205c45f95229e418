// The parts of Qt's QThread the check looks at, declared as <QThread> does
// (optionally inside QT_NAMESPACE, as a Qt configured with -qtnamespace).
#ifndef COOP_TEST_QTHREAD_STAND_IN_H
#define COOP_TEST_QTHREAD_STAND_IN_H

#ifdef QT_NAMESPACE
namespace QT_NAMESPACE {
#endif

class QObject {
public:
  virtual ~QObject();
  template <class Sender, class Signal, class Receiver, class Slot>
  static bool connect(Sender, Signal, Receiver, Slot);
};

class QThread : public QObject {
public:
  void start();
  void terminate();
  void quit();
  void exit(int code = 0);
  bool wait(unsigned long time = ~0UL);
  void requestInterruption();
  bool isInterruptionRequested() const;

protected:
  virtual void run();
  static void setTerminationEnabled(bool enabled = true);
};

#ifdef QT_NAMESPACE
}
#endif

#endif
