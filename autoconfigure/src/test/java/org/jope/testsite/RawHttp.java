package org.jope.testsite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Speaks HTTP/1.1 over a plain socket, so that a test controls every byte it sends (a bare CR in a header, a
 * request line the container must reject) and the address it sends from (127.0.0.2 is another peer on loopback).
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 10_000;

    private RawHttp() {
    }

    /** Sends the request from 127.0.0.1; it should ask for {@code Connection: close}. */
    public static Response send(int port, String request) throws IOException {
        return send("127.0.0.1", port, request);
    }

    public static Response send(String fromAddress, int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return Response.read(socket.getInputStream(), request.startsWith("HEAD "));
        }
    }

    /** Sends the start of a request and hangs up without waiting for an answer. */
    public static void sendAndHangUp(int port, String partialRequest) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoLinger(true, 0);
            socket.getOutputStream().write(partialRequest.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }
    }

    /** A connection for a test that sends its request in steps, or reads its answer later. */
    public static Socket open(int port, Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout((int) readTimeout.toMillis());
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
        return socket;
    }

    public static void write(Socket socket, String text) throws IOException {
        write(socket, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static void write(Socket socket, byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /**
     * Fails unless the server has closed the connection, with nothing more to read: end of stream, or a reset. A
     * read that times out means the server kept it open.
     */
    public static void assertClosed(Socket socket) throws IOException {
        try {
            int next = socket.getInputStream().read();
            if (next != -1) {
                throw new AssertionError("the server sent more on a connection it should have closed");
            }
        }
        catch (SocketTimeoutException ex) {
            throw new AssertionError("the server kept the connection open", ex);
        }
        catch (IOException reset) {
            // closed with a reset: closed all the same
        }
    }

    /** The status and the body of a response; the body de-chunked. */
    public record Response(int status, String head, byte[] body) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public static Response read(InputStream in, boolean headRequest) throws IOException {
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            String lower = head.toLowerCase(Locale.ROOT);
            if (headRequest || status < 200 || status == 204 || status == 304) {
                return new Response(status, head, new byte[0]);
            }
            if (lower.contains("\r\ntransfer-encoding: chunked")) {
                return new Response(status, head, readChunked(in));
            }
            int length = lower.indexOf("\r\ncontent-length:");
            if (length >= 0) {
                int end = lower.indexOf("\r\n", length + 2);
                int size = Integer.parseInt(lower.substring(length + 17, end).strip());
                return new Response(status, head, in.readNBytes(size));
            }
            return new Response(status, head, in.readAllBytes());
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("Connection closed in the response head: " + head);
                }
                head.append((char) b);
            }
            return head.toString();
        }

        private static byte[] readChunked(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).strip(),
                        16);
                if (size == 0) {
                    while (!readLine(in).isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

    }

}
