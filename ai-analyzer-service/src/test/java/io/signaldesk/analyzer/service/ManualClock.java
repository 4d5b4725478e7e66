package io.signaldesk.analyzer.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The model queue's clock moved by hand: its timer's tasks run, in time order, when the clock passes them. */
final class ManualClock implements QueueClock {

    private final List<Task> tasks = new ArrayList<>();
    private long now;

    ManualClock(long start) {
        this.now = start;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Runnable schedule(Runnable task, long delayNanos) {
        Task scheduled = new Task(now + delayNanos, task);
        tasks.add(scheduled);
        return () -> tasks.remove(scheduled);
    }

    @Override
    public void close() {
        tasks.clear();
    }

    /** When the timer's next task runs, or {@link Long#MAX_VALUE} when none is set. */
    long nextTaskAt() {
        return tasks.stream().mapToLong(Task::at).min().orElse(Long.MAX_VALUE);
    }

    /** Moves the clock to {@code to}, running each task due on the way at its own time. */
    void advanceTo(long to) {
        if (to < now) {
            throw new IllegalArgumentException("the clock does not go back: " + to + " < " + now);
        }
        while (true) {
            Task next = tasks.stream().filter(task -> task.at() <= to).min(Comparator.comparingLong(Task::at)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = Math.max(now, next.at());
            next.run().run();
        }
        now = to;
    }

    private record Task(long at, Runnable run) {
    }
}
