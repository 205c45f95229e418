// Corpus TU: all of QtCore (QThread::terminate is declared here), so coop's
// checks walk Qt's headers, inline code and templates.
#include <QtCore>

// Instantiate the common templates, as a program using them would.
void coop_corpus_qt() {
  QThread *thread = QThread::create([] {});
  thread->start();
  thread->requestInterruption();
  thread->quit();
  thread->wait();
  QMutex mutex;
  QWaitCondition condition;
  QMutexLocker lock(&mutex);
  condition.wait(&mutex, QDeadlineTimer(10));
  QThreadPool::globalInstance()->start([] {});
  QFuture<void> future;
  QSemaphore semaphore;
  QReadWriteLock rw;
  QAtomicInt flag;
  delete thread;
}
