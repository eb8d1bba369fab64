#include "core/thread_pool.hpp"

namespace mercator {

ThreadPool::ThreadPool(unsigned thread_count) {
  const unsigned extra = thread_count > 1 ? thread_count - 1 : 0;
  for (unsigned worker = 1; worker <= extra; ++worker) {
    workers_.emplace_back([this, worker] { worker_loop(worker); });
  }
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : workers_) thread.join();
}

void ThreadPool::parallel_for(size_t count, const std::function<void(size_t, unsigned)>& task) {
  if (count == 0) return;
  if (workers_.empty() || count == 1) {
    for (size_t index = 0; index < count; ++index) task(index, 0);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    task_ = &task;
    task_count_ = count;
    next_task_ = 0;
    finished_tasks_ = 0;
    ++generation_;
  }
  wake_.notify_all();
  run_tasks(0);
  std::unique_lock lock(mutex_);
  done_.wait(lock, [this] { return finished_tasks_ == task_count_; });
  task_ = nullptr;
}

void ThreadPool::run_tasks(unsigned worker) {
  while (true) {
    size_t index;
    const std::function<void(size_t, unsigned)>* task;
    {
      std::lock_guard lock(mutex_);
      if (task_ == nullptr || next_task_ >= task_count_) return;
      index = next_task_++;
      task = task_;
    }
    (*task)(index, worker);
    bool all_done;
    {
      std::lock_guard lock(mutex_);
      all_done = ++finished_tasks_ == task_count_;
    }
    if (all_done) done_.notify_all();
  }
}

void ThreadPool::worker_loop(unsigned worker) {
  uint64_t seen_generation = 0;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != seen_generation; });
      if (stopping_) return;
      seen_generation = generation_;
    }
    run_tasks(worker);
  }
}

}  // namespace mercator
