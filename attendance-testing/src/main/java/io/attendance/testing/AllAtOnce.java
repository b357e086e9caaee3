package io.attendance.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Real concurrency for tests: calls released together, each on its own thread. */
public final class AllAtOnce {
    private AllAtOnce() {
    }

    /**
     * Runs {@code calls} calls, made by {@code call} from their index, released at the same moment on
     * as many threads; gives each one's outcome in index order: what it returned, or the runtime
     * exception it threw.
     */
    public static List<Object> outcomes(int calls, IntFunction<Callable<?>> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                Callable<?> work = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return work.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
