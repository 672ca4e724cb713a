package org.jope.autoconfigure.web;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Bounds what a request's body may cost on Jetty. It shortens the connection's idle timeout to the body timeout while
 * the body is being read, and gives it back once the last chunk has arrived or the request is done: Jetty has no
 * timeout of its own for a body read, and its idle timeout, the channel timeout, would let a stalled upload hold a
 * worker for two minutes. And an answer that starts before the body has all been read says
 * {@code Connection: close}, so that Jetty closes the connection after it instead of keeping it open for a body that
 * may never come.
 */
final class JettyBodyTimeoutHandler extends Handler.Wrapper {

    private final long bodyTimeoutMillis;

    JettyBodyTimeoutHandler(Handler handler, long bodyTimeoutMillis) {
        super(handler);
        this.bodyTimeoutMillis = bodyTimeoutMillis;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getLength() == 0 || (request.getLength() < 0
                && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING))) {
            return super.handle(request, response, callback);
        }
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        long idleTimeout = endPoint.getIdleTimeout();
        Runnable restore = () -> endPoint.setIdleTimeout(idleTimeout);
        endPoint.setIdleTimeout(bodyTimeoutMillis);
        AtomicBoolean bodyRead = new AtomicBoolean();
        Request reading = new Request.Wrapper(request) {

            @Override
            public Content.Chunk read() {
                Content.Chunk chunk = super.read();
                if (chunk != null && chunk.isLast()) {
                    bodyRead.set(!Content.Chunk.isFailure(chunk));
                    restore.run();
                }
                return chunk;
            }

        };
        Response answering = new Response.Wrapper(reading, response) {

            @Override
            public void write(boolean last, ByteBuffer content, Callback written) {
                if (!bodyRead.get() && !isCommitted()) {
                    getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                }
                super.write(last, content, written);
            }

        };
        return super.handle(reading, answering, Callback.from(callback, restore));
    }

}
