// Fuzzer stand-in for <QThread>.
#ifndef COOP_FUZZ_QT_H
#define COOP_FUZZ_QT_H
class QObject {
public:
  virtual ~QObject();
};
class QThread : public QObject {
public:
  void start();
  void terminate();
  void quit();
  bool wait(unsigned long time = 0xFFFFFFFFUL);
  void requestInterruption();
  bool isInterruptionRequested() const;
  static void setTerminationEnabled(bool enabled = true);
  static QThread *currentThread();
  template <class F> static QThread *create(F &&);

protected:
  virtual void run();
};
#endif
