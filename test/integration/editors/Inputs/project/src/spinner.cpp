// A detached thread that spins forever, in a file whose <thread> comes from
// clangd's preamble. clangd gives the checks the main file's declarations
// (its traversal scope), not the whole TU: the thread-entry walk starts from
// those, inside a namespace and a linkage specification.
#include <thread>

int poll_device();

namespace service {
void spin() {
  for (;;)
    poll_device();
}
} // namespace service

extern "C++" {
void start_spinner() { std::thread(service::spin).detach(); }
}
