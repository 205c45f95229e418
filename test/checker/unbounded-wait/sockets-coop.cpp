// Code that already uses the library: coop::wait_readable bounds the receive
// after it, a stop callback releasing the semaphore wakes its acquire, and
// the header the fix needs is not added twice. CheckAllFunctions.
// RUN: %check_coop %s coop-unbounded-wait %t -- \
// RUN:   -config="{CheckOptions: {coop-unbounded-wait.CheckAllFunctions: true}}" \
// RUN:   -- -std=c++20 -I %coop_include
#include <semaphore>
#include <sys/socket.h>
#include <coop/io.hpp>
#include <coop/stop_token.hpp>
// CHECK-FIXES: #include <coop/io.hpp>
// CHECK-FIXES-NOT: #include <coop/io.hpp>

std::counting_semaphore<4> slots(0);

void serve(coop::stop_token tok, int fd, int listener) {
  char buf[16];
  if (coop::wait_readable(fd, tok) == coop::wait_status::ready)
    recv(fd, buf, sizeof buf, 0);
  coop::stop_callback release(tok, [] { slots.release(); });
  slots.acquire();
  int other = accept(listener, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'accept' waits for a connection
  // CHECK-MESSAGES: :[[@LINE-8]]:29: note: the fix passes the stop token 'tok' declared here
  // CHECK-FIXES: {{^}}  int other = coop::accept(listener, nullptr, nullptr, tok);{{$}}
  recv(other, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' waits for data
  // CHECK-MESSAGES: :[[@LINE-12]]:29: note: the fix passes the stop token 'tok' declared here
  // CHECK-FIXES: {{^}}  coop::recv(other, buf, sizeof buf, 0, tok);{{$}}
}
