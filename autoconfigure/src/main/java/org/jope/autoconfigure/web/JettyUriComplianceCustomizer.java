package org.jope.autoconfigure.web;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;

import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Lets Jetty serve a name that holds '%', as Tomcat and Undertow do. Jetty 12 refuses {@code %25} in a path as an
 * ambiguous encoding twice: its connectors' URI compliance answers 400, and the ee10 servlet layer throws when the
 * path is decoded. This allows that one violation on every connector, on top of whatever compliance is configured,
 * and lets the servlet layer decode what the connectors let through; encoded separators ({@code %2F}), encoded dot
 * segments ({@code %2e%2e}) and the other ambiguities stay refused by the connectors. The publisher reads the
 * undecoded request URI and decodes each name once, so a '%' never decodes twice.
 */
class JettyUriComplianceCustomizer implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    static final UriCompliance.Violation ALLOWED = UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING;

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(JettyUriComplianceCustomizer::allowPercentInNames);
    }

    private static void allowPercentInNames(Server server) {
        for (Connector connector : server.getConnectors()) {
            for (ConnectionFactory connectionFactory : connector.getConnectionFactories()) {
                if (connectionFactory instanceof HttpConfiguration.ConnectionFactory http) {
                    HttpConfiguration configuration = http.getHttpConfiguration();
                    UriCompliance compliance = configuration.getUriCompliance();
                    if (!compliance.allows(ALLOWED)) {
                        configuration.setUriCompliance(compliance.with(compliance.getName() + "+PERCENT", ALLOWED));
                    }
                }
            }
        }
        for (ServletContextHandler context : server.getDescendants(ServletContextHandler.class)) {
            context.getServletHandler().setDecodeAmbiguousURIs(true);
        }
    }

}
