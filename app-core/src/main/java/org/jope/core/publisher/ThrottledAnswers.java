package org.jope.core.publisher;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.http.Rendered;

/**
 * Sends the 429 of a throttled login after a pause, and holds no thread meanwhile: the request goes asynchronous
 * and one scheduler thread sends the answer when the pause is over. Answered at once, a guesser asks again at once,
 * and its 429s alone took a third of a two-core machine from the readers; paused, each of its connections asks at
 * most once per pause. The request's body is discarded meanwhile as it arrives ({@link BodyDrain}); a connection
 * whose body did not all arrive is closed by the answer. The answer is small enough for the socket's buffer, so a
 * write does not wait on the client.
 */
final class ThrottledAnswers {

    private static final Duration PAUSE = Publisher.THROTTLED_LOGIN_PAUSE;

    /** Past the pause, so that the container gives up on an answer only if the scheduler has stopped. */
    private static final Duration ASYNC_TIMEOUT = PAUSE.plusSeconds(30);

    private static final Logger logger = LoggerFactory.getLogger(ThrottledAnswers.class);

    private final PublishingStats stats;

    private final ScheduledExecutorService scheduler;

    ThrottledAnswers(PublishingStats stats, ScheduledExecutorService scheduler) {
        this.stats = stats;
        this.scheduler = scheduler;
    }

    /**
     * Sends {@code answer} after the pause, if the request can go asynchronous (every filter before the publisher
     * allows it) and keeps no place that others wait for while it does.
     *
     * @return false if it cannot, and the caller answers at once
     */
    boolean sendLater(HttpServletRequest request, HttpServletResponse response, Rendered answer, boolean withBody) {
        if (!request.isAsyncSupported() || request.getAttribute(Publisher.HOLDS_A_PLACE_ATTRIBUTE) != null) {
            return false;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(ASYNC_TIMEOUT.toMillis());
        BodyDrain body = BodyDrain.start(request);
        stats.throttledAnswerWaits(1);
        scheduler.schedule(() -> send(async, response, answer, withBody, body), PAUSE.toMillis(),
                TimeUnit.MILLISECONDS);
        return true;
    }

    private void send(AsyncContext async, HttpServletResponse response, Rendered answer, boolean withBody,
            BodyDrain body) {
        stats.throttledAnswerWaits(-1);
        try {
            if (body == null || !body.finished()) {
                response.setHeader("Connection", "close");
            }
            answer.writeTo(response, withBody);
        }
        catch (IOException | RuntimeException ex) {
            // The guesser has gone; there is nobody to tell.
            logger.debug("A throttled login's answer was not sent: {}", ex.toString());
        }
        finally {
            async.complete();
        }
    }

}
