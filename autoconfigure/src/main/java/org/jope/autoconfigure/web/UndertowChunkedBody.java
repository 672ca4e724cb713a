package org.jope.autoconfigure.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;

import io.undertow.UndertowMessages;
import io.undertow.conduits.ChunkedStreamSourceConduit;
import io.undertow.conduits.ReadDataStreamSourceConduit;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpAttachments;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.StreamSourceConduit;

/**
 * A chunked request body on Undertow, decoded by {@link ChunkedBodyFraming} in place of Undertow's own decoder. That
 * one reads a chunk size that is not hexadecimal as the last chunk, so that {@code zz} ended the body and what came
 * after it was served as the next request; and on any error it closed the connection before a handler could answer.
 * Here a malformed body fails the read with a {@link MalformedChunkException} and leaves the connection open for the
 * reader's 400, marked as not persistent. As in Undertow's decoder, the bytes read past the end of the body go back
 * to the connection for the next request, and the end of the body ends the request.
 */
final class UndertowChunkedBody extends AbstractStreamSourceConduit<StreamSourceConduit> {

    private final HttpServerExchange exchange;

    private final HttpServerConnection connection;

    private final HeaderMap trailers = new HeaderMap();

    private final ChunkedBodyFraming framing = new ChunkedBodyFraming(
            (name, value) -> trailers.add(new HttpString(name), value));

    private MalformedChunkException malformed;

    private boolean requestEnded;

    private UndertowChunkedBody(HttpServerExchange exchange, HttpServerConnection connection) {
        // What Undertow's decoder reads from: the bytes the connection read past the request head, then the socket.
        super(new ReadDataStreamSourceConduit(connection.getOriginalSourceConduit(), connection));
        this.exchange = exchange;
        this.connection = connection;
    }

    /**
     * Puts this decoder where Undertow put its own, before anything has read the body; an exchange Undertow does not
     * decode as chunked over HTTP/1.1 is left as it is.
     */
    static void replaceUndertowsDecoder(HttpServerExchange exchange) {
        if (exchange.getConnection() instanceof HttpServerConnection connection) {
            ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
            if (source.getConduit() instanceof ChunkedStreamSourceConduit) {
                source.setConduit(new UndertowChunkedBody(exchange, connection));
            }
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (malformed != null) {
            throw malformed;
        }
        if (framing.ended()) {
            endRequest();
            return -1;
        }
        PooledByteBuffer pooled = connection.getByteBufferPool().allocate();
        ByteBuffer raw = pooled.getBuffer();
        try {
            int read = next.read(raw);
            raw.flip();
            if (read == -1) {
                throw new ClosedChannelException();
            }
            int copied = copyData(raw, dst);
            if (copied == 0 && framing.ended()) {
                endRequest();
                return -1;
            }
            return copied;
        }
        catch (MalformedChunkException failure) {
            malformed = failure;
            exchange.setPersistent(false);
            throw failure;
        }
        finally {
            if (raw.hasRemaining() && malformed == null) {
                connection.ungetRequestBytes(pooled);
            }
            else {
                pooled.close();
            }
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        for (int i = offs; i < offs + len; i++) {
            if (dsts[i].hasRemaining()) {
                return read(dsts[i]);
            }
        }
        return 0;
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return IoUtils.transfer(new ConduitReadableByteChannel(this), count, throughBuffer, target);
    }

    @Override
    public void terminateReads() throws IOException {
        next.terminateReads();
        if (!framing.ended()) {
            exchange.setPersistent(false);
            throw UndertowMessages.MESSAGES.chunkedChannelClosedMidChunk();
        }
    }

    /** Copies what {@code raw} holds of the chunks' data into {@code dst}, reading the framing between them. */
    private int copyData(ByteBuffer raw, ByteBuffer dst) throws MalformedChunkException {
        int copied = 0;
        while (dst.hasRemaining()) {
            long data = framing.advance(raw);
            if (data <= 0 || !raw.hasRemaining()) {
                break;
            }
            int bytes = (int) Math.min(data, Math.min(raw.remaining(), dst.remaining()));
            int limit = raw.limit();
            raw.limit(raw.position() + bytes);
            dst.put(raw);
            raw.limit(limit);
            framing.consumed(bytes);
            copied += bytes;
        }
        return copied;
    }

    /** Once, as the reader first sees the end: the trailers go where the servlet request looks for them. */
    private void endRequest() {
        if (!requestEnded) {
            requestEnded = true;
            exchange.putAttachment(HttpAttachments.REQUEST_TRAILERS, trailers);
            Connectors.terminateRequest(exchange);
        }
    }

}
