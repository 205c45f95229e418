#include <coop/coop.hpp>

#include <chrono>
#include <cstdio>

int main() {
  coop::deadline_source deadline(std::chrono::milliseconds(5));
  if (coop::sleep_for(deadline.get_token(), std::chrono::seconds(10)) != coop::wait_status::stop_requested) return 1;
  auto worker = coop::process_worker::spawn([] { return std::string("ok"); });
  worker.wait();
  if (worker.result().output != "ok") return 2;
  std::puts("consume_cpp: ok");
  return 0;
}
