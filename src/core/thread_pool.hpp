#pragma once
// A fixed pool of workers and a parallel-for over task indices.
//
// Tasks are claimed dynamically, so which worker runs which task varies from
// run to run; callers keep results deterministic by writing task i's output
// to slot i (or to worker-owned buffers merged in task order), never to shared
// state in completion order.
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace mercator {

class ThreadPool {
 public:
  explicit ThreadPool(unsigned thread_count);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  unsigned size() const { return static_cast<unsigned>(workers_.size()) + 1; }

  // Runs task(index, worker) for every index in [0, count); worker is in
  // [0, size()). Returns when all are done. The calling thread works too.
  void parallel_for(size_t count, const std::function<void(size_t, unsigned)>& task);

 private:
  void worker_loop(unsigned worker);
  void run_tasks(unsigned worker);

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  const std::function<void(size_t, unsigned)>* task_ = nullptr;
  size_t task_count_ = 0;
  size_t next_task_ = 0;
  size_t finished_tasks_ = 0;
  uint64_t generation_ = 0;
  bool stopping_ = false;
};

}  // namespace mercator
