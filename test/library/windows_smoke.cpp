// Compiled (not run) for Windows by mingw-compile.sh: every public header, the Windows
// I/O path and the C API must build and link there.
#include <winsock2.h>
#include <windows.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "coop/coop.h"
#include "coop/coop.hpp"

int main() {
  using namespace std::chrono_literals;
  coop::stop_source source;
  coop::jthread worker([](coop::stop_token token) { coop::sleep_for(token, 10ms); });
  worker.stop_and_join(1s);

  std::mutex m;
  std::condition_variable cv;
  std::unique_lock<std::mutex> lock(m);
  coop::wait_for(cv, lock, source.get_token(), 1ms, [] { return false; });
  lock.unlock();

  coop::bounded_queue<int> q(4);
  q.push(1, source.get_token());
  coop::binary_semaphore sem(1);
  coop::acquire(sem, source.get_token(), 1ms);
  coop::deadline_source deadline(5ms);
  coop::linked_stop_source child(source.get_token(), deadline.get_token());

  HANDLE event = ::CreateEventW(nullptr, TRUE, FALSE, nullptr);
  coop::wait_handle(event, child.get_token(), 50ms);
  ::CloseHandle(event);

  WSADATA wsa;
  ::WSAStartup(MAKEWORD(2, 2), &wsa);
  const SOCKET s = ::socket(AF_INET, SOCK_STREAM, 0);
  coop::wait_readable(static_cast<coop::native_socket>(s), source.get_token(), 1ms);
  char buf[4];
  coop::recv(static_cast<coop::native_socket>(s), buf, sizeof buf, 0, source.get_token(), 1ms);
  ::closesocket(s);
  ::WSACleanup();

  coop_stop_source* c = coop_stop_source_create();
  coop_sleep_ms(coop_stop_source_token(c), 1);
  coop_stop_source_request_stop(c);
  coop_stop_source_destroy(c);
  return 0;
}
