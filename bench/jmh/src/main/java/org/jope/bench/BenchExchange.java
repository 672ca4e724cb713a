package org.jope.bench;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A request and a response that allocate nothing, so that what a benchmark counts is the publisher's. Each answers
 * only what the publisher asks on a read; anything else reaches a proxy that fails with the method's name, so a
 * benchmark cannot silently measure a path these do not model.
 */
final class BenchExchange {

    private BenchExchange() {
    }

    static HttpServletRequest get(String uri, Map<String, String> headers) {
        return new Request("GET", uri, new HashMap<>(headers));
    }

    static Response response() {
        return new Response();
    }

    private static <T> T unsupported(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                }));
    }

    private static final class Request extends HttpServletRequestWrapper {

        private final String method;

        private final String uri;

        private final Map<String, String> headers;

        Request(String method, String uri, Map<String, String> headers) {
            super(unsupported(HttpServletRequest.class));
            this.method = method;
            this.uri = uri;
            this.headers = headers;
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }

        @Override
        public String getContextPath() {
            return "";
        }

        @Override
        public String getHeader(String name) {
            return headers.get(name);
        }

    }

    static final class Response extends HttpServletResponseWrapper {

        private final Output output = new Output();

        private int status;

        Response() {
            super(unsupported(HttpServletResponse.class));
        }

        int status() {
            return status;
        }

        long bytesWritten() {
            return output.written;
        }

        @Override
        public void setStatus(int status) {
            this.status = status;
        }

        @Override
        public void setHeader(String name, String value) {
        }

        @Override
        public void setContentType(String type) {
        }

        @Override
        public void setContentLength(int length) {
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return output;
        }

    }

    private static final class Output extends ServletOutputStream {

        long written;

        @Override
        public void write(int b) {
            written++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            written += length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("ServletOutputStream.setWriteListener");
        }

    }

}
