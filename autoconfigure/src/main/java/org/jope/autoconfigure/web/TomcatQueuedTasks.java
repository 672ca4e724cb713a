package org.jope.autoconfigure.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletException;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.catalina.Lifecycle;
import org.apache.tomcat.util.threads.TaskQueue;
import org.apache.tomcat.util.threads.TaskThreadFactory;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

/**
 * Tomcat's connector executor, stamping each task with the time it was handed in. Tomcat's own request start time is
 * taken when a worker begins to parse the request, after the wait for that worker, so it cannot tell how long a
 * request queued; the stamp can. It is built as Tomcat builds its internal executor (a {@link TaskQueue} that makes
 * the pool grow to its maximum before it queues), and {@link Arrival} puts the stamp on the request.
 */
final class TomcatQueuedTasks extends ThreadPoolExecutor {

    private static final ThreadLocal<Long> HANDED_IN = new ThreadLocal<>();

    private TomcatQueuedTasks(int minSpare, int max, TaskQueue queue, TaskThreadFactory threads) {
        super(minSpare, max, 60, TimeUnit.SECONDS, queue, threads);
    }

    static TomcatQueuedTasks create(String name, int minSpare, int max) {
        TaskQueue queue = new TaskQueue();
        TomcatQueuedTasks executor = new TomcatQueuedTasks(minSpare, max, queue,
                new TaskThreadFactory(name + "-exec-", true, Thread.NORM_PRIORITY));
        queue.setParent(executor);
        return executor;
    }

    @Override
    public void execute(Runnable task) {
        long handedIn = System.nanoTime();
        super.execute(() -> {
            HANDED_IN.set(handedIn);
            try {
                task.run();
            }
            finally {
                HANDED_IN.remove();
            }
        });
    }

    /** Shuts the executor down with its connector, which does so only for an executor of its own. */
    LifecycleListener stopWithConnector() {
        return (LifecycleEvent event) -> {
            if (Lifecycle.AFTER_STOP_EVENT.equals(event.getType())) {
                shutdownNow();
            }
        };
    }

    /**
     * Puts the running task's stamp on the first request the task serves, for the queue timeout. A task may go on to
     * serve the next request of its keep-alive connection, which never queued: that one, and any request without a
     * stamp, arrives when Tomcat began to parse it.
     */
    static final class Arrival extends ValveBase {

        Arrival() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if (request.getAttribute(RequestArrival.ATTRIBUTE) == null) {
                Long handedIn = HANDED_IN.get();
                HANDED_IN.remove();
                RequestArrival.record(request,
                        handedIn != null ? handedIn : request.getCoyoteRequest().getStartTimeNanos());
                RequestArrival.pickedUp(request, System.nanoTime());
            }
            getNext().invoke(request, response);
        }

    }

}
