// Corpus TU: all of Boost.Thread and Boost.Asio, and the rest of Boost's
// concurrency headers, so coop's checks walk their templates and inline code.
// Not compiled into anything; bench/corpus/run.sh runs coop-tidy over it.
// Thread v4: boost::future exists only so. (Executors stay off: Boost 1.74's
// future.hpp has a typo in that path, x.that for x.that_, that clang 22 rejects.)
#define BOOST_THREAD_VERSION 4
#include <boost/asio.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/atomic.hpp>
#include <boost/fiber/all.hpp>
#include <boost/interprocess/sync/interprocess_condition.hpp>
#include <boost/interprocess/sync/interprocess_mutex.hpp>
#include <boost/lockfree/queue.hpp>
#include <boost/lockfree/spsc_queue.hpp>
#include <boost/process.hpp>
#include <boost/thread.hpp>
#include <boost/thread/barrier.hpp>
#include <boost/thread/concurrent_queues/sync_bounded_queue.hpp>
#include <boost/thread/concurrent_queues/sync_queue.hpp>
#include <boost/thread/future.hpp>
#include <boost/thread/latch.hpp>
#include <boost/thread/scoped_thread.hpp>
#include <boost/thread/shared_mutex.hpp>

// Instantiate the common templates, as a program using them would.
void coop_corpus_boost() {
  boost::asio::io_context io;
  boost::asio::steady_timer timer(io);
  boost::asio::thread_pool pool(2);
  boost::asio::post(pool, [] {});
  boost::thread worker([] { boost::this_thread::interruption_point(); });
  worker.interrupt();
  worker.join();
  boost::scoped_thread<> scoped{boost::thread([] {})};
  boost::promise<int> promise;
  boost::future<int> future = promise.get_future();
  boost::barrier barrier(1);
  boost::sync_queue<int> queue;
  boost::lockfree::queue<int> lockfree(16);
  pool.join();
}
