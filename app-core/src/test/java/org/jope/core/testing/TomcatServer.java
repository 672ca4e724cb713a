package org.jope.core.testing;

import java.nio.file.Path;

import jakarta.servlet.Servlet;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/** A plain embedded Tomcat on a random loopback port, with one servlet at "/": no Spring involved. */
public final class TomcatServer implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();

    public TomcatServer(Servlet servlet, Path baseDir) throws LifecycleException {
        this(servlet, baseDir, 200);
    }

    /** @param workerThreads the connector's request threads; Tomcat's own default is 200 */
    public TomcatServer(Servlet servlet, Path baseDir, int workerThreads) throws LifecycleException {
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.getConnector().setProperty("maxThreads", Integer.toString(workerThreads));
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "jope", servlet).setAsyncSupported(true);
        context.addServletMappingDecoded("/", "jope");
        tomcat.start();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

}
